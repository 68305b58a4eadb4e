package io.argo4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.model.internal.Immutables;
import java.util.List;
import java.util.Map;

/** One task of a DAG template. */
public record DAGTask(
    String name,
    String template,
    TemplateRef templateRef,
    Template inline,
    Arguments arguments,
    List<String> dependencies,
    String depends,
    String when,
    List<JsonNode> withItems,
    String withParam,
    Sequence withSequence,
    ContinueOn continueOn,
    String onExit,
    Map<String, LifecycleHook> hooks) {

  /** Copies collections so that the record stays immutable. */
  public DAGTask {
    dependencies = Immutables.list(dependencies);
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

  /** Builds {@link DAGTask} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private String template;
    private TemplateRef templateRef;
    private Template inline;
    private Arguments arguments;
    private List<String> dependencies;
    private String depends;
    private String when;
    private List<JsonNode> withItems;
    private String withParam;
    private Sequence withSequence;
    private ContinueOn continueOn;
    private String onExit;
    private Map<String, LifecycleHook> hooks;

    private Builder() {}

    private Builder(DAGTask source) {
      this.name = source.name;
      this.template = source.template;
      this.templateRef = source.templateRef;
      this.inline = source.inline;
      this.arguments = source.arguments;
      this.dependencies = source.dependencies;
      this.depends = source.depends;
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

    public Builder dependencies(List<String> dependencies) {
      this.dependencies = dependencies;
      return this;
    }

    public Builder depends(String depends) {
      this.depends = depends;
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

    public DAGTask build() {
      return new DAGTask(
          name,
          template,
          templateRef,
          inline,
          arguments,
          dependencies,
          depends,
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
