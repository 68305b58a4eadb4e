package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** What a template or node produced. */
public record Outputs(
    List<Parameter> parameters, List<Artifact> artifacts, String result, String exitCode) {

  /** Copies collections so that the record stays immutable. */
  public Outputs {
    parameters = Immutables.list(parameters);
    artifacts = Immutables.list(artifacts);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Outputs} values; unset components stay null. */
  public static final class Builder {
    private List<Parameter> parameters;
    private List<Artifact> artifacts;
    private String result;
    private String exitCode;

    private Builder() {}

    private Builder(Outputs source) {
      this.parameters = source.parameters;
      this.artifacts = source.artifacts;
      this.result = source.result;
      this.exitCode = source.exitCode;
    }

    public Builder parameters(List<Parameter> parameters) {
      this.parameters = parameters;
      return this;
    }

    public Builder artifacts(List<Artifact> artifacts) {
      this.artifacts = artifacts;
      return this;
    }

    public Builder result(String result) {
      this.result = result;
      return this;
    }

    public Builder exitCode(String exitCode) {
      this.exitCode = exitCode;
      return this;
    }

    public Outputs build() {
      return new Outputs(parameters, artifacts, result, exitCode);
    }
  }
}
