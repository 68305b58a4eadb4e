package io.argo4j.store;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of Argo document the repository keeps; stored as Argo's kind name. */
public enum WorkflowKind {
  WORKFLOW("Workflow", false),
  WORKFLOW_TEMPLATE("WorkflowTemplate", false),
  CLUSTER_WORKFLOW_TEMPLATE("ClusterWorkflowTemplate", true),
  CRON_WORKFLOW("CronWorkflow", false);

  private final String argoName;
  private final boolean clusterScoped;

  WorkflowKind(String argoName, boolean clusterScoped) {
    this.argoName = argoName;
    this.clusterScoped = clusterScoped;
  }

  /** The kind as Argo spells it in {@code kind:}, for example {@code WorkflowTemplate}. */
  public String argoName() {
    return argoName;
  }

  /** Cluster-scoped kinds live in the empty namespace {@code ""}. */
  public boolean clusterScoped() {
    return clusterScoped;
  }

  /** The kind whose Argo name is {@code argoName}, if any. */
  public static Optional<WorkflowKind> fromArgoName(String argoName) {
    return Arrays.stream(values()).filter(k -> k.argoName.equals(argoName)).findFirst();
  }
}
