package io.argo4j.model;

/** Argo's {@code Mutex}. */
public record Mutex(String name, Boolean database, String namespace) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Mutex} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private Boolean database;
    private String namespace;

    private Builder() {}

    private Builder(Mutex source) {
      this.name = source.name;
      this.database = source.database;
      this.namespace = source.namespace;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder database(Boolean database) {
      this.database = database;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Mutex build() {
      return new Mutex(name, database, namespace);
    }
  }
}
