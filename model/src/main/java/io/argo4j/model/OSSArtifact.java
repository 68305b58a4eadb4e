package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code OSSArtifact}. */
public record OSSArtifact(
    String key,
    SecretKeySelector accessKeySecret,
    String bucket,
    Boolean createBucketIfNotPresent,
    String endpoint,
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

  /** Builds {@link OSSArtifact} values; unset components stay null. */
  public static final class Builder {
    private String key;
    private SecretKeySelector accessKeySecret;
    private String bucket;
    private Boolean createBucketIfNotPresent;
    private String endpoint;
    private OSSLifecycleRule lifecycleRule;
    private SecretKeySelector secretKeySecret;
    private String securityToken;
    private Boolean useSDKCreds;

    private Builder() {}

    private Builder(OSSArtifact source) {
      this.key = source.key;
      this.accessKeySecret = source.accessKeySecret;
      this.bucket = source.bucket;
      this.createBucketIfNotPresent = source.createBucketIfNotPresent;
      this.endpoint = source.endpoint;
      this.lifecycleRule = source.lifecycleRule;
      this.secretKeySecret = source.secretKeySecret;
      this.securityToken = source.securityToken;
      this.useSDKCreds = source.useSDKCreds;
    }

    public Builder key(String key) {
      this.key = key;
      return this;
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

    public OSSArtifact build() {
      return new OSSArtifact(
          key,
          accessKeySecret,
          bucket,
          createBucketIfNotPresent,
          endpoint,
          lifecycleRule,
          secretKeySecret,
          securityToken,
          useSDKCreds);
    }
  }
}
