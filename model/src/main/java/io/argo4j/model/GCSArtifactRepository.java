package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code GCSArtifactRepository}. */
public record GCSArtifactRepository(
    String bucket, String keyFormat, SecretKeySelector serviceAccountKeySecret) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link GCSArtifactRepository} values; unset components stay null. */
  public static final class Builder {
    private String bucket;
    private String keyFormat;
    private SecretKeySelector serviceAccountKeySecret;

    private Builder() {}

    private Builder(GCSArtifactRepository source) {
      this.bucket = source.bucket;
      this.keyFormat = source.keyFormat;
      this.serviceAccountKeySecret = source.serviceAccountKeySecret;
    }

    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    public Builder keyFormat(String keyFormat) {
      this.keyFormat = keyFormat;
      return this;
    }

    public Builder serviceAccountKeySecret(SecretKeySelector serviceAccountKeySecret) {
      this.serviceAccountKeySecret = serviceAccountKeySecret;
      return this;
    }

    public GCSArtifactRepository build() {
      return new GCSArtifactRepository(bucket, keyFormat, serviceAccountKeySecret);
    }
  }
}
