package io.argo4j.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/** Argo's {@code Submit}. */
public record Submit(
    WorkflowTemplateRef workflowTemplateRef, ObjectMeta metadata, Arguments arguments) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Submit} values; unset components stay null. */
  public static final class Builder {
    private WorkflowTemplateRef workflowTemplateRef;
    private ObjectMeta metadata;
    private Arguments arguments;

    private Builder() {}

    private Builder(Submit source) {
      this.workflowTemplateRef = source.workflowTemplateRef;
      this.metadata = source.metadata;
      this.arguments = source.arguments;
    }

    public Builder workflowTemplateRef(WorkflowTemplateRef workflowTemplateRef) {
      this.workflowTemplateRef = workflowTemplateRef;
      return this;
    }

    public Builder metadata(ObjectMeta metadata) {
      this.metadata = metadata;
      return this;
    }

    public Builder arguments(Arguments arguments) {
      this.arguments = arguments;
      return this;
    }

    public Submit build() {
      return new Submit(workflowTemplateRef, metadata, arguments);
    }
  }
}
