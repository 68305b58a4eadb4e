package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code S3Artifact}. */
public record S3Artifact(
    String key,
    SecretKeySelector accessKeySecret,
    String addressingStyle,
    String bucket,
    SecretKeySelector caSecret,
    CreateS3BucketOptions createBucketIfNotPresent,
    S3EncryptionOptions encryptionOptions,
    String endpoint,
    Boolean insecure,
    String region,
    String roleARN,
    SecretKeySelector secretKeySecret,
    SecretKeySelector sessionTokenSecret,
    Boolean useSDKCreds) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link S3Artifact} values; unset components stay null. */
  public static final class Builder {
    private String key;
    private SecretKeySelector accessKeySecret;
    private String addressingStyle;
    private String bucket;
    private SecretKeySelector caSecret;
    private CreateS3BucketOptions createBucketIfNotPresent;
    private S3EncryptionOptions encryptionOptions;
    private String endpoint;
    private Boolean insecure;
    private String region;
    private String roleARN;
    private SecretKeySelector secretKeySecret;
    private SecretKeySelector sessionTokenSecret;
    private Boolean useSDKCreds;

    private Builder() {}

    private Builder(S3Artifact source) {
      this.key = source.key;
      this.accessKeySecret = source.accessKeySecret;
      this.addressingStyle = source.addressingStyle;
      this.bucket = source.bucket;
      this.caSecret = source.caSecret;
      this.createBucketIfNotPresent = source.createBucketIfNotPresent;
      this.encryptionOptions = source.encryptionOptions;
      this.endpoint = source.endpoint;
      this.insecure = source.insecure;
      this.region = source.region;
      this.roleARN = source.roleARN;
      this.secretKeySecret = source.secretKeySecret;
      this.sessionTokenSecret = source.sessionTokenSecret;
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

    public Builder addressingStyle(String addressingStyle) {
      this.addressingStyle = addressingStyle;
      return this;
    }

    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    public Builder caSecret(SecretKeySelector caSecret) {
      this.caSecret = caSecret;
      return this;
    }

    public Builder createBucketIfNotPresent(CreateS3BucketOptions createBucketIfNotPresent) {
      this.createBucketIfNotPresent = createBucketIfNotPresent;
      return this;
    }

    public Builder encryptionOptions(S3EncryptionOptions encryptionOptions) {
      this.encryptionOptions = encryptionOptions;
      return this;
    }

    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder insecure(Boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder roleARN(String roleARN) {
      this.roleARN = roleARN;
      return this;
    }

    public Builder secretKeySecret(SecretKeySelector secretKeySecret) {
      this.secretKeySecret = secretKeySecret;
      return this;
    }

    public Builder sessionTokenSecret(SecretKeySelector sessionTokenSecret) {
      this.sessionTokenSecret = sessionTokenSecret;
      return this;
    }

    public Builder useSDKCreds(Boolean useSDKCreds) {
      this.useSDKCreds = useSDKCreds;
      return this;
    }

    public S3Artifact build() {
      return new S3Artifact(
          key,
          accessKeySecret,
          addressingStyle,
          bucket,
          caSecret,
          createBucketIfNotPresent,
          encryptionOptions,
          endpoint,
          insecure,
          region,
          roleARN,
          secretKeySecret,
          sessionTokenSecret,
          useSDKCreds);
    }
  }
}
