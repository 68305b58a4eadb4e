package io.argo4j.model;

/** A condition of a workflow or cron workflow. */
public record Condition(String type, String status, String message) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Condition} values; unset components stay null. */
  public static final class Builder {
    private String type;
    private String status;
    private String message;

    private Builder() {}

    private Builder(Condition source) {
      this.type = source.type;
      this.status = source.status;
      this.message = source.message;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder status(String status) {
      this.status = status;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Condition build() {
      return new Condition(type, status, message);
    }
  }
}
