package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** A template that transforms a list of artifact paths. */
public record Data(DataSource source, List<TransformationStep> transformation) {

  /** Copies collections so that the record stays immutable. */
  public Data {
    transformation = Immutables.list(transformation);
  }
}
