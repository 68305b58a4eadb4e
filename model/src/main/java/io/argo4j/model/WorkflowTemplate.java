package io.argo4j.model;

import io.argo4j.model.internal.Kinds;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** A namespaced, reusable workflow spec that workflows reference by name. */
public record WorkflowTemplate(
    String apiVersion, String kind, ObjectMeta metadata, WorkflowSpec spec)
    implements WorkflowSpecResource {
  /** This record's kind. */
  public static final String KIND = "WorkflowTemplate";

  /** Defaults apiVersion and kind; refuses another kind. */
  public WorkflowTemplate {
    apiVersion = Kinds.apiVersion(apiVersion);
    kind = Kinds.kind(kind, KIND);
  }

  /** A WorkflowTemplate with this metadata and spec. */
  public static WorkflowTemplate of(ObjectMeta metadata, WorkflowSpec spec) {
    return new WorkflowTemplate(null, null, metadata, spec);
  }

  /** A copy with other metadata. */
  public WorkflowTemplate withMetadata(ObjectMeta metadata) {
    return new WorkflowTemplate(apiVersion, kind, metadata, spec);
  }

  /** A copy with another spec. */
  public WorkflowTemplate withSpec(WorkflowSpec spec) {
    return new WorkflowTemplate(apiVersion, kind, metadata, spec);
  }
}
