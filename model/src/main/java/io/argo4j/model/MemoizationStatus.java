package io.argo4j.model;

/** Argo's {@code MemoizationStatus}. */
public record MemoizationStatus(Boolean hit, String key, String cacheName) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link MemoizationStatus} values; unset components stay null. */
  public static final class Builder {
    private Boolean hit;
    private String key;
    private String cacheName;

    private Builder() {}

    private Builder(MemoizationStatus source) {
      this.hit = source.hit;
      this.key = source.key;
      this.cacheName = source.cacheName;
    }

    public Builder hit(Boolean hit) {
      this.hit = hit;
      return this;
    }

    public Builder key(String key) {
      this.key = key;
      return this;
    }

    public Builder cacheName(String cacheName) {
      this.cacheName = cacheName;
      return this;
    }

    public MemoizationStatus build() {
      return new MemoizationStatus(hit, key, cacheName);
    }
  }
}
