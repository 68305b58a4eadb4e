package io.argo4j.executor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one step produced, read back from its step directory.
 *
 * @param exitCode the command's exit code ({@code 128 + n} when signal {@code n} ended it), or null
 *     when the command never ran or its end was not recorded
 * @param result the last 256 kB of stdout with one trailing newline removed, as Argo's {@code
 *     outputs.result}; null unless {@link StepSpec#captureResult()}
 * @param outputParameters output parameter values by name, in the spec's order
 * @param outputArtifacts host paths (file or directory) of the output artifacts found, by name;
 *     missing optional artifacts are absent
 * @param errors problems collecting outputs (a missing parameter file without default, a missing
 *     required artifact); the step failed if any
 * @param failure why the step could not run to completion (image not mapped, command not found,
 *     sandbox failure, process lost...), or null
 * @param logFile host path of the step's combined stdout and stderr ({@code main.log})
 * @param startedAt when the step was started, or null if it was not
 * @param finishedAt when the step ended (or failed to start), or null if unknown
 */
public record StepResult(
    Integer exitCode,
    String result,
    Map<String, String> outputParameters,
    Map<String, String> outputArtifacts,
    List<String> errors,
    String failure,
    String logFile,
    Instant startedAt,
    Instant finishedAt) {

  public StepResult {
    outputParameters =
        outputParameters == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(outputParameters));
    outputArtifacts =
        outputArtifacts == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(outputArtifacts));
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** True when the command ran, exited 0, and every output was collected. */
  public boolean succeeded() {
    return failure == null && errors.isEmpty() && exitCode != null && exitCode == 0;
  }

  /**
   * A one-line message for the node, in Argo's words where Argo has them: the failure, the output
   * errors, {@code "Error (exit code N)"}, or {@code ""} on success.
   */
  public String message() {
    if (failure != null) {
      return failure;
    }
    if (!errors.isEmpty()) {
      return String.join("; ", errors);
    }
    if (exitCode != null && exitCode != 0) {
      return "Error (exit code " + exitCode + ")";
    }
    return "";
  }
}
