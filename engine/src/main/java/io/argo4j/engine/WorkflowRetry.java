package io.argo4j.engine;

import io.argo4j.model.Condition;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What {@code argo retry} does to a finished workflow, as a pure function: the nodes that failed
 * (and, with {@code --restart-successful}, the selected ones) are removed with everything under and
 * after them, the steps, DAG and retry nodes that enclose them go back to Running, and the workflow
 * is Running again. The engine then runs the removed part anew, from the same templates, under the
 * same node names; successful nodes keep their outputs and do not run again.
 */
public final class WorkflowRetry {

  private static final String LABEL_PHASE = "workflows.argoproj.io/phase";
  private static final String LABEL_COMPLETED = "workflows.argoproj.io/completed";

  /**
   * The workflow to store, and the nodes removed from it: a runtime deletes their pods (or step
   * directories) before the workflow runs again, since the new nodes reuse their names.
   */
  public record Result(Workflow workflow, Set<String> removedNodeIds) {}

  private WorkflowRetry() {}

  /**
   * @param restartSuccessful with {@code --restart-successful}, which successful nodes run again
   *     (from {@code --node-field-selector}); null otherwise
   * @param parameters {@code -p name=value} overrides of {@code spec.arguments.parameters}
   * @throws UserActionException when the workflow is not Failed or Error (or Succeeded with nodes
   *     to restart), or when there is nothing to run again
   */
  public static Result retry(
      Workflow wf,
      Predicate<NodeStatus> restartSuccessful,
      Map<String, String> parameters,
      Instant now)
      throws UserActionException {
    String name = wf.metadata().getName();
    WorkflowStatus status = wf.status();
    WorkflowPhase phase = status == null ? null : status.phase();
    if (phase == WorkflowPhase.SUCCEEDED && restartSuccessful == null) {
      throw new UserActionException(
          "cannot retry workflow "
              + name
              + ": it Succeeded; to run some of its nodes again, give --restart-successful and"
              + " --node-field-selector");
    }
    if (phase != WorkflowPhase.FAILED
        && phase != WorkflowPhase.ERROR
        && phase != WorkflowPhase.SUCCEEDED) {
      throw new UserActionException(
          "cannot retry workflow "
              + name
              + " in phase "
              + (phase == null ? "Pending" : phase.value())
              + "; only a Failed or Error workflow can be retried");
    }
    Map<String, NodeStatus> nodes =
        status.nodes() == null ? Map.of() : new LinkedHashMap<>(status.nodes());
    Map<String, List<String>> parents = parents(nodes);

    Set<String> roots = new LinkedHashSet<>();
    for (NodeStatus n : nodes.values()) {
      if (n.name() != null && n.name().startsWith(name + ".onExit")) {
        roots.add(n.id()); // the exit handler runs again, as after any run
      } else if (restartSuccessful != null && restartSuccessful.test(n)) {
        roots.add(podOf(n, nodes, parents).id());
      } else if (failedLeaf(n) && !tolerated(n, nodes, parents)) {
        roots.add(podOf(n, nodes, parents).id());
      }
    }
    Set<String> removed = descendants(roots, nodes);
    Set<String> reset = new LinkedHashSet<>();
    for (String root : roots) {
      enclosing(nodes.get(root), nodes, parents, reset);
    }
    for (NodeStatus n : nodes.values()) {
      // a failed group without a failed node under it (an expression, a deadline) runs again too
      if (failedGroup(n) && !tolerated(n, nodes, parents)) {
        reset.add(n.id());
        enclosing(n, nodes, parents, reset);
      }
    }
    reset.removeAll(removed);
    if (removed.isEmpty() && reset.isEmpty()) {
      throw new UserActionException(
          "cannot retry workflow " + name + ": no node failed or matches the node field selector");
    }

    Map<String, NodeStatus> out = new LinkedHashMap<>();
    for (NodeStatus n : nodes.values()) {
      if (removed.contains(n.id())) {
        continue;
      }
      NodeStatus.Builder b =
          n.toBuilder()
              .children(without(n.children(), removed))
              .outboundNodes(without(n.outboundNodes(), removed));
      if (reset.contains(n.id())) {
        b.phase(NodePhase.RUNNING).message(null).finishedAt(null);
      }
      out.put(n.id(), b.build());
    }
    Map<String, Boolean> results =
        status.taskResultsCompletionStatus() == null
            ? null
            : new LinkedHashMap<>(status.taskResultsCompletionStatus());
    if (results != null) {
      results.keySet().removeAll(removed);
    }
    List<Condition> conditions = new ArrayList<>();
    if (status.conditions() != null) {
      status.conditions().stream()
          .filter(c -> !"Completed".equals(c.type()))
          .forEach(conditions::add);
    }
    conditions.add(new Condition("Completed", "False", null));

    WorkflowSpec.Builder spec = UserActions.withoutShutdown(wf.spec()).toBuilder();
    if (parameters != null && !parameters.isEmpty()) {
      spec.arguments(Submission.overrideParameters(wf.spec().arguments(), parameters));
    }
    // a workflow-level lock was let go when it ended: take it again before running again
    boolean relock = wf.spec().synchronization() != null;
    WorkflowPhase next = relock ? WorkflowPhase.PENDING : WorkflowPhase.RUNNING;
    WorkflowStatus retried =
        status.toBuilder()
            .phase(next)
            .message(null)
            .startedAt(relock ? null : now)
            .finishedAt(null)
            .nodes(out)
            .taskResultsCompletionStatus(results)
            .conditions(conditions)
            .build();
    Map<String, String> labels =
        wf.metadata().getLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(wf.metadata().getLabels());
    labels.put(LABEL_PHASE, next.value());
    labels.put(LABEL_COMPLETED, "false");
    var meta = new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(wf.metadata());
    Workflow result =
        wf.withMetadata(meta.withLabels(labels).build()).withSpec(spec.build()).withStatus(retried);
    return new Result(result, removed);
  }

