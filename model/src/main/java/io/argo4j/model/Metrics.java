package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** Prometheus metrics emitted by a workflow or a template. */
public record Metrics(List<Prometheus> prometheus) {

  /** Copies collections so that the record stays immutable. */
  public Metrics {
    prometheus = Immutables.list(prometheus);
  }
}
