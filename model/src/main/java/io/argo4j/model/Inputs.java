package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** What a template declares it needs. */
public record Inputs(List<Parameter> parameters, List<Artifact> artifacts) {

  /** Copies collections so that the record stays immutable. */
  public Inputs {
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

  /** Builds {@link Inputs} values; unset components stay null. */
  public static final class Builder {
    private List<Parameter> parameters;
    private List<Artifact> artifacts;

    private Builder() {}

    private Builder(Inputs source) {
      this.parameters = source.parameters;
      this.artifacts = source.artifacts;
    }

    public Builder parameters(List<Parameter> parameters) {
      this.parameters = parameters;
      return this;
    }

    public Builder artifacts(List<Artifact> artifacts) {
      this.artifacts = artifacts;
      return this;
    }

    public Inputs build() {
      return new Inputs(parameters, artifacts);
    }
  }
}
