package io.argo4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.model.internal.Immutables;
import java.util.List;
import java.util.Map;

/** One step of a steps template; steps in the same inner list run in parallel. */
public record WorkflowStep(
    String name,
    String template,
    TemplateRef templateRef,
    Template inline,
    Arguments arguments,
    String when,
    List<JsonNode> withItems,
    String withParam,
    Sequence withSequence,
    ContinueOn continueOn,
    String onExit,
    Map<String, LifecycleHook> hooks) {

  /** Copies collections so that the record stays immutable. */
  public WorkflowStep {
    withItems = Immutables.list(withItems);
    hooks = Immutables.map(hooks);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link WorkflowStep} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private String template;
    private TemplateRef templateRef;
    private Template inline;
    private Arguments arguments;
    private String when;
    private List<JsonNode> withItems;
    private String withParam;
    private Sequence withSequence;
    private ContinueOn continueOn;
    private String onExit;
    private Map<String, LifecycleHook> hooks;

    private Builder() {}

    private Builder(WorkflowStep source) {
      this.name = source.name;
      this.template = source.template;
      this.templateRef = source.templateRef;
      this.inline = source.inline;
      this.arguments = source.arguments;
      this.when = source.when;
      this.withItems = source.withItems;
      this.withParam = source.withParam;
      this.withSequence = source.withSequence;
      this.continueOn = source.continueOn;
      this.onExit = source.onExit;
      this.hooks = source.hooks;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder template(String template) {
      this.template = template;
      return this;
    }

    public Builder templateRef(TemplateRef templateRef) {
      this.templateRef = templateRef;
      return this;
    }

    public Builder inline(Template inline) {
      this.inline = inline;
      return this;
    }

    public Builder arguments(Arguments arguments) {
      this.arguments = arguments;
      return this;
    }

    public Builder when(String when) {
      this.when = when;
      return this;
    }

    public Builder withItems(List<JsonNode> withItems) {
      this.withItems = withItems;
      return this;
    }

    public Builder withParam(String withParam) {
      this.withParam = withParam;
      return this;
    }

    public Builder withSequence(Sequence withSequence) {
      this.withSequence = withSequence;
      return this;
    }

    public Builder continueOn(ContinueOn continueOn) {
      this.continueOn = continueOn;
      return this;
    }

    public Builder onExit(String onExit) {
      this.onExit = onExit;
      return this;
    }

    public Builder hooks(Map<String, LifecycleHook> hooks) {
      this.hooks = hooks;
      return this;
    }

    public WorkflowStep build() {
      return new WorkflowStep(
          name,
          template,
          templateRef,
          inline,
          arguments,
          when,
          withItems,
          withParam,
          withSequence,
          continueOn,
          onExit,
          hooks);
    }
  }
}
