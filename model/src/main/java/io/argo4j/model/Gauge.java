package io.argo4j.model;

/** Argo's {@code Gauge}. */
public record Gauge(String value, Boolean realtime, String operation) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Gauge} values; unset components stay null. */
  public static final class Builder {
    private String value;
    private Boolean realtime;
    private String operation;

    private Builder() {}

    private Builder(Gauge source) {
      this.value = source.value;
      this.realtime = source.realtime;
      this.operation = source.operation;
    }

    public Builder value(String value) {
      this.value = value;
      return this;
    }

    public Builder realtime(Boolean realtime) {
      this.realtime = realtime;
      return this;
    }

    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    public Gauge build() {
      return new Gauge(value, realtime, operation);
    }
  }
}
