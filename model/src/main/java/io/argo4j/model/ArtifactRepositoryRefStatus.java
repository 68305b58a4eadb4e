package io.argo4j.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Argo's {@code ArtifactRepositoryRefStatus}. */
public record ArtifactRepositoryRefStatus(
    String configMap,
    String key,
    String namespace,
    @JsonProperty("default") Boolean defaultValue,
    ArtifactRepository artifactRepository) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ArtifactRepositoryRefStatus} values; unset components stay null. */
  public static final class Builder {
    private String configMap;
    private String key;
    private String namespace;
    private Boolean defaultValue;
    private ArtifactRepository artifactRepository;

    private Builder() {}

    private Builder(ArtifactRepositoryRefStatus source) {
      this.configMap = source.configMap;
      this.key = source.key;
      this.namespace = source.namespace;
      this.defaultValue = source.defaultValue;
      this.artifactRepository = source.artifactRepository;
    }

    public Builder configMap(String configMap) {
      this.configMap = configMap;
      return this;
    }

    public Builder key(String key) {
      this.key = key;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder defaultValue(Boolean defaultValue) {
      this.defaultValue = defaultValue;
      return this;
    }

    public Builder artifactRepository(ArtifactRepository artifactRepository) {
      this.artifactRepository = artifactRepository;
      return this;
    }

    public ArtifactRepositoryRefStatus build() {
      return new ArtifactRepositoryRefStatus(
          configMap, key, namespace, defaultValue, artifactRepository);
    }
  }
}
