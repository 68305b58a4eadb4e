package io.argo4j.engine;

import io.argo4j.engine.locks.LockClaim;
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
 * @param lockClaims every mutex and semaphore the workflow holds or waits for now; the runtime
 *     hands them to its {@link io.argo4j.engine.locks.LockTable} after persisting the workflow (a
 *     lock no longer listed is released). Empty once the workflow is completed.
 */
public record Plan(
    Workflow workflow,
    boolean changed,
    List<Action> actions,
    Optional<Instant> requeueAt,
    List<NodeTransition> transitions,
    List<LockClaim> lockClaims) {

  public Plan {
    actions = List.copyOf(actions);
    transitions = List.copyOf(transitions);
    lockClaims = List.copyOf(lockClaims);
  }

  /** A plan that claims no lock. */
  public Plan(
      Workflow workflow,
      boolean changed,
      List<Action> actions,
      Optional<Instant> requeueAt,
      List<NodeTransition> transitions) {
    this(workflow, changed, actions, requeueAt, transitions, List.of());
  }

  /** Whether the workflow reached a terminal phase. */
  public boolean completed() {
    return workflow.status() != null
        && workflow.status().phase() != null
        && workflow.status().phase().isCompleted();
  }
}
