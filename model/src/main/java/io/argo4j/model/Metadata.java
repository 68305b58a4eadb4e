package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.Map;

/** Labels and annotations added to pods. */
public record Metadata(Map<String, String> annotations, Map<String, String> labels) {

  /** Copies collections so that the record stays immutable. */
  public Metadata {
    annotations = Immutables.map(annotations);
    labels = Immutables.map(labels);
  }
}
