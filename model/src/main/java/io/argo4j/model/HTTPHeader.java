package io.argo4j.model;

/** Argo's {@code HTTPHeader}. */
public record HTTPHeader(String name, String value, HTTPHeaderSource valueFrom) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link HTTPHeader} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private String value;
    private HTTPHeaderSource valueFrom;

    private Builder() {}

    private Builder(HTTPHeader source) {
      this.name = source.name;
      this.value = source.value;
      this.valueFrom = source.valueFrom;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder value(String value) {
      this.value = value;
      return this;
    }

    public Builder valueFrom(HTTPHeaderSource valueFrom) {
      this.valueFrom = valueFrom;
      return this;
    }

    public HTTPHeader build() {
      return new HTTPHeader(name, value, valueFrom);
    }
  }
}
