package io.argo4j.model;

import io.fabric8.kubernetes.api.model.IntOrString;

/** When and how often a failed node is retried. */
public record RetryStrategy(
    IntOrString limit,
    String retryPolicy,
    Backoff backoff,
    RetryAffinity affinity,
    String expression) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link RetryStrategy} values; unset components stay null. */
  public static final class Builder {
    private IntOrString limit;
    private String retryPolicy;
    private Backoff backoff;
    private RetryAffinity affinity;
    private String expression;

    private Builder() {}

    private Builder(RetryStrategy source) {
      this.limit = source.limit;
      this.retryPolicy = source.retryPolicy;
      this.backoff = source.backoff;
      this.affinity = source.affinity;
      this.expression = source.expression;
    }

    public Builder limit(IntOrString limit) {
      this.limit = limit;
      return this;
    }

    public Builder retryPolicy(String retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    public Builder backoff(Backoff backoff) {
      this.backoff = backoff;
      return this;
    }

    public Builder affinity(RetryAffinity affinity) {
      this.affinity = affinity;
      return this;
    }

    public Builder expression(String expression) {
      this.expression = expression;
      return this;
    }

    public RetryStrategy build() {
      return new RetryStrategy(limit, retryPolicy, backoff, affinity, expression);
    }
  }
}
