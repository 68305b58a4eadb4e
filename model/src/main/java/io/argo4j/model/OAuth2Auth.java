package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.List;

/** Argo's {@code OAuth2Auth}. */
public record OAuth2Auth(
    SecretKeySelector clientIDSecret,
    SecretKeySelector clientSecretSecret,
    List<OAuth2EndpointParam> endpointParams,
    List<String> scopes,
    SecretKeySelector tokenURLSecret) {

  /** Copies collections so that the record stays immutable. */
  public OAuth2Auth {
    endpointParams = Immutables.list(endpointParams);
    scopes = Immutables.list(scopes);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link OAuth2Auth} values; unset components stay null. */
  public static final class Builder {
    private SecretKeySelector clientIDSecret;
    private SecretKeySelector clientSecretSecret;
    private List<OAuth2EndpointParam> endpointParams;
    private List<String> scopes;
    private SecretKeySelector tokenURLSecret;

    private Builder() {}

    private Builder(OAuth2Auth source) {
      this.clientIDSecret = source.clientIDSecret;
      this.clientSecretSecret = source.clientSecretSecret;
      this.endpointParams = source.endpointParams;
      this.scopes = source.scopes;
      this.tokenURLSecret = source.tokenURLSecret;
    }

    public Builder clientIDSecret(SecretKeySelector clientIDSecret) {
      this.clientIDSecret = clientIDSecret;
      return this;
    }

    public Builder clientSecretSecret(SecretKeySelector clientSecretSecret) {
      this.clientSecretSecret = clientSecretSecret;
      return this;
    }

    public Builder endpointParams(List<OAuth2EndpointParam> endpointParams) {
      this.endpointParams = endpointParams;
      return this;
    }

    public Builder scopes(List<String> scopes) {
      this.scopes = scopes;
      return this;
    }

    public Builder tokenURLSecret(SecretKeySelector tokenURLSecret) {
      this.tokenURLSecret = tokenURLSecret;
      return this;
    }

    public OAuth2Auth build() {
      return new OAuth2Auth(
          clientIDSecret, clientSecretSecret, endpointParams, scopes, tokenURLSecret);
    }
  }
}
