package io.argo4j.model;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * Delay between retries: duration, multiplied by factor each time, capped by cap; maxDuration
 * bounds the whole retry.
 */
public record Backoff(String duration, IntOrString factor, String maxDuration, String cap) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Backoff} values; unset components stay null. */
  public static final class Builder {
    private String duration;
    private IntOrString factor;
    private String maxDuration;
    private String cap;

    private Builder() {}

    private Builder(Backoff source) {
      this.duration = source.duration;
      this.factor = source.factor;
      this.maxDuration = source.maxDuration;
      this.cap = source.cap;
    }

    public Builder duration(String duration) {
      this.duration = duration;
      return this;
    }

    public Builder factor(IntOrString factor) {
      this.factor = factor;
      return this;
    }

    public Builder maxDuration(String maxDuration) {
      this.maxDuration = maxDuration;
      return this;
    }

    public Builder cap(String cap) {
      this.cap = cap;
      return this;
    }

    public Backoff build() {
      return new Backoff(duration, factor, maxDuration, cap);
    }
  }
}
