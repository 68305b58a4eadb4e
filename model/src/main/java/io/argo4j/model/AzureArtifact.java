package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code AzureArtifact}. */
public record AzureArtifact(
    SecretKeySelector accountKeySecret,
    String blob,
    String container,
    String endpoint,
    Boolean useSDKCreds) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link AzureArtifact} values; unset components stay null. */
  public static final class Builder {
    private SecretKeySelector accountKeySecret;
    private String blob;
    private String container;
    private String endpoint;
    private Boolean useSDKCreds;

    private Builder() {}

    private Builder(AzureArtifact source) {
      this.accountKeySecret = source.accountKeySecret;
      this.blob = source.blob;
      this.container = source.container;
      this.endpoint = source.endpoint;
      this.useSDKCreds = source.useSDKCreds;
    }

    public Builder accountKeySecret(SecretKeySelector accountKeySecret) {
      this.accountKeySecret = accountKeySecret;
      return this;
    }

    public Builder blob(String blob) {
      this.blob = blob;
      return this;
    }

    public Builder container(String container) {
      this.container = container;
      return this;
    }

    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder useSDKCreds(Boolean useSDKCreds) {
      this.useSDKCreds = useSDKCreds;
      return this;
    }

    public AzureArtifact build() {
      return new AzureArtifact(accountKeySecret, blob, container, endpoint, useSDKCreds);
    }
  }
}
