package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.Map;

/** The spec of a {@link WorkflowArtifactGCTask}: artifacts to delete, by node id. */
public record ArtifactGCSpec(Map<String, ArtifactNodeSpec> artifactsByNode) {
  /** Copies collections so that the record stays immutable. */
  public ArtifactGCSpec {
    artifactsByNode = Immutables.map(artifactsByNode);
  }
}
