package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** Argo's {@code Histogram}. */
public record Histogram(String value, List<Amount> buckets) {

  /** Copies collections so that the record stays immutable. */
  public Histogram {
    buckets = Immutables.list(buckets);
  }
}
