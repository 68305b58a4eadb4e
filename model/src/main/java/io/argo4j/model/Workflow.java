package io.argo4j.model;

import io.argo4j.model.internal.Kinds;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** An Argo Workflow: a spec to run and, once running, its status. */
public record Workflow(
    String apiVersion, String kind, ObjectMeta metadata, WorkflowSpec spec, WorkflowStatus status)
    implements WorkflowSpecResource {
  /** This record's kind. */
  public static final String KIND = "Workflow";

  /** Defaults apiVersion and kind; refuses another kind. */
  public Workflow {
    apiVersion = Kinds.apiVersion(apiVersion);
    kind = Kinds.kind(kind, KIND);
  }

  /** A Workflow with this metadata and spec and no status. */
  public static Workflow of(ObjectMeta metadata, WorkflowSpec spec) {
    return new Workflow(null, null, metadata, spec, null);
  }

  /** A copy with other metadata. */
  public Workflow withMetadata(ObjectMeta metadata) {
    return new Workflow(apiVersion, kind, metadata, spec, status);
  }

  /** A copy with another spec. */
  public Workflow withSpec(WorkflowSpec spec) {
    return new Workflow(apiVersion, kind, metadata, spec, status);
  }

  /** A copy with another status. */
  public Workflow withStatus(WorkflowStatus status) {
    return new Workflow(apiVersion, kind, metadata, spec, status);
  }
}
