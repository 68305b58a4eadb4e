package io.argo4j.model;

/** A reference to a template in a WorkflowTemplate or ClusterWorkflowTemplate. */
public record TemplateRef(String name, String template, Boolean clusterScope) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link TemplateRef} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private String template;
    private Boolean clusterScope;

    private Builder() {}

    private Builder(TemplateRef source) {
      this.name = source.name;
      this.template = source.template;
      this.clusterScope = source.clusterScope;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder template(String template) {
      this.template = template;
      return this;
    }

    public Builder clusterScope(Boolean clusterScope) {
      this.clusterScope = clusterScope;
      return this;
    }

    public TemplateRef build() {
      return new TemplateRef(name, template, clusterScope);
    }
  }
}
