package io.argo4j.model;

import io.argo4j.model.internal.Kinds;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * The outcome of one node, written by the executor for the controller (an internal kind). Argo
 * inlines the node result, so phase, message, outputs and progress sit beside metadata.
 */
public record WorkflowTaskResult(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    NodePhase phase,
    String message,
    Outputs outputs,
    String progress)
    implements ArgoResource {
  /** This record's kind. */
  public static final String KIND = "WorkflowTaskResult";

  /** Defaults apiVersion and kind; refuses another kind. */
  public WorkflowTaskResult {
    apiVersion = Kinds.apiVersion(apiVersion);
    kind = Kinds.kind(kind, KIND);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link WorkflowTaskResult} values; unset components stay null. */
  public static final class Builder {
    private ObjectMeta metadata;
    private NodePhase phase;
    private String message;
    private Outputs outputs;
    private String progress;

    private Builder() {}

    private Builder(WorkflowTaskResult source) {
      this.metadata = source.metadata;
      this.phase = source.phase;
      this.message = source.message;
      this.outputs = source.outputs;
      this.progress = source.progress;
    }

    public Builder metadata(ObjectMeta metadata) {
      this.metadata = metadata;
      return this;
    }

    public Builder phase(NodePhase phase) {
      this.phase = phase;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder outputs(Outputs outputs) {
      this.outputs = outputs;
      return this;
    }

    public Builder progress(String progress) {
      this.progress = progress;
      return this;
    }

    public WorkflowTaskResult build() {
      return new WorkflowTaskResult(null, null, metadata, phase, message, outputs, progress);
    }
  }
}
