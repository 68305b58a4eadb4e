package io.argo4j.executor.pod.internal;

import io.argo4j.executor.StepSpec;
import io.argo4j.model.Artifact;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.ScriptTemplate;
import io.argo4j.model.Template;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link StepSpec} of a pod's main container, from its template: what the init container places
 * (script source, raw input artifacts) and what the wait container collects (result, output
 * parameters and artifacts). The environment is the container's own, so it is not part of it.
 */
public final class PodSteps {
  private PodSteps() {}

  /** The image recorded for resource and data templates, whose main runs argo4j-exec itself. */
  static final String EXECUTOR_IMAGE = "argo4j-exec";

  /**
   * The step of {@code t}.
   *
   * @throws IllegalArgumentException when the template cannot run in a pod with this executor; the
   *     message says what and why
   */
  public static StepSpec of(Template t, PodEnvironment env) {
    String where = "template '" + (t.name() == null ? "" : t.name()) + "'";
    StepSpec.Builder b;
    if (t.container() != null) {
      Container c = t.container();
      b = StepSpec.builder(nonNull(c.getImage()));
      b.command(list(c.getCommand())).args(list(c.getArgs())).workingDir(c.getWorkingDir());
    } else if (t.script() != null) {
      ScriptTemplate s = t.script();
      b = StepSpec.builder(nonNull(s.image()));
      b.command(list(s.command()))
          .args(list(s.args()))
          .workingDir(s.workingDir())
          .script(s.source() == null ? "" : s.source());
    } else if (t.resource() != null || t.data() != null) {
      b = StepSpec.builder(EXECUTOR_IMAGE);
    } else if (t.containerSet() != null) {
      throw new IllegalArgumentException(
          where
              + ": containerSet templates are not supported by argo4j's in-pod executor yet (one"
              + " step directory per pod); run the workflow with `argo4j run` or use a container"
              + " template");
    } else {
      throw new IllegalArgumentException(
          where
              + " runs no pod ("
              + t.declaredTypes()
              + "); argo4j-exec serves container, script, resource and data templates");
    }
    if (b.build().image().isBlank()) {
      throw new IllegalArgumentException(where + ": no image given");
    }
    b.workflow(env.namespace(), env.workflowName())
        .node(env.nodeId(), "")
        .podName(env.podName())
        .templateName(t.name() == null ? "" : t.name())
        .captureResult(env.includeScriptOutput());
    if (t.inputs() != null) {
      for (Artifact a : list(t.inputs().artifacts())) {
        if (a.raw() != null) {
          if (a.path() == null || a.path().isBlank()) {
            throw new IllegalArgumentException(
                where + ": input artifact '" + a.name() + "' has raw data but no path");
          }
          String data = a.raw().data() == null ? "" : a.raw().data();
          if (a.mode() != null) {
            b.inputFile(a.path(), data, a.mode());
          } else {
            b.inputFile(a.path(), data);
          }
        } else if (!Boolean.TRUE.equals(a.optional())) {
          throw new IllegalArgumentException(
              where
                  + ": input artifact '"
                  + a.name()
                  + "' is not raw; argo4j's in-pod executor supports raw input artifacts only"
                  + " (artifact repositories such as S3, git and http are not implemented yet)");
        }
      }
    }
    Outputs outputs = t.outputs();
    if (outputs != null) {
      for (Parameter p : list(outputs.parameters())) {
        if (p.valueFrom() != null && p.valueFrom().path() != null) {
          b.outputParameter(p.name(), p.valueFrom().path(), p.valueFrom().defaultValue());
        }
      }
      for (Artifact a : list(outputs.artifacts())) {
        if (a.path() != null && !a.path().isBlank()) {
          b.outputArtifact(a.name(), a.path(), Boolean.TRUE.equals(a.optional()));
        }
      }
    }
    return b.build();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : new ArrayList<>(l);
  }
}
