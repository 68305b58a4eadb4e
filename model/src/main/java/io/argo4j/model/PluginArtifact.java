package io.argo4j.model;

/** Argo's {@code PluginArtifact}. */
public record PluginArtifact(
    String name, String key, String configuration, Integer connectionTimeoutSeconds) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link PluginArtifact} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private String key;
    private String configuration;
    private Integer connectionTimeoutSeconds;

    private Builder() {}

    private Builder(PluginArtifact source) {
      this.name = source.name;
      this.key = source.key;
      this.configuration = source.configuration;
      this.connectionTimeoutSeconds = source.connectionTimeoutSeconds;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder key(String key) {
      this.key = key;
      return this;
    }

    public Builder configuration(String configuration) {
      this.configuration = configuration;
      return this;
    }

    public Builder connectionTimeoutSeconds(Integer connectionTimeoutSeconds) {
      this.connectionTimeoutSeconds = connectionTimeoutSeconds;
      return this;
    }

    public PluginArtifact build() {
      return new PluginArtifact(name, key, configuration, connectionTimeoutSeconds);
    }
  }
}