  private static boolean failed(NodeStatus n) {
    return n.phase() == NodePhase.FAILED
        || n.phase() == NodePhase.ERROR
        || n.phase() == NodePhase.OMITTED;
  }

  private static boolean group(NodeStatus n) {
    return switch (n.type()) {
      case STEPS, STEP_GROUP, DAG, TASK_GROUP, RETRY -> true;
      default -> false;
    };
  }

  private static boolean failedLeaf(NodeStatus n) {
    return failed(n) && n.type() != null && !group(n);
  }

  private static boolean failedGroup(NodeStatus n) {
    return n.type() != null
        && group(n)
        && (n.phase() == NodePhase.FAILED || n.phase() == NodePhase.ERROR);
  }

  /**
   * A failure the workflow got over: one inside a steps or DAG node that succeeded anyway, in an
   * attempt its retry node followed with a successful one, or a step with {@code continueOn} in a
   * group that succeeded. Running it again would change nothing.
   */
  private static boolean tolerated(
      NodeStatus n, Map<String, NodeStatus> nodes, Map<String, List<String>> parents) {
    Set<String> seen = new HashSet<>();
    for (NodeStatus x = n; x != null && seen.add(x.id()); ) {
      if (x != n && x.phase() == NodePhase.SUCCEEDED) {
        return true;
      }
      for (String p : parents.getOrDefault(x.id(), List.of())) {
        NodeStatus parent = nodes.get(p);
        if (parent != null
            && (parent.type() == NodeType.RETRY || parent.type() == NodeType.STEP_GROUP)
            && parent.phase() == NodePhase.SUCCEEDED) {
          return true;
        }
      }
      x = x.boundaryID() == null ? null : nodes.get(x.boundaryID());
    }
    return false;
  }

  /** A container of a container set runs in its pod: the pod is what runs again. */
  private static NodeStatus podOf(
      NodeStatus n, Map<String, NodeStatus> nodes, Map<String, List<String>> parents) {
    if (n.type() != NodeType.CONTAINER) {
      return n;
    }
    for (String p : parents.getOrDefault(n.id(), List.of())) {
      NodeStatus parent = nodes.get(p);
      if (parent != null && parent.type() == NodeType.POD) {
        return parent;
      }
    }
    return n;
  }

  /**
   * Adds to {@code reset} the nodes that enclose {@code n}: its retry node and step or task group,
   * then the steps or DAG node of its boundary, and so on up to the root.
   */
  private static void enclosing(
      NodeStatus n,
      Map<String, NodeStatus> nodes,
      Map<String, List<String>> parents,
      Set<String> reset) {
    NodeStatus cur = n;
    while (cur != null) {
      for (String p : parents.getOrDefault(cur.id(), List.of())) {
        NodeStatus parent = nodes.get(p);
        if (parent != null
            && (parent.type() == NodeType.RETRY
                || parent.type() == NodeType.STEP_GROUP
                || parent.type() == NodeType.TASK_GROUP)) {
          reset.add(parent.id());
          if (parent.type() == NodeType.RETRY) {
            enclosing(parent, nodes, parents, reset);
          }
        }
      }
      NodeStatus boundary = cur.boundaryID() == null ? null : nodes.get(cur.boundaryID());
      if (boundary == null || boundary.id().equals(cur.id()) || !reset.add(boundary.id())) {
        return;
      }
      cur = boundary;
    }
  }

  private static Map<String, List<String>> parents(Map<String, NodeStatus> nodes) {
    Map<String, List<String>> out = new HashMap<>();
    for (NodeStatus n : nodes.values()) {
      if (n.children() != null) {
        for (String c : n.children()) {
          out.computeIfAbsent(c, k -> new ArrayList<>()).add(n.id());
        }
      }
    }
    return out;
  }

  private static Set<String> descendants(Set<String> roots, Map<String, NodeStatus> nodes) {
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String id = todo.pop();
      NodeStatus n = nodes.get(id);
      if (n == null || !out.add(id)) {
        continue;
      }
      if (n.children() != null) {
        todo.addAll(n.children());
      }
    }
    return out;
  }

  private static List<String> without(List<String> ids, Set<String> removed) {
    if (ids == null) {
      return null;
    }
    List<String> kept = ids.stream().filter(id -> !removed.contains(id)).toList();
    return kept.isEmpty() ? null : kept;
  }
}
