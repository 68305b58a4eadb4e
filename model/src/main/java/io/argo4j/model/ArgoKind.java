package io.argo4j.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Argo's kinds, with the record type that models each. */
public enum ArgoKind {
  WORKFLOW("Workflow", Workflow.class),
  WORKFLOW_TEMPLATE("WorkflowTemplate", WorkflowTemplate.class),
  CLUSTER_WORKFLOW_TEMPLATE("ClusterWorkflowTemplate", ClusterWorkflowTemplate.class),
  CRON_WORKFLOW("CronWorkflow", CronWorkflow.class),
  WORKFLOW_TASK_RESULT("WorkflowTaskResult", WorkflowTaskResult.class),
  WORKFLOW_ARTIFACT_GC_TASK("WorkflowArtifactGCTask", WorkflowArtifactGCTask.class),
  WORKFLOW_EVENT_BINDING("WorkflowEventBinding", WorkflowEventBinding.class);

  private final String kind;
  private final Class<? extends ArgoResource> type;

  ArgoKind(String kind, Class<? extends ArgoResource> type) {
    this.kind = kind;
    this.type = type;
  }

  /** The {@code kind} string, e.g. "CronWorkflow". */
  public String kind() {
    return kind;
  }

  /** The record type of this kind. */
  public Class<? extends ArgoResource> type() {
    return type;
  }

  /** The kind written as {@code kind}, if Argo has it (case-sensitive, as in Kubernetes). */
  public static Optional<ArgoKind> fromKind(String kind) {
    return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
  }

  /** Every kind string, in declaration order. */
  public static List<String> kinds() {
    return Arrays.stream(values()).map(ArgoKind::kind).toList();
  }
}
