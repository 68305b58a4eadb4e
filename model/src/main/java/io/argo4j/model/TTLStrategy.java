package io.argo4j.model;

/** How long a finished workflow is kept. */
public record TTLStrategy(
    Integer secondsAfterCompletion, Integer secondsAfterFailure, Integer secondsAfterSuccess) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link TTLStrategy} values; unset components stay null. */
  public static final class Builder {
    private Integer secondsAfterCompletion;
    private Integer secondsAfterFailure;
    private Integer secondsAfterSuccess;

    private Builder() {}

    private Builder(TTLStrategy source) {
      this.secondsAfterCompletion = source.secondsAfterCompletion;
      this.secondsAfterFailure = source.secondsAfterFailure;
      this.secondsAfterSuccess = source.secondsAfterSuccess;
    }

    public Builder secondsAfterCompletion(Integer secondsAfterCompletion) {
      this.secondsAfterCompletion = secondsAfterCompletion;
      return this;
    }

    public Builder secondsAfterFailure(Integer secondsAfterFailure) {
      this.secondsAfterFailure = secondsAfterFailure;
      return this;
    }

    public Builder secondsAfterSuccess(Integer secondsAfterSuccess) {
      this.secondsAfterSuccess = secondsAfterSuccess;
      return this;
    }

    public TTLStrategy build() {
      return new TTLStrategy(secondsAfterCompletion, secondsAfterFailure, secondsAfterSuccess);
    }
  }
}
