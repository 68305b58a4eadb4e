package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.Map;

/** The artifacts of one node to delete, by artifact name, and the node's archive location. */
public record ArtifactNodeSpec(ArtifactLocation archiveLocation, Map<String, Artifact> artifacts) {
  /** Copies collections so that the record stays immutable. */
  public ArtifactNodeSpec {
    artifacts = Immutables.map(artifacts);
  }
}
