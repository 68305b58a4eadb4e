package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** Argo's {@code Prometheus}. */
public record Prometheus(
    String name,
    String help,
    List<MetricLabel> labels,
    String when,
    Gauge gauge,
    Histogram histogram,
    Counter counter) {

  /** Copies collections so that the record stays immutable. */
  public Prometheus {
    labels = Immutables.list(labels);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Prometheus} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private String help;
    private List<MetricLabel> labels;
    private String when;
    private Gauge gauge;
    private Histogram histogram;
    private Counter counter;

    private Builder() {}

    private Builder(Prometheus source) {
      this.name = source.name;
      this.help = source.help;
      this.labels = source.labels;
      this.when = source.when;
      this.gauge = source.gauge;
      this.histogram = source.histogram;
      this.counter = source.counter;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder help(String help) {
      this.help = help;
      return this;
    }

    public Builder labels(List<MetricLabel> labels) {
      this.labels = labels;
      return this;
    }

    public Builder when(String when) {
      this.when = when;
      return this;
    }

    public Builder gauge(Gauge gauge) {
      this.gauge = gauge;
      return this;
    }

    public Builder histogram(Histogram histogram) {
      this.histogram = histogram;
      return this;
    }

    public Builder counter(Counter counter) {
      this.counter = counter;
      return this;
    }

    public Prometheus build() {
      return new Prometheus(name, help, labels, when, gauge, histogram, counter);
    }
  }
}
