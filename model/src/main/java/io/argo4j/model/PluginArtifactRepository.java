package io.argo4j.model;

/** Argo's {@code PluginArtifactRepository}. */
public record PluginArtifactRepository(String name, String configuration, String keyFormat) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link PluginArtifactRepository} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private String configuration;
    private String keyFormat;

    private Builder() {}

    private Builder(PluginArtifactRepository source) {
      this.name = source.name;
      this.configuration = source.configuration;
      this.keyFormat = source.keyFormat;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder configuration(String configuration) {
      this.configuration = configuration;
      return this;
    }

    public Builder keyFormat(String keyFormat) {
      this.keyFormat = keyFormat;
      return this;
    }

    public PluginArtifactRepository build() {
      return new PluginArtifactRepository(name, configuration, keyFormat);
    }
  }
}
