package io.argo4j.runtime.local.internal;

import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.engine.ReportedOutputs;
import io.argo4j.executor.StepResult;
import io.argo4j.executor.TemplateSteps;
import io.argo4j.model.Artifact;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a local step looks to the engine: the pod observation that stands for a step process in each
 * stage of its life. The only place that maps {@link StepResult}s to pod phases.
 */
public final class StepObservations {

  /** The host name recorded as the node's {@code hostNodeName}. */
  public static final String HOST = "localhost";

  /** Reason of a step whose process could not be started (the engine makes the node an Error). */
  public static final String START_ERROR = "StartError";

  /** Reason of a step whose process was gone when argo4j came back. */
  public static final String LOST = "Lost";

  /** Reason of a step killed because its deadline passed. */
  public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";

  private StepObservations() {}

  /** Asked for, not running yet (waiting for its paths, or being set up). */
  public static PodObservation pending(String podName) {
    return new PodObservation(
        podName, PodPhase.PENDING, null, null, null, null, false, List.of(), null, HOST, null);
  }

  /** Its process runs. */
  public static PodObservation running(String podName, Instant startedAt) {
    return new PodObservation(
        podName,
        PodPhase.RUNNING,
        null,
        null,
        startedAt,
        null,
        false,
        List.of(ContainerObservation.running("main")),
        null,
        HOST,
        null);
  }

  /**
   * It ended: Succeeded when it exited 0 with every output collected, else Failed; a step that
   * could not start at all is a Failed pod with reason {@value #START_ERROR}.
   *
   * @param deadlineExceeded whether the runtime killed it because its deadline passed
   */
  public static PodObservation finished(
      String podName, StepResult result, boolean deadlineExceeded) {
    if (result.exitCode() == null) {
      return failedWithoutExit(podName, START_ERROR, result.message(), result);
    }
    boolean succeeded = result.succeeded();
    Instant finishedAt = result.finishedAt();
    String reason = deadlineExceeded ? DEADLINE_EXCEEDED : null;
    String message =
        succeeded
            ? null
            : deadlineExceeded
                ? "Pod was active on the node longer than the specified deadline"
                : result.message();
    return new PodObservation(
        podName,
        succeeded ? PodPhase.SUCCEEDED : PodPhase.FAILED,
        reason,
        message,
        result.startedAt(),
        finishedAt,
        false,
        containers(result, finishedAt),
        ReportedOutputs.complete(outputs(result)),
        HOST,
        null);
  }

  /**
   * Its process was gone when argo4j came back (killed with the runner, or the machine restarted):
   * Failed with reason {@value #LOST}, which the engine turns into an Error node that {@code
   * retryStrategy} may retry.
   */
  public static PodObservation lost(String podName, StepResult result) {
    String detail = result == null || result.failure() == null ? "" : " (" + result.failure() + ")";
    return failedWithoutExit(
        podName,
        LOST,
        "the step's process was gone when argo4j restarted: the runner that started it was"
            + " stopped before the step finished"
            + detail,
        result);
  }

  private static PodObservation failedWithoutExit(
      String podName, String reason, String message, StepResult result) {
    Instant startedAt = result == null ? null : result.startedAt();
    Instant finishedAt = result == null ? null : result.finishedAt();
    return new PodObservation(
        podName,
        PodPhase.FAILED,
        reason,
        message,
        startedAt,
        finishedAt,
        false,
        List.of(),
        ReportedOutputs.complete(Outputs.builder().build()),
        HOST,
        null);
  }

  /**
   * The containers' final states: {@code main}'s, or for a containerSet each container's that ran,
   * from the exit codes the containerSet script recorded (one that never started has none; the
   * engine gives it the pod's outcome).
   */
  private static List<ContainerObservation> containers(StepResult result, Instant finishedAt) {
    List<ContainerObservation> set = new ArrayList<>();
    boolean isSet = false;
    for (Map.Entry<String, String> e : result.outputParameters().entrySet()) {
      if (!e.getKey().startsWith(TemplateSteps.CONTAINER_STATUS_PREFIX)) {
        continue;
      }
      isSet = true;
      String code = e.getValue() == null ? "" : e.getValue().strip();
      if (code.matches("\\d+")) {
        int exit = Integer.parseInt(code);
        set.add(
            ContainerObservation.terminated(
                e.getKey().substring(TemplateSteps.CONTAINER_STATUS_PREFIX.length()),
                exit,
                exit == 0 ? "Completed" : "Error",
                finishedAt));
      }
    }
    if (isSet) {
      return set;
    }
    return List.of(
        ContainerObservation.terminated(
            "main", result.exitCode(), result.succeeded() ? "Completed" : "Error", finishedAt));
  }

  /** Output parameters, {@code result} when captured, {@code exitCode}, artifacts. */
  static Outputs outputs(StepResult result) {
    List<Parameter> parameters = new ArrayList<>();
    result.outputParameters().entrySet().stream()
        .filter(e -> !e.getKey().startsWith(TemplateSteps.CONTAINER_STATUS_PREFIX))
        .forEach(
            e -> parameters.add(Parameter.builder().name(e.getKey()).value(e.getValue()).build()));
    List<Artifact> artifacts = new ArrayList<>();
    result
        .outputArtifacts()
        .forEach((name, path) -> artifacts.add(Artifact.builder().name(name).path(path).build()));
    return Outputs.builder()
        .parameters(parameters.isEmpty() ? null : parameters)
        .artifacts(artifacts.isEmpty() ? null : artifacts)
        .result(result.result())
        .exitCode(result.exitCode() == null ? null : Integer.toString(result.exitCode()))
        .build();
  }
}
