package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** Argo's {@code HTTPArtifact}. */
public record HTTPArtifact(
    HTTPAuth auth, List<Header> headers, Boolean saveStreamViaFile, String url) {

  /** Copies collections so that the record stays immutable. */
  public HTTPArtifact {
    headers = Immutables.list(headers);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link HTTPArtifact} values; unset components stay null. */
  public static final class Builder {
    private HTTPAuth auth;
    private List<Header> headers;
    private Boolean saveStreamViaFile;
    private String url;

    private Builder() {}

    private Builder(HTTPArtifact source) {
      this.auth = source.auth;
      this.headers = source.headers;
      this.saveStreamViaFile = source.saveStreamViaFile;
      this.url = source.url;
    }

    public Builder auth(HTTPAuth auth) {
      this.auth = auth;
      return this;
    }

    public Builder headers(List<Header> headers) {
      this.headers = headers;
      return this;
    }

    public Builder saveStreamViaFile(Boolean saveStreamViaFile) {
      this.saveStreamViaFile = saveStreamViaFile;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public HTTPArtifact build() {
      return new HTTPArtifact(auth, headers, saveStreamViaFile, url);
    }
  }
}
