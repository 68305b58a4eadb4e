package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** Argo's {@code SemaphoreHolding}. */
public record SemaphoreHolding(List<String> holders, String semaphore) {

  /** Copies collections so that the record stays immutable. */
  public SemaphoreHolding {
    holders = Immutables.list(holders);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link SemaphoreHolding} values; unset components stay null. */
  public static final class Builder {
    private List<String> holders;
    private String semaphore;

    private Builder() {}

    private Builder(SemaphoreHolding source) {
      this.holders = source.holders;
      this.semaphore = source.semaphore;
    }

    public Builder holders(List<String> holders) {
      this.holders = holders;
      return this;
    }

    public Builder semaphore(String semaphore) {
      this.semaphore = semaphore;
      return this;
    }

    public SemaphoreHolding build() {
      return new SemaphoreHolding(holders, semaphore);
    }
  }
}
