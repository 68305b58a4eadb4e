package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code OSSArtifactRepository}. */
public record OSSArtifactRepository(
    SecretKeySelector accessKeySecret,
    String bucket,
    Boolean createBucketIfNotPresent,
    String endpoint,
    String keyFormat,
    OSSLifecycleRule lifecycleRule,
    SecretKeySelector secretKeySecret,
    String securityToken,
    Boolean useSDKCreds) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link OSSArtifactRepository} values; unset components stay null. */
  public static final class Builder {
    private SecretKeySelector accessKeySecret;
    private String bucket;
    private Boolean createBucketIfNotPresent;
    private String endpoint;
    private String keyFormat;
    private OSSLifecycleRule lifecycleRule;
    private SecretKeySelector secretKeySecret;
    private String securityToken;
    private Boolean useSDKCreds;

    private Builder() {}

    private Builder(OSSArtifactRepository source) {
      this.accessKeySecret = source.accessKeySecret;
      this.bucket = source.bucket;
      this.createBucketIfNotPresent = source.createBucketIfNotPresent;
      this.endpoint = source.endpoint;
      this.keyFormat = source.keyFormat;
      this.lifecycleRule = source.lifecycleRule;
      this.secretKeySecret = source.secretKeySecret;
      this.securityToken = source.securityToken;
      this.useSDKCreds = source.useSDKCreds;
    }

    public Builder accessKeySecret(SecretKeySelector accessKeySecret) {
      this.accessKeySecret = accessKeySecret;
      return this;
    }

    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    public Builder createBucketIfNotPresent(Boolean createBucketIfNotPresent) {
      this.createBucketIfNotPresent = createBucketIfNotPresent;
      return this;
    }

    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder keyFormat(String keyFormat) {
      this.keyFormat = keyFormat;
      return this;
    }

    public Builder lifecycleRule(OSSLifecycleRule lifecycleRule) {
      this.lifecycleRule = lifecycleRule;
      return this;
    }

    public Builder secretKeySecret(SecretKeySelector secretKeySecret) {
      this.secretKeySecret = secretKeySecret;
      return this;
    }

    public Builder securityToken(String securityToken) {
      this.securityToken = securityToken;
      return this;
    }

    public Builder useSDKCreds(Boolean useSDKCreds) {
      this.useSDKCreds = useSDKCreds;
      return this;
    }

    public OSSArtifactRepository build() {
      return new OSSArtifactRepository(
          accessKeySecret,
          bucket,
          createBucketIfNotPresent,
          endpoint,
          keyFormat,
          lifecycleRule,
          secretKeySecret,
          securityToken,
          useSDKCreds);
    }
  }
}
