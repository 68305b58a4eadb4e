package io.argo4j.executor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to run one step, in a neutral form that serialises to JSON (the runtime builds
 * it from a resolved Argo template; the in-pod executor will read it from a file).
 *
 * <p>Null collections become empty ones and null names become {@code ""}, so that a spec read from
 * partial JSON is usable. Paths are absolute paths as the step sees them.
 *
 * @param workflowName name of the workflow the step belongs to
 * @param namespace namespace of the workflow
 * @param nodeId id of the workflow node this step runs
 * @param nodeName display name of the node
 * @param podName name of the pod in Argo's terms; also the step's hostname under bubblewrap
 * @param templateName name of the template
 * @param image the container image named by the template (recorded; see {@link ImageMap})
 * @param command the container command (entrypoint); empty means the image's entrypoint
 * @param args the container args
 * @param env environment variables, in order
 * @param workingDir working directory, or null for the default
 * @param scriptSource Argo's {@code script.source}, or null: written to a file and run as {@code
 *     command + args + [file]}
 * @param inputFiles files placed before the step runs (Argo raw input artifacts)
 * @param outputParameters output parameters read from files after the step
 * @param outputArtifacts output artifacts whose files are located after the step
 * @param captureResult whether to keep stdout as the step's {@code result}
 * @param extraPaths further absolute paths private to the step (for example emptyDir mounts)
 */
public record StepSpec(
    String workflowName,
    String namespace,
    String nodeId,
    String nodeName,
    String podName,
    String templateName,
    String image,
    List<String> command,
    List<String> args,
    Map<String, String> env,
    String workingDir,
    String scriptSource,
    List<InputFile> inputFiles,
    List<OutputParameter> outputParameters,
    List<OutputArtifact> outputArtifacts,
    boolean captureResult,
    List<String> extraPaths) {

  public StepSpec {
    workflowName = Objects.requireNonNullElse(workflowName, "");
    namespace = Objects.requireNonNullElse(namespace, "");
    nodeId = Objects.requireNonNullElse(nodeId, "");
    nodeName = Objects.requireNonNullElse(nodeName, "");
    podName = Objects.requireNonNullElse(podName, "");
    templateName = Objects.requireNonNullElse(templateName, "");
    image = Objects.requireNonNullElse(image, "");
    command = list(command);
    args = list(args);
    env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
    inputFiles = list(inputFiles);
    outputParameters = list(outputParameters);
    outputArtifacts = list(outputArtifacts);
    extraPaths = list(extraPaths);
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  /** Starts a builder for a step that runs in {@code image}. */
  public static Builder builder(String image) {
    return new Builder(image);
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder(image);
    b.workflowName = workflowName;
    b.namespace = namespace;
    b.nodeId = nodeId;
    b.nodeName = nodeName;
    b.podName = podName;
    b.templateName = templateName;
    b.command.addAll(command);
    b.args.addAll(args);
    b.env.putAll(env);
    b.workingDir = workingDir;
    b.scriptSource = scriptSource;
    b.inputFiles.addAll(inputFiles);
    b.outputParameters.addAll(outputParameters);
    b.outputArtifacts.addAll(outputArtifacts);
    b.captureResult = captureResult;
    b.extraPaths.addAll(extraPaths);
    return b;
  }

  /**
   * A file placed at {@code path} before the step runs, as Argo does for a raw input artifact.
   *
   * @param path absolute path as the step sees it
   * @param content the file's text (UTF-8)
   * @param mode permission bits such as {@code 0644}, or null for {@code 0644}
   */
  public record InputFile(String path, String content, Integer mode) {
    public InputFile {
      Objects.requireNonNull(path, "path");
      content = Objects.requireNonNullElse(content, "");
    }
  }

  /**
   * An output parameter read from a file ({@code valueFrom.path}).
   *
   * @param name parameter name
   * @param path absolute path as the step sees it
   * @param defaultValue value when the file is missing ({@code valueFrom.default}), or null
   */
  public record OutputParameter(String name, String path, String defaultValue) {
    public OutputParameter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * An output artifact: a file or directory the step leaves at {@code path}.
   *
   * @param name artifact name
   * @param path absolute path as the step sees it
   * @param optional whether a missing path is allowed
   */
  public record OutputArtifact(String name, String path, boolean optional) {
    public OutputArtifact {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
    }
  }

  /** Builds a {@link StepSpec}; every setter returns the builder. */
  public static final class Builder {
    private String workflowName = "";
    private String namespace = "";
    private String nodeId = "";
    private String nodeName = "";
    private String podName = "";
    private String templateName = "";
    private String image;
    private final List<String> command = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String workingDir;
    private String scriptSource;
    private final List<InputFile> inputFiles = new ArrayList<>();
    private final List<OutputParameter> outputParameters = new ArrayList<>();
    private final List<OutputArtifact> outputArtifacts = new ArrayList<>();
    private boolean captureResult;
    private final List<String> extraPaths = new ArrayList<>();

    private Builder(String image) {
      this.image = image;
    }

    public Builder workflow(String namespace, String workflowName) {
      this.namespace = namespace;
      this.workflowName = workflowName;
      return this;
    }

    public Builder node(String nodeId, String nodeName) {
      this.nodeId = nodeId;
      this.nodeName = nodeName;
      return this;
    }

    public Builder podName(String podName) {
      this.podName = podName;
      return this;
    }

    public Builder templateName(String templateName) {
      this.templateName = templateName;
      return this;
    }

    public Builder image(String image) {
      this.image = image;
      return this;
    }

    public Builder command(String... command) {
      this.command.clear();
      this.command.addAll(List.of(command));
      return this;
    }

    public Builder command(List<String> command) {
      this.command.clear();
      this.command.addAll(command);
      return this;
    }

    public Builder args(String... args) {
      this.args.clear();
      this.args.addAll(List.of(args));
      return this;
    }

    public Builder args(List<String> args) {
      this.args.clear();
      this.args.addAll(args);
      return this;
    }

    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    public Builder workingDir(String workingDir) {
      this.workingDir = workingDir;
      return this;
    }

    public Builder script(String source) {
      this.scriptSource = source;
      return this;
    }

    public Builder inputFile(String path, String content) {
      inputFiles.add(new InputFile(path, content, null));
      return this;
    }

    public Builder inputFile(String path, String content, int mode) {
      inputFiles.add(new InputFile(path, content, mode));
      return this;
    }

    public Builder outputParameter(String name, String path) {
      outputParameters.add(new OutputParameter(name, path, null));
      return this;
    }

    public Builder outputParameter(String name, String path, String defaultValue) {
      outputParameters.add(new OutputParameter(name, path, defaultValue));
      return this;
    }

    public Builder outputArtifact(String name, String path) {
      outputArtifacts.add(new OutputArtifact(name, path, false));
      return this;
    }

    public Builder outputArtifact(String name, String path, boolean optional) {
      outputArtifacts.add(new OutputArtifact(name, path, optional));
      return this;
    }

    public Builder captureResult(boolean captureResult) {
      this.captureResult = captureResult;
      return this;
    }

    public Builder extraPath(String path) {
      extraPaths.add(path);
      return this;
    }

    public StepSpec build() {
      return new StepSpec(
          workflowName,
          namespace,
          nodeId,
          nodeName,
          podName,
          templateName,
          image,
          command,
          args,
          env,
          workingDir,
          scriptSource,
          inputFiles,
          outputParameters,
          outputArtifacts,
          captureResult,
          extraPaths);
    }
  }
}
