package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** A template that makes an HTTP request from the agent. */
public record HTTP(
    String method,
    String url,
    List<HTTPHeader> headers,
    Long timeoutSeconds,
    String successCondition,
    String body,
    HTTPBodySource bodyFrom,
    Boolean insecureSkipVerify) {

  /** Copies collections so that the record stays immutable. */
  public HTTP {
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

  /** Builds {@link HTTP} values; unset components stay null. */
  public static final class Builder {
    private String method;
    private String url;
    private List<HTTPHeader> headers;
    private Long timeoutSeconds;
    private String successCondition;
    private String body;
    private HTTPBodySource bodyFrom;
    private Boolean insecureSkipVerify;

    private Builder() {}

    private Builder(HTTP source) {
      this.method = source.method;
      this.url = source.url;
      this.headers = source.headers;
      this.timeoutSeconds = source.timeoutSeconds;
      this.successCondition = source.successCondition;
      this.body = source.body;
      this.bodyFrom = source.bodyFrom;
      this.insecureSkipVerify = source.insecureSkipVerify;
    }

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder headers(List<HTTPHeader> headers) {
      this.headers = headers;
      return this;
    }

    public Builder timeoutSeconds(Long timeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
      return this;
    }

    public Builder successCondition(String successCondition) {
      this.successCondition = successCondition;
      return this;
    }

    public Builder body(String body) {
      this.body = body;
      return this;
    }

    public Builder bodyFrom(HTTPBodySource bodyFrom) {
      this.bodyFrom = bodyFrom;
      return this;
    }

    public Builder insecureSkipVerify(Boolean insecureSkipVerify) {
      this.insecureSkipVerify = insecureSkipVerify;
      return this;
    }

    public HTTP build() {
      return new HTTP(
          method,
          url,
          headers,
          timeoutSeconds,
          successCondition,
          body,
          bodyFrom,
          insecureSkipVerify);
    }
  }
}
