package io.argo4j.runtime.local;

import io.argo4j.model.Workflow;

/** Told about interrupted workflows that {@link LocalRuntime#recover} finishes. */
public interface RecoveryListener {

  /** {@code workflow} was interrupted (its runner is gone) and is being resumed. */
  void resuming(Workflow workflow);

  /** {@code workflow} reached its final phase. */
  void finished(Workflow workflow);

  /** The listener of the run of {@code workflow}. */
  default RunListener runListener(Workflow workflow) {
    return RunListener.none();
  }

  /** A listener that ignores everything. */
  static RecoveryListener none() {
    return new RecoveryListener() {
      @Override
      public void resuming(Workflow workflow) {}

      @Override
      public void finished(Workflow workflow) {}
    };
  }
}
