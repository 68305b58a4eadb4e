package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** Argo's {@code SemaphoreStatus}. */
public record SemaphoreStatus(List<SemaphoreHolding> holding, List<SemaphoreHolding> waiting) {

  /** Copies collections so that the record stays immutable. */
  public SemaphoreStatus {
    holding = Immutables.list(holding);
    waiting = Immutables.list(waiting);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link SemaphoreStatus} values; unset components stay null. */
  public static final class Builder {
    private List<SemaphoreHolding> holding;
    private List<SemaphoreHolding> waiting;

    private Builder() {}

    private Builder(SemaphoreStatus source) {
      this.holding = source.holding;
      this.waiting = source.waiting;
    }

    public Builder holding(List<SemaphoreHolding> holding) {
      this.holding = holding;
      return this;
    }

    public Builder waiting(List<SemaphoreHolding> waiting) {
      this.waiting = waiting;
      return this;
    }

    public SemaphoreStatus build() {
      return new SemaphoreStatus(holding, waiting);
    }
  }
}
