package io.argo4j.engine;

import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What {@code argo suspend} and {@code argo resume} change on a workflow, as pure functions: a
 * runtime stores the result (with its resourceVersion) and the engine carries on from it.
 */
public final class UserActions {
  private UserActions() {}

  /** Sets {@code spec.suspend}: no new step starts until the workflow is resumed. */
  public static Workflow suspend(Workflow wf) throws UserActionException {
    requireNotCompleted(wf, "suspend");
    if (Boolean.TRUE.equals(wf.spec().suspend())) {
      return wf;
    }
    return wf.withSpec(wf.spec().toBuilder().suspend(true).build());
  }

  /**
   * Resumes a workflow as Argo does: clears {@code spec.suspend} and ends its running suspend nodes
   * as Succeeded, their supplied output parameters taking their defaults.
   *
   * @param selected which suspend nodes to resume, or null for all of them (and then {@code
   *     spec.suspend} is cleared too, as with {@code argo resume} without a node selector)
   */
  public static Workflow resume(Workflow wf, Predicate<NodeStatus> selected, Instant now)
      throws UserActionException {
    requireNotCompleted(wf, "resume");
    String name = wf.metadata().getName();
    boolean changed = false;
    Workflow out = wf;
    if (selected == null && Boolean.TRUE.equals(wf.spec().suspend())) {
      out = out.withSpec(out.spec().toBuilder().suspend(null).build());
      changed = true;
    }
    Map<String, NodeStatus> nodes =
        wf.status() == null || wf.status().nodes() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(wf.status().nodes());
    int resumed = 0;
    for (Map.Entry<String, NodeStatus> e : nodes.entrySet()) {
      NodeStatus n = e.getValue();
      boolean active = n.type() == NodeType.SUSPEND && n.phase() == NodePhase.RUNNING;
      if (!active || (selected != null && !selected.test(n))) {
        continue;
      }
      e.setValue(
          n.toBuilder()
              .phase(NodePhase.SUCCEEDED)
              .finishedAt(now)
              .outputs(suppliedOrDefault(n))
              .build());
      resumed++;
    }
    if (resumed > 0) {
      out = out.withStatus(out.status().toBuilder().nodes(nodes).build());
      changed = true;
    }
    if (selected != null && resumed == 0) {
      throw new UserActionException(
          "workflow " + name + " has no suspended node that matches the node field selector");
    }
    if (!changed) {
      throw new UserActionException(
          "workflow " + name + " is not suspended and has no suspended node");
    }
    return out;
  }

  /**
   * The spec with what stopped an earlier run cleared, for a run that starts again ({@code argo
   * retry}, {@code argo resubmit}): {@code spec.shutdown}, and the {@code activeDeadlineSeconds: 0}
   * by which Argo terminates (a positive deadline stays).
   */
  public static WorkflowSpec withoutShutdown(WorkflowSpec spec) {
    WorkflowSpec.Builder b = spec.toBuilder().shutdown(null);
    Long deadline = spec.activeDeadlineSeconds();
    if (deadline != null && deadline == 0) {
      b.activeDeadlineSeconds(null);
    }
    return b.build();
  }

  private static Outputs suppliedOrDefault(NodeStatus n) throws UserActionException {
    Outputs o = n.outputs();
    if (o == null || o.parameters() == null) {
      return o;
    }
    List<Parameter> params = new ArrayList<>();
    for (Parameter p : o.parameters()) {
      boolean supplied = p.valueFrom() != null && p.valueFrom().supplied() != null;
      if (!supplied || p.value() != null) {
        params.add(p);
      } else if (p.valueFrom().defaultValue() != null) {
        params.add(
            new Parameter(
                p.name(),
                p.valueFrom().defaultValue(),
                p.defaultValue(),
                p.valueFrom(),
                p.enumValues(),
                p.description(),
                p.globalName()));
      } else {
        throw new UserActionException(
            "node "
                + n.name()
                + ": output parameter '"
                + p.name()
                + "' is to be supplied on resume and has no valueFrom.default; give it a default"
                + " (setting it with `argo4j node set` is not implemented yet)");
      }
    }
    return new Outputs(params, o.artifacts(), o.result(), o.exitCode());
  }

  private static void requireNotCompleted(Workflow wf, String verb) throws UserActionException {
    WorkflowStatus s = wf.status();
    if (s != null && s.phase() != null && s.phase().isCompleted()) {
      throw new UserActionException(
          "cannot "
              + verb
              + " workflow "
              + wf.metadata().getName()
              + ": it is already "
              + s.phase().value());
    }
  }
}
