package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code GCSArtifact}. */
public record GCSArtifact(String key, String bucket, SecretKeySelector serviceAccountKeySecret) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link GCSArtifact} values; unset components stay null. */
  public static final class Builder {
    private String key;
    private String bucket;
    private SecretKeySelector serviceAccountKeySecret;

    private Builder() {}

    private Builder(GCSArtifact source) {
      this.key = source.key;
      this.bucket = source.bucket;
      this.serviceAccountKeySecret = source.serviceAccountKeySecret;
    }

    public Builder key(String key) {
      this.key = key;
      return this;
    }

    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    public Builder serviceAccountKeySecret(SecretKeySelector serviceAccountKeySecret) {
      this.serviceAccountKeySecret = serviceAccountKeySecret;
      return this;
    }

    public GCSArtifact build() {
      return new GCSArtifact(key, bucket, serviceAccountKeySecret);
    }
  }
}
