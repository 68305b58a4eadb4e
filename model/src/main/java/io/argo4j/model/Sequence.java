package io.argo4j.model;

import io.fabric8.kubernetes.api.model.IntOrString;

/** Expands a step or task over a numeric sequence. */
public record Sequence(IntOrString count, IntOrString start, IntOrString end, String format) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Sequence} values; unset components stay null. */
  public static final class Builder {
    private IntOrString count;
    private IntOrString start;
    private IntOrString end;
    private String format;

    private Builder() {}

    private Builder(Sequence source) {
      this.count = source.count;
      this.start = source.start;
      this.end = source.end;
      this.format = source.format;
    }

    public Builder count(IntOrString count) {
      this.count = count;
      return this;
    }

    public Builder start(IntOrString start) {
      this.start = start;
      return this;
    }

    public Builder end(IntOrString end) {
      this.end = end;
      return this;
    }

    public Builder format(String format) {
      this.format = format;
      return this;
    }

    public Sequence build() {
      return new Sequence(count, start, end, format);
    }
  }
}
