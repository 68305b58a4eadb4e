package io.argo4j.model;

/** Argo's {@code MutexHolding}. */
public record MutexHolding(String holder, String mutex) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link MutexHolding} values; unset components stay null. */
  public static final class Builder {
    private String holder;
    private String mutex;

    private Builder() {}

    private Builder(MutexHolding source) {
      this.holder = source.holder;
      this.mutex = source.mutex;
    }

    public Builder holder(String holder) {
      this.holder = holder;
      return this;
    }

    public Builder mutex(String mutex) {
      this.mutex = mutex;
      return this;
    }

    public MutexHolding build() {
      return new MutexHolding(holder, mutex);
    }
  }
}
