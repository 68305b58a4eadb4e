package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code S3EncryptionOptions}. */
public record S3EncryptionOptions(
    Boolean enableEncryption,
    String kmsEncryptionContext,
    String kmsKeyId,
    SecretKeySelector serverSideCustomerKeySecret) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link S3EncryptionOptions} values; unset components stay null. */
  public static final class Builder {
    private Boolean enableEncryption;
    private String kmsEncryptionContext;
    private String kmsKeyId;
    private SecretKeySelector serverSideCustomerKeySecret;

    private Builder() {}

    private Builder(S3EncryptionOptions source) {
      this.enableEncryption = source.enableEncryption;
      this.kmsEncryptionContext = source.kmsEncryptionContext;
      this.kmsKeyId = source.kmsKeyId;
      this.serverSideCustomerKeySecret = source.serverSideCustomerKeySecret;
    }

    public Builder enableEncryption(Boolean enableEncryption) {
      this.enableEncryption = enableEncryption;
      return this;
    }

    public Builder kmsEncryptionContext(String kmsEncryptionContext) {
      this.kmsEncryptionContext = kmsEncryptionContext;
      return this;
    }

    public Builder kmsKeyId(String kmsKeyId) {
      this.kmsKeyId = kmsKeyId;
      return this;
    }

    public Builder serverSideCustomerKeySecret(SecretKeySelector serverSideCustomerKeySecret) {
      this.serverSideCustomerKeySecret = serverSideCustomerKeySecret;
      return this;
    }

    public S3EncryptionOptions build() {
      return new S3EncryptionOptions(
          enableEncryption, kmsEncryptionContext, kmsKeyId, serverSideCustomerKeySecret);
    }
  }
}
