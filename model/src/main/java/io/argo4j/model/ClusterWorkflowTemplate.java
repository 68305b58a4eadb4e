package io.argo4j.model;

import io.argo4j.model.internal.Kinds;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** A cluster-wide, reusable workflow spec. */
public record ClusterWorkflowTemplate(
    String apiVersion, String kind, ObjectMeta metadata, WorkflowSpec spec)
    implements WorkflowSpecResource {
  /** This record's kind. */
  public static final String KIND = "ClusterWorkflowTemplate";

  /** Defaults apiVersion and kind; refuses another kind. */
  public ClusterWorkflowTemplate {
    apiVersion = Kinds.apiVersion(apiVersion);
    kind = Kinds.kind(kind, KIND);
  }

  /** A ClusterWorkflowTemplate with this metadata and spec. */
  public static ClusterWorkflowTemplate of(ObjectMeta metadata, WorkflowSpec spec) {
    return new ClusterWorkflowTemplate(null, null, metadata, spec);
  }

  /** A copy with other metadata. */
  public ClusterWorkflowTemplate withMetadata(ObjectMeta metadata) {
    return new ClusterWorkflowTemplate(apiVersion, kind, metadata, spec);
  }

  /** A copy with another spec. */
  public ClusterWorkflowTemplate withSpec(WorkflowSpec spec) {
    return new ClusterWorkflowTemplate(apiVersion, kind, metadata, spec);
  }
}
