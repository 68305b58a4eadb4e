package io.argo4j.engine;

import java.time.Instant;

/**
 * One container of an observed pod.
 *
 * @param name {@code main} for the user's container (or a container-set container's name), {@code
 *     wait} for the executor's sidecar, {@code init} for its init container
 * @param state where the container is in its life
 * @param exitCode set once terminated
 * @param reason Kubernetes' reason ({@code OOMKilled}, {@code Error}, {@code ImagePullBackOff}...)
 * @param message a human message, if any
 * @param ready whether the container passes its readiness checks (daemons)
 * @param finishedAt when it terminated
 */
public record ContainerObservation(
    String name,
    State state,
    Integer exitCode,
    String reason,
    String message,
    boolean ready,
    Instant finishedAt) {

  /** Kubernetes' container states. */
  public enum State {
    WAITING,
    RUNNING,
    TERMINATED
  }

  public static ContainerObservation terminated(
      String name, int exitCode, String reason, Instant at) {
    return new ContainerObservation(name, State.TERMINATED, exitCode, reason, null, false, at);
  }

  public static ContainerObservation running(String name) {
    return new ContainerObservation(name, State.RUNNING, null, null, null, true, null);
  }

  public static ContainerObservation waiting(String name, String reason, String message) {
    return new ContainerObservation(name, State.WAITING, null, reason, message, false, null);
  }
}
