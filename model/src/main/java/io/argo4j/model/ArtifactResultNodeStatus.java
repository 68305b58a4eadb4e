package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.Map;

/** Deletion results of one node's artifacts, by artifact name. */
public record ArtifactResultNodeStatus(Map<String, ArtifactResult> artifactResults) {
  /** Copies collections so that the record stays immutable. */
  public ArtifactResultNodeStatus {
    artifactResults = Immutables.map(artifactResults);
  }
}
