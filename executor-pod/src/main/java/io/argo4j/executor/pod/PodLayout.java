package io.argo4j.executor.pod;

import java.util.ArrayList;
import java.util.List;

/**
 * The contract between the controller, which builds workflow pods, and {@code argo4j-exec}, which
 * runs in them: paths of the shared volume, environment variables, and the main container's command
 * line. Both sides use these constants, so they cannot drift apart.
 */
public final class PodLayout {
  private PodLayout() {}

  /** The shared {@code emptyDir} mounted in every container of the pod. */
  public static final String VAR_RUN = "/var/run/argo4j";

  /** The executor binary, in the executor image, for the init and wait containers. */
  public static final String EXECUTOR_BINARY = "argo4j-exec";

  /** Where the downward API mounts the pod's metadata. */
  public static final String POD_METADATA = "/argo/podmetadata";

  /** The pod's annotations, as the downward API writes them. */
  public static final String ANNOTATIONS_FILE = POD_METADATA + "/annotations";

  /** The wrapper's file name below {@link #VAR_RUN}. */
  public static final String WRAPPER_NAME = "wrapper.sh";

  /** The step directory's name below {@link #VAR_RUN}. */
  public static final String STEP_DIR_NAME = "step";

  /** A script template's source, below {@link #VAR_RUN}; appended to the main container's args. */
  public static final String SCRIPT_NAME = "staging/script";

  /**
   * Raw input artifacts below {@link #VAR_RUN}, each at its own path ({@code /tmp/in.txt} is {@code
   * inputs/artifacts/tmp/in.txt}), mounted at that path in the main container with a {@code
   * subPath}.
   */
  public static final String INPUT_ARTIFACTS_DIR = "inputs/artifacts";

  /** The wrapper's watch mode for main containers (see docs/executor.md). */
  public static final String WATCH_POD = "pod";

  public static final String ENV_TEMPLATE = "ARGO_TEMPLATE";
  public static final String ENV_NODE_ID = "ARGO_NODE_ID";
  public static final String ENV_WORKFLOW_NAME = "ARGO_WORKFLOW_NAME";
  public static final String ENV_WORKFLOW_UID = "ARGO_WORKFLOW_UID";
  public static final String ENV_POD_NAME = "ARGO_POD_NAME";
  public static final String ENV_POD_UID = "ARGO_POD_UID";
  public static final String ENV_POD_NAMESPACE = "ARGO_POD_NAMESPACE";
  public static final String ENV_CONTAINER_NAME = "ARGO_CONTAINER_NAME";
  public static final String ENV_INCLUDE_SCRIPT_OUTPUT = "ARGO_INCLUDE_SCRIPT_OUTPUT";
  public static final String ENV_DEADLINE = "ARGO_DEADLINE";

  /** Argo's label naming the workflow of a pod or task result. */
  public static final String LABEL_WORKFLOW = "workflows.argoproj.io/workflow";

  /** Argo's label telling the controller whether the task result holds all outputs. */
  public static final String LABEL_REPORT_OUTPUTS_COMPLETED =
      "workflows.argoproj.io/report-outputs-completed";

  /**
   * Execution control, as Argo's executors read it through the downward API: {@code
   * {"deadline":"<RFC 3339>"}}; once the deadline has passed the executor stops the step.
   */
  public static final String ANNOTATION_EXECUTION = "workflows.argoproj.io/execution";

  /** The wrapper in a shared volume mounted at {@code varRun}. */
  public static String wrapper(String varRun) {
    return varRun + "/" + WRAPPER_NAME;
  }

  /** The step directory in a shared volume mounted at {@code varRun}. */
  public static String stepDir(String varRun) {
    return varRun + "/" + STEP_DIR_NAME;
  }

  /** The script source in a shared volume mounted at {@code varRun}. */
  public static String script(String varRun) {
    return varRun + "/" + SCRIPT_NAME;
  }

  /**
   * The {@code subPath} of the shared volume holding the raw input artifact placed at {@code path}.
   */
  public static String inputArtifactSubPath(String path) {
    String normal = java.nio.file.Path.of(path).normalize().toString();
    return INPUT_ARTIFACTS_DIR + (normal.startsWith("/") ? normal : "/" + normal);
  }

  /**
   * The main container's command: the wrapper, run by {@code /bin/sh}, then the user's command (the
   * container's args follow it, as Kubernetes appends them).
   *
   * @param varRun where the shared volume is mounted ({@link #VAR_RUN} in pods)
   * @param workingDir the container's working directory, or null for the image's
   */
  public static List<String> mainCommand(String varRun, String workingDir, List<String> command) {
    List<String> out = new ArrayList<>();
    // wrapper.sh <step dir> <watch> <grace> <workdir> <mode> -- command...
    out.addAll(
        List.of(
            "/bin/sh",
            wrapper(varRun),
            stepDir(varRun),
            WATCH_POD,
            "0",
            workingDir == null || workingDir.isBlank() ? "." : workingDir,
            "none",
            "--"));
    out.addAll(command);
    return out;
  }
}
