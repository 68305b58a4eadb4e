package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code ArtifactoryArtifactRepository}. */
public record ArtifactoryArtifactRepository(
    String keyFormat,
    SecretKeySelector passwordSecret,
    String repoURL,
    SecretKeySelector usernameSecret) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ArtifactoryArtifactRepository} values; unset components stay null. */
  public static final class Builder {
    private String keyFormat;
    private SecretKeySelector passwordSecret;
    private String repoURL;
    private SecretKeySelector usernameSecret;

    private Builder() {}

    private Builder(ArtifactoryArtifactRepository source) {
      this.keyFormat = source.keyFormat;
      this.passwordSecret = source.passwordSecret;
      this.repoURL = source.repoURL;
      this.usernameSecret = source.usernameSecret;
    }

    public Builder keyFormat(String keyFormat) {
      this.keyFormat = keyFormat;
      return this;
    }

    public Builder passwordSecret(SecretKeySelector passwordSecret) {
      this.passwordSecret = passwordSecret;
      return this;
    }

    public Builder repoURL(String repoURL) {
      this.repoURL = repoURL;
      return this;
    }

    public Builder usernameSecret(SecretKeySelector usernameSecret) {
      this.usernameSecret = usernameSecret;
      return this;
    }

    public ArtifactoryArtifactRepository build() {
      return new ArtifactoryArtifactRepository(keyFormat, passwordSecret, repoURL, usernameSecret);
    }
  }
}
