package io.argo4j.executor;

import io.argo4j.executor.internal.ContainerSetScript;
import io.argo4j.model.Artifact;
import io.argo4j.model.ContainerNode;
import io.argo4j.model.ContainerSetTemplate;
import io.argo4j.model.Inputs;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.ScriptTemplate;
import io.argo4j.model.Template;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a fully substituted template into the {@link StepSpec} the executor runs: the container or
 * script, its environment and working directory, raw input artifacts as files, and the output
 * parameters and artifacts to collect. The local runtime and the simulated cluster's pod runner
 * both use it, so a template becomes the same step wherever it runs.
 *
 * <p>A {@code containerSet} becomes one step whose shell script runs its containers (see {@link
 * ContainerSetScript}); each container's exit code comes back as an output parameter named {@link
 * #CONTAINER_STATUS_PREFIX}{@code <container>}, which callers must not report as a template output.
 */
public final class TemplateSteps {

  /** Output parameters with this prefix carry a containerSet container's exit code. */
  public static final String CONTAINER_STATUS_PREFIX = ContainerSetScript.STATUS_PREFIX;

  /** What a template becomes: a step to run, or why it cannot run on this machine. */
  public sealed interface Translation {}

  /** A step to run. */
  public record Ready(StepSpec spec) implements Translation {}

  /** A template that cannot run as a local step; the message says what and what would work. */
  public record Unsupported(String message) implements Translation {}

  /**
   * Which node of which workflow the step is, as recorded in its spec.
   *
   * @param captureResult whether stdout is kept as {@code outputs.result}
   */
  public record StepTarget(
      String namespace,
      String workflowName,
      String nodeId,
      String nodeName,
      String podName,
      boolean captureResult) {}

  private TemplateSteps() {}

  /** The step of {@code t} with argo4j's built-in image rules. */
  public static Translation of(Template t, StepTarget target) {
    return of(t, target, ImageMap.builtIn());
  }

  /**
   * The step of {@code t}; {@code images} resolves the images of a containerSet's containers, which
   * run as processes of one step.
   */
  public static Translation of(Template t, StepTarget target, ImageMap images) {
    String where = "template '" + t.name() + "'";
    StepSpec.Builder b;
    List<EnvVar> env;
    List<VolumeMount> mounts;
    if (t.container() != null) {
      Container c = t.container();
      b = StepSpec.builder(c.getImage());
      b.command(nonNull(c.getCommand())).args(nonNull(c.getArgs())).workingDir(c.getWorkingDir());
      env = nonNull(c.getEnv());
      mounts = nonNull(c.getVolumeMounts());
    } else if (t.script() != null) {
      ScriptTemplate s = t.script();
      b = StepSpec.builder(s.image());
      b.command(nonNull(s.command()))
          .args(nonNull(s.args()))
          .workingDir(s.workingDir())
          .script(s.source());
      env = nonNull(s.env());
      mounts = nonNull(s.volumeMounts());
    } else if (t.containerSet() != null && !nonNull(t.containerSet().containers()).isEmpty()) {
      ContainerSetTemplate set = t.containerSet();
      String script;
      try {
        script = ContainerSetScript.of(set, images);
      } catch (IllegalArgumentException e) {
        return new Unsupported(where + ": " + e.getMessage());
      }
      b = StepSpec.builder(ContainerSetScript.primary(set).image());
      b.command("sh", "-c", script);
      env = List.of();
      List<VolumeMount> all = new ArrayList<>(nonNull(set.volumeMounts()));
      for (ContainerNode c : set.containers()) {
        all.addAll(nonNull(c.volumeMounts()));
        b.outputParameter(
            ContainerSetScript.STATUS_PREFIX + c.name(),
            ContainerSetScript.statusPath(c.name()),
            "");
      }
      mounts = all;
    } else {
      return new Unsupported(
          where
              + ": the local runtime runs container, script and containerSet templates only; "
              + t.declaredTypes()
              + " templates need the engine to run them or a Kubernetes cluster");
    }
    if (b.build().image().isBlank()) {
      return new Unsupported(where + ": no image given (container.image or script.image)");
    }
    b.workflow(target.namespace(), target.workflowName())
        .node(target.nodeId(), target.nodeName())
        .podName(target.podName())
        .templateName(t.name() == null ? "" : t.name())
        .captureResult(target.captureResult());
    for (EnvVar e : env) {
      if (e.getValueFrom() != null) {
        return new Unsupported(
            where
                + ": env "
                + e.getName()
                + " uses valueFrom, which needs Kubernetes (secrets, config maps, field refs);"
                + " give it a value instead");
      }
      b.env(e.getName(), e.getValue() == null ? "" : e.getValue());
    }
    for (VolumeMount m : mounts) {
      if (m.getMountPath() != null && !m.getMountPath().isBlank()) {
        b.extraPath(m.getMountPath());
      }
    }
    String problem = addInputs(t.inputs(), b, where);
    if (problem != null) {
      return new Unsupported(problem);
    }
    addOutputs(t.outputs(), b);
    return new Ready(b.build());
  }

  private static String addInputs(Inputs inputs, StepSpec.Builder b, String where) {
    if (inputs == null) {
      return null;
    }
    for (Artifact a : nonNull(inputs.artifacts())) {
      if (a.raw() != null) {
        if (a.path() == null || a.path().isBlank()) {
          return where + ": input artifact '" + a.name() + "' has raw data but no path";
        }
        String data = a.raw().data() == null ? "" : a.raw().data();
        if (a.mode() != null) {
          b.inputFile(a.path(), data, a.mode());
        } else {
          b.inputFile(a.path(), data);
        }
      } else if (!Boolean.TRUE.equals(a.optional())) {
        return where
            + ": input artifact '"
            + a.name()
            + "' is not raw; the local runtime supports raw input artifacts only (artifact"
            + " repositories such as S3, git and http are not implemented yet)";
      }
    }
    return null;
  }

  private static void addOutputs(Outputs outputs, StepSpec.Builder b) {
    if (outputs == null) {
      return;
    }
    for (Parameter p : nonNull(outputs.parameters())) {
      if (p.valueFrom() != null && p.valueFrom().path() != null) {
        b.outputParameter(p.name(), p.valueFrom().path(), p.valueFrom().defaultValue());
      }
    }
    for (Artifact a : nonNull(outputs.artifacts())) {
      if (a.path() != null && !a.path().isBlank()) {
        b.outputArtifact(a.name(), a.path(), Boolean.TRUE.equals(a.optional()));
      }
    }
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
