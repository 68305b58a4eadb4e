package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** Argo's {@code MutexStatus}. */
public record MutexStatus(List<MutexHolding> holding, List<MutexHolding> waiting) {

  /** Copies collections so that the record stays immutable. */
  public MutexStatus {
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

  /** Builds {@link MutexStatus} values; unset components stay null. */
  public static final class Builder {
    private List<MutexHolding> holding;
    private List<MutexHolding> waiting;

    private Builder() {}

    private Builder(MutexStatus source) {
      this.holding = source.holding;
      this.waiting = source.waiting;
    }

    public Builder holding(List<MutexHolding> holding) {
      this.holding = holding;
      return this;
    }

    public Builder waiting(List<MutexHolding> waiting) {
      this.waiting = waiting;
      return this;
    }

    public MutexStatus build() {
      return new MutexStatus(holding, waiting);
    }
  }
}
