package io.argo4j.model;

/** A template run when a workflow, step or task reaches a condition. */
public record LifecycleHook(
    String template, TemplateRef templateRef, Arguments arguments, String expression) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link LifecycleHook} values; unset components stay null. */
  public static final class Builder {
    private String template;
    private TemplateRef templateRef;
    private Arguments arguments;
    private String expression;

    private Builder() {}

    private Builder(LifecycleHook source) {
      this.template = source.template;
      this.templateRef = source.templateRef;
      this.arguments = source.arguments;
      this.expression = source.expression;
    }

    public Builder template(String template) {
      this.template = template;
      return this;
    }

    public Builder templateRef(TemplateRef templateRef) {
      this.templateRef = templateRef;
      return this;
    }

    public Builder arguments(Arguments arguments) {
      this.arguments = arguments;
      return this;
    }

    public Builder expression(String expression) {
      this.expression = expression;
      return this;
    }

    public LifecycleHook build() {
      return new LifecycleHook(template, templateRef, arguments, expression);
    }
  }
}
