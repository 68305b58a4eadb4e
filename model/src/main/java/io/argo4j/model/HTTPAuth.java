package io.argo4j.model;

/** Argo's {@code HTTPAuth}. */
public record HTTPAuth(BasicAuth basicAuth, ClientCertAuth clientCert, OAuth2Auth oauth2) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link HTTPAuth} values; unset components stay null. */
  public static final class Builder {
    private BasicAuth basicAuth;
    private ClientCertAuth clientCert;
    private OAuth2Auth oauth2;

    private Builder() {}

    private Builder(HTTPAuth source) {
      this.basicAuth = source.basicAuth;
      this.clientCert = source.clientCert;
      this.oauth2 = source.oauth2;
    }

    public Builder basicAuth(BasicAuth basicAuth) {
      this.basicAuth = basicAuth;
      return this;
    }

    public Builder clientCert(ClientCertAuth clientCert) {
      this.clientCert = clientCert;
      return this;
    }

    public Builder oauth2(OAuth2Auth oauth2) {
      this.oauth2 = oauth2;
      return this;
    }

    public HTTPAuth build() {
      return new HTTPAuth(basicAuth, clientCert, oauth2);
    }
  }
}
