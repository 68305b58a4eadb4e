package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.Action;
import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pod in the simulated cluster. Only the API server and the kubelet change it; everyone else sees
 * {@link PodSnapshot}s. Like a Kubernetes pod it carries labels, annotations and finalizers: a
 * deleted pod whose containers are gone stays (terminated, {@link #deleting}) until its last
 * finalizer is removed.
 */
public final class SimPod {
  public final String name;
  public final String namespace;
  public final String nodeId;
  public final String workflow;
  public final Action.StartPod start;
  public final String host;
  final Map<String, String> labels = new TreeMap<>();
  final Map<String, String> annotations = new TreeMap<>();
  final List<String> finalizers = new ArrayList<>();
  PodPhase phase = PodPhase.PENDING;
  String reason;
  String message;
  Instant startedAt;
  Instant finishedAt;
  Instant deletionRequestedAt;
  boolean deleting;
  boolean removed;

  /** The kubelet is done with the deleted pod; only finalizers keep the object. */
  boolean awaitingFinalizers;

  boolean stopRequested;
  boolean mainStarted;
  boolean executorHung;
  ContainerObservation main = ContainerObservation.waiting("main", "ContainerCreating", null);
  // No reason on the wait container while pending: see docs/reliability.md (write amplification).
  ContainerObservation wait = ContainerObservation.waiting("wait", null, null);
  long rv;

  SimPod(String namespace, String workflow, Action.StartPod start, String host) {
    this.name = start.podName();
    this.namespace = namespace;
    this.nodeId = start.nodeId();
    this.workflow = workflow;
    this.start = start;
    this.host = host;
  }

  public PodPhase phase() {
    return phase;
  }

  public boolean removed() {
    return removed;
  }

  public ContainerObservation main() {
    return main;
  }

  public List<String> finalizers() {
    return List.copyOf(finalizers);
  }

  /**
   * Still taking resources: not removed, not a deleted pod kept only by its finalizers, and not in
   * a terminal phase.
   */
  public boolean live() {
    return !removed
        && !awaitingFinalizers
        && (phase == PodPhase.PENDING || phase == PodPhase.RUNNING);
  }

  /** The main container is running the user's code. */
  public boolean mainRunning() {
    return live() && main.state() == ContainerObservation.State.RUNNING;
  }

  PodSnapshot snapshot() {
    return new PodSnapshot(name, nodeId, workflow, observation(), toPod(), rv);
  }

  private PodObservation observation() {
    return new PodObservation(
        name,
        phase,
        reason,
        message,
        startedAt,
        finishedAt,
        deleting,
        List.of(main, wait),
        null,
        host,
        podIp());
  }

  private String podIp() {
    return startedAt == null ? null : "10.0." + (Math.abs(name.hashCode()) % 250) + ".7";
  }

  /** The pod as the API server serves it (the fields the controller reads). */
  private Pod toPod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(new TreeMap<>(labels))
        .withAnnotations(new TreeMap<>(annotations))
        .withFinalizers(new ArrayList<>(finalizers))
        .withDeletionTimestamp(deletionRequestedAt == null ? null : deletionRequestedAt.toString())
        .withResourceVersion(Long.toString(rv))
        .endMetadata()
        .withNewSpec()
        .withNodeName(host)
        .endSpec()
        .withNewStatus()
        .withPhase(phaseName(phase))
        .withReason(reason)
        .withMessage(message)
        .withStartTime(startedAt == null ? null : startedAt.toString())
        .withPodIP(podIp())
        .withContainerStatuses(status(wait), status(main))
        .endStatus()
        .build();
  }

  private static String phaseName(PodPhase p) {
    return switch (p) {
      case PENDING -> "Pending";
      case RUNNING -> "Running";
      case SUCCEEDED -> "Succeeded";
      case FAILED -> "Failed";
      case UNKNOWN -> "Unknown";
    };
  }

  private static ContainerStatus status(ContainerObservation c) {
    ContainerState state =
        switch (c.state()) {
          case WAITING ->
              new ContainerStateBuilder()
                  .withNewWaiting()
                  .withReason(c.reason())
                  .withMessage(c.message())
                  .endWaiting()
                  .build();
          case RUNNING -> new ContainerStateBuilder().withNewRunning().endRunning().build();
          case TERMINATED ->
              new ContainerStateBuilder()
                  .withNewTerminated()
                  .withExitCode(c.exitCode())
                  .withReason(c.reason())
                  .withMessage(c.message())
                  .withFinishedAt(c.finishedAt() == null ? null : c.finishedAt().toString())
                  .endTerminated()
                  .build();
        };
    return new ContainerStatusBuilder()
        .withName(c.name())
        .withReady(c.ready())
        .withState(state)
        .build();
  }
}
