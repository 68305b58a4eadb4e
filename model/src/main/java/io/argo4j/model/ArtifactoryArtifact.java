package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code ArtifactoryArtifact}. */
public record ArtifactoryArtifact(
    SecretKeySelector passwordSecret, String url, SecretKeySelector usernameSecret) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ArtifactoryArtifact} values; unset components stay null. */
  public static final class Builder {
    private SecretKeySelector passwordSecret;
    private String url;
    private SecretKeySelector usernameSecret;

    private Builder() {}

    private Builder(ArtifactoryArtifact source) {
      this.passwordSecret = source.passwordSecret;
      this.url = source.url;
      this.usernameSecret = source.usernameSecret;
    }

    public Builder passwordSecret(SecretKeySelector passwordSecret) {
      this.passwordSecret = passwordSecret;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder usernameSecret(SecretKeySelector usernameSecret) {
      this.usernameSecret = usernameSecret;
      return this;
    }

    public ArtifactoryArtifact build() {
      return new ArtifactoryArtifact(passwordSecret, url, usernameSecret);
    }
  }
}
