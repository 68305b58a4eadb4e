package io.argo4j.runtime.local;

import io.argo4j.engine.NodeTransition;
import io.argo4j.model.Workflow;
import java.util.List;

/** Told about a run's progress; called from the runner's thread, so it must return quickly. */
@FunctionalInterface
public interface RunListener {

  /**
   * The workflow after a reconcile that changed it.
   *
   * @param workflow the workflow as persisted
   * @param transitions the nodes that appeared or changed phase in this reconcile
   */
  void onUpdate(Workflow workflow, List<NodeTransition> transitions);

  /** A listener that ignores everything. */
  static RunListener none() {
    return (workflow, transitions) -> {};
  }
}
