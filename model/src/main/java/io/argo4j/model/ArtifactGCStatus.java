package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.Map;

/** The status of a {@link WorkflowArtifactGCTask}: deletion results, by node id. */
public record ArtifactGCStatus(Map<String, ArtifactResultNodeStatus> artifactResultsByNode) {
  /** Copies collections so that the record stays immutable. */
  public ArtifactGCStatus {
    artifactResultsByNode = Immutables.map(artifactResultsByNode);
  }
}
