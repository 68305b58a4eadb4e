package io.argo4j.model;

/** Argo's {@code NodeFlag}. */
public record NodeFlag(Boolean hooked, Boolean retried) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link NodeFlag} values; unset components stay null. */
  public static final class Builder {
    private Boolean hooked;
    private Boolean retried;

    private Builder() {}

    private Builder(NodeFlag source) {
      this.hooked = source.hooked;
      this.retried = source.retried;
    }

    public Builder hooked(Boolean hooked) {
      this.hooked = hooked;
      return this;
    }

    public Builder retried(Boolean retried) {
      this.retried = retried;
      return this;
    }

    public NodeFlag build() {
      return new NodeFlag(hooked, retried);
    }
  }
}
