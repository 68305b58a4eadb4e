package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.List;

/** Argo's {@code HDFSArtifact}. */
public record HDFSArtifact(
    List<String> addresses,
    String dataTransferProtection,
    Boolean force,
    String hdfsUser,
    SecretKeySelector krbCCacheSecret,
    ConfigMapKeySelector krbConfigConfigMap,
    SecretKeySelector krbKeytabSecret,
    String krbRealm,
    String krbServicePrincipalName,
    String krbUsername,
    String path) {

  /** Copies collections so that the record stays immutable. */
  public HDFSArtifact {
    addresses = Immutables.list(addresses);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link HDFSArtifact} values; unset components stay null. */
  public static final class Builder {
    private List<String> addresses;
    private String dataTransferProtection;
    private Boolean force;
    private String hdfsUser;
    private SecretKeySelector krbCCacheSecret;
    private ConfigMapKeySelector krbConfigConfigMap;
    private SecretKeySelector krbKeytabSecret;
    private String krbRealm;
    private String krbServicePrincipalName;
    private String krbUsername;
    private String path;

    private Builder() {}

    private Builder(HDFSArtifact source) {
      this.addresses = source.addresses;
      this.dataTransferProtection = source.dataTransferProtection;
      this.force = source.force;
      this.hdfsUser = source.hdfsUser;
      this.krbCCacheSecret = source.krbCCacheSecret;
      this.krbConfigConfigMap = source.krbConfigConfigMap;
      this.krbKeytabSecret = source.krbKeytabSecret;
      this.krbRealm = source.krbRealm;
      this.krbServicePrincipalName = source.krbServicePrincipalName;
      this.krbUsername = source.krbUsername;
      this.path = source.path;
    }

    public Builder addresses(List<String> addresses) {
      this.addresses = addresses;
      return this;
    }

    public Builder dataTransferProtection(String dataTransferProtection) {
      this.dataTransferProtection = dataTransferProtection;
      return this;
    }

    public Builder force(Boolean force) {
      this.force = force;
      return this;
    }

    public Builder hdfsUser(String hdfsUser) {
      this.hdfsUser = hdfsUser;
      return this;
    }

    public Builder krbCCacheSecret(SecretKeySelector krbCCacheSecret) {
      this.krbCCacheSecret = krbCCacheSecret;
      return this;
    }

    public Builder krbConfigConfigMap(ConfigMapKeySelector krbConfigConfigMap) {
      this.krbConfigConfigMap = krbConfigConfigMap;
      return this;
    }

    public Builder krbKeytabSecret(SecretKeySelector krbKeytabSecret) {
      this.krbKeytabSecret = krbKeytabSecret;
      return this;
    }

    public Builder krbRealm(String krbRealm) {
      this.krbRealm = krbRealm;
      return this;
    }

    public Builder krbServicePrincipalName(String krbServicePrincipalName) {
      this.krbServicePrincipalName = krbServicePrincipalName;
      return this;
    }

    public Builder krbUsername(String krbUsername) {
      this.krbUsername = krbUsername;
      return this;
    }

    public Builder path(String path) {
      this.path = path;
      return this;
    }

    public HDFSArtifact build() {
      return new HDFSArtifact(
          addresses,
          dataTransferProtection,
          force,
          hdfsUser,
          krbCCacheSecret,
          krbConfigConfigMap,
          krbKeytabSecret,
          krbRealm,
          krbServicePrincipalName,
          krbUsername,
          path);
    }
  }
}
