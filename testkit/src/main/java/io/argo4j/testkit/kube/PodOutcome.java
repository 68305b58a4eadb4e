package io.argo4j.testkit.kube;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a {@link PodProgram}'s main container ended, as the kubelet and the wait container report it.
 *
 * @param exitCode main's exit code, or null when it never started (then the pod fails with reason
 *     {@value #START_ERROR} and {@code message})
 * @param succeeded whether the step succeeded: exit 0 and every output collected
 * @param message why it failed (for example an output that could not be collected), or null
 * @param result {@code outputs.result}, or null
 * @param parameters output parameters, in order
 * @param artifacts output artifacts found, name to where they are
 * @param containerExitCodes exit codes of the containers of a containerSet that ran, by name; empty
 *     for a single main container
 */
public record PodOutcome(
    Integer exitCode,
    boolean succeeded,
    String message,
    String result,
    Map<String, String> parameters,
    Map<String, String> artifacts,
    Map<String, Integer> containerExitCodes) {

  /** The pod's status reason when main could not be started. */
  public static final String START_ERROR = "StartError";

  public PodOutcome {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    artifacts = Collections.unmodifiableMap(new LinkedHashMap<>(artifacts));
    containerExitCodes = Map.copyOf(containerExitCodes);
  }

  /** Main could not be started; {@code message} says why. */
  public static PodOutcome startError(String message) {
    return new PodOutcome(null, false, message, null, Map.of(), Map.of(), Map.of());
  }
}
