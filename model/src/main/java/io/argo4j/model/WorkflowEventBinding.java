package io.argo4j.model;

import io.argo4j.model.internal.Kinds;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** Submits a workflow from a template when a matching event arrives. */
public record WorkflowEventBinding(
    String apiVersion, String kind, ObjectMeta metadata, WorkflowEventBindingSpec spec)
    implements ArgoResource {
  /** This record's kind. */
  public static final String KIND = "WorkflowEventBinding";

  /** Defaults apiVersion and kind; refuses another kind. */
  public WorkflowEventBinding {
    apiVersion = Kinds.apiVersion(apiVersion);
    kind = Kinds.kind(kind, KIND);
  }

  /** A WorkflowEventBinding with this metadata and spec. */
  public static WorkflowEventBinding of(ObjectMeta metadata, WorkflowEventBindingSpec spec) {
    return new WorkflowEventBinding(null, null, metadata, spec);
  }

  /** A copy with other metadata. */
  public WorkflowEventBinding withMetadata(ObjectMeta metadata) {
    return new WorkflowEventBinding(apiVersion, kind, metadata, spec);
  }

  /** A copy with another spec. */
  public WorkflowEventBinding withSpec(WorkflowEventBindingSpec spec) {
    return new WorkflowEventBinding(apiVersion, kind, metadata, spec);
  }
}
