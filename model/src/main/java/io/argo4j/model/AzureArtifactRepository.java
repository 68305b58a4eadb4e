package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code AzureArtifactRepository}. */
public record AzureArtifactRepository(
    SecretKeySelector accountKeySecret,
    String blobNameFormat,
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

  /** Builds {@link AzureArtifactRepository} values; unset components stay null. */
  public static final class Builder {
    private SecretKeySelector accountKeySecret;
    private String blobNameFormat;
    private String container;
    private String endpoint;
    private Boolean useSDKCreds;

    private Builder() {}

    private Builder(AzureArtifactRepository source) {
      this.accountKeySecret = source.accountKeySecret;
      this.blobNameFormat = source.blobNameFormat;
      this.container = source.container;
      this.endpoint = source.endpoint;
      this.useSDKCreds = source.useSDKCreds;
    }

    public Builder accountKeySecret(SecretKeySelector accountKeySecret) {
      this.accountKeySecret = accountKeySecret;
      return this;
    }

    public Builder blobNameFormat(String blobNameFormat) {
      this.blobNameFormat = blobNameFormat;
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

    public AzureArtifactRepository build() {
      return new AzureArtifactRepository(
          accountKeySecret, blobNameFormat, container, endpoint, useSDKCreds);
    }
  }
}
