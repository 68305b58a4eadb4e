package io.argo4j.engine;

import io.argo4j.model.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The decision of one reconcile.
 *
 * @param workflow the workflow with its new status and labels
 * @param changed whether the workflow differs from the input (nothing to persist otherwise)
 * @param actions what the runtime must do, after persisting the workflow
 * @param requeueAt when to reconcile again even if nothing is observed, if ever
 * @param transitions nodes that appeared or changed phase
 */
public record Plan(
    Workflow workflow,
    boolean changed,
    List<Action> actions,
    Optional<Instant> requeueAt,
    List<NodeTransition> transitions) {

  public Plan {
    actions = List.copyOf(actions);
    transitions = List.copyOf(transitions);
  }

  /** Whether the workflow reached a terminal phase. */
  public boolean completed() {
    return workflow.status() != null
        && workflow.status().phase() != null
        && workflow.status().phase().isCompleted();
  }
}
