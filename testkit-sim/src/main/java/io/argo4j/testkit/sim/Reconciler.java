package io.argo4j.testkit.sim;

import io.argo4j.engine.Observations;
import io.argo4j.engine.Plan;
import io.argo4j.engine.WorkflowEngine;
import io.argo4j.model.Workflow;
import java.time.Instant;

/**
 * What the controller calls to decide: normally {@link WorkflowEngine#reconcile}; a test may wrap
 * it (to inject an engine exception, or to prove the invariants catch a broken engine).
 */
@FunctionalInterface
public interface Reconciler {

  Plan reconcile(Workflow workflow, Observations observations, Instant now);

  /** The real engine. */
  static Reconciler of(WorkflowEngine engine) {
    return engine::reconcile;
  }
}
