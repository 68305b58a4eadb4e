package io.argo4j.model;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;

/** Argo's {@code SemaphoreRef}. */
public record SemaphoreRef(
    ConfigMapKeySelector configMapKeyRef, SyncDatabaseRef database, String namespace) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link SemaphoreRef} values; unset components stay null. */
  public static final class Builder {
    private ConfigMapKeySelector configMapKeyRef;
    private SyncDatabaseRef database;
    private String namespace;

    private Builder() {}

    private Builder(SemaphoreRef source) {
      this.configMapKeyRef = source.configMapKeyRef;
      this.database = source.database;
      this.namespace = source.namespace;
    }

    public Builder configMapKeyRef(ConfigMapKeySelector configMapKeyRef) {
      this.configMapKeyRef = configMapKeyRef;
      return this;
    }

    public Builder database(SyncDatabaseRef database) {
      this.database = database;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public SemaphoreRef build() {
      return new SemaphoreRef(configMapKeyRef, database, namespace);
    }
  }
}
