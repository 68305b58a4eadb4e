package io.argo4j.engine;

import io.argo4j.engine.internal.Operation;
import io.argo4j.model.Workflow;
import java.time.Instant;
import java.util.Objects;

/**
 * Argo's workflow operator as a pure function: given a workflow, what the runtime observes and the
 * time, it decides the workflow's new status and what the runtime must do next. It performs no I/O,
 * starts no thread and never reads a clock, so the same inputs always give the same plan.
 *
 * <p>Runtimes call {@link #reconcile} whenever something changed (a pod moved on, the workflow was
 * edited) or when the previous plan's {@link Plan#requeueAt()} is due, persist {@link
 * Plan#workflow()} when {@link Plan#changed()}, and then apply {@link Plan#actions()}.
 */
public final class WorkflowEngine {

  private final EngineConfig config;

  public WorkflowEngine(EngineConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** An engine with Argo's default settings. */
  public static WorkflowEngine withDefaults() {
    return new WorkflowEngine(EngineConfig.defaults());
  }

  public EngineConfig config() {
    return config;
  }

  /**
   * One reconcile.
   *
   * @param workflow the workflow as last persisted (a new one has no status)
   * @param observations the pods that exist for it and the templates references may name
   * @param now the current time
   */
  public Plan reconcile(Workflow workflow, Observations observations, Instant now) {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(observations, "observations");
    Objects.requireNonNull(now, "now");
    return new Operation(config, workflow, observations, now).run();
  }
}
