package io.argo4j.model;

/** Caches a template's outputs under a key. */
public record Memoize(String key, Cache cache, String maxAge) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Memoize} values; unset components stay null. */
  public static final class Builder {
    private String key;
    private Cache cache;
    private String maxAge;

    private Builder() {}

    private Builder(Memoize source) {
      this.key = source.key;
      this.cache = source.cache;
      this.maxAge = source.maxAge;
    }

    public Builder key(String key) {
      this.key = key;
      return this;
    }

    public Builder cache(Cache cache) {
      this.cache = cache;
      return this;
    }

    public Builder maxAge(String maxAge) {
      this.maxAge = maxAge;
      return this;
    }

    public Memoize build() {
      return new Memoize(key, cache, maxAge);
    }
  }
}
