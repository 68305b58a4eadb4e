package io.argo4j.runtime.kubernetes;

/** Told by a {@link Cluster} that something concerning a workflow changed. */
@FunctionalInterface
public interface ClusterListener {

  /**
   * The workflow, one of its pods or one of its task results was added, changed or deleted. Called
   * on the cluster's event thread: must not block.
   */
  void changed(WorkflowKey workflow);
}
