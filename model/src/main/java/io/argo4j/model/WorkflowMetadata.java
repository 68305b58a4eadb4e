package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.Map;

/** Labels and annotations added to the workflow itself, possibly computed by expressions. */
public record WorkflowMetadata(
    Map<String, String> annotations,
    Map<String, String> labels,
    Map<String, LabelValueFrom> labelsFrom) {

  /** Copies collections so that the record stays immutable. */
  public WorkflowMetadata {
    annotations = Immutables.map(annotations);
    labels = Immutables.map(labels);
    labelsFrom = Immutables.map(labelsFrom);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link WorkflowMetadata} values; unset components stay null. */
  public static final class Builder {
    private Map<String, String> annotations;
    private Map<String, String> labels;
    private Map<String, LabelValueFrom> labelsFrom;

    private Builder() {}

    private Builder(WorkflowMetadata source) {
      this.annotations = source.annotations;
      this.labels = source.labels;
      this.labelsFrom = source.labelsFrom;
    }

    public Builder annotations(Map<String, String> annotations) {
      this.annotations = annotations;
      return this;
    }

    public Builder labels(Map<String, String> labels) {
      this.labels = labels;
      return this;
    }

    public Builder labelsFrom(Map<String, LabelValueFrom> labelsFrom) {
      this.labelsFrom = labelsFrom;
      return this;
    }

    public WorkflowMetadata build() {
      return new WorkflowMetadata(annotations, labels, labelsFrom);
    }
  }
}
