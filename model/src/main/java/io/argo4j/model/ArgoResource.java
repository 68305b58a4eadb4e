package io.argo4j.model;

/** A resource of Argo's API group, {@code argoproj.io/v1alpha1}. */
public sealed interface ArgoResource extends Manifest
    permits WorkflowSpecResource,
        CronWorkflow,
        WorkflowTaskResult,
        WorkflowArtifactGCTask,
        WorkflowEventBinding {
  /** Argo's API group. */
  String GROUP = "argoproj.io";

  /** The only apiVersion of Argo's kinds. */
  String API_VERSION = "argoproj.io/v1alpha1";
}
