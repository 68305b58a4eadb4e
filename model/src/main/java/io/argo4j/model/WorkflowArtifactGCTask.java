package io.argo4j.model;

import io.argo4j.model.internal.Kinds;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** The artifacts one garbage-collection pod must delete, and what it did (an internal kind). */
public record WorkflowArtifactGCTask(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    ArtifactGCSpec spec,
    ArtifactGCStatus status)
    implements ArgoResource {
  /** This record's kind. */
  public static final String KIND = "WorkflowArtifactGCTask";

  /** Defaults apiVersion and kind; refuses another kind. */
  public WorkflowArtifactGCTask {
    apiVersion = Kinds.apiVersion(apiVersion);
    kind = Kinds.kind(kind, KIND);
  }

  /** A WorkflowArtifactGCTask with this metadata and spec and no status. */
  public static WorkflowArtifactGCTask of(ObjectMeta metadata, ArtifactGCSpec spec) {
    return new WorkflowArtifactGCTask(null, null, metadata, spec, null);
  }

  /** A copy with other metadata. */
  public WorkflowArtifactGCTask withMetadata(ObjectMeta metadata) {
    return new WorkflowArtifactGCTask(apiVersion, kind, metadata, spec, status);
  }

  /** A copy with another spec. */
  public WorkflowArtifactGCTask withSpec(ArtifactGCSpec spec) {
    return new WorkflowArtifactGCTask(apiVersion, kind, metadata, spec, status);
  }

  /** A copy with another status. */
  public WorkflowArtifactGCTask withStatus(ArtifactGCStatus status) {
    return new WorkflowArtifactGCTask(apiVersion, kind, metadata, spec, status);
  }
}
