package io.argo4j.lint.internal;

import io.argo4j.model.Template;

/** Messages for unresolved variables that are not about steps or tasks. */
final class Explain {
  private Explain() {}

  static String common(String tag, Template t) {
    String name = t.name() == null ? "this template" : "template \"" + t.name() + "\"";
    if (tag.startsWith("inputs.parameters.")) {
      return "refers to an input parameter that " + name + " does not declare in inputs.parameters";
    }
    if (tag.startsWith("inputs.artifacts.")) {
      return "refers to an input artifact that " + name + " does not declare in inputs.artifacts";
    }
    if (tag.startsWith("workflow.parameters.")) {
      return "refers to a workflow parameter that spec.arguments.parameters does not declare";
    }
    if (tag.startsWith("steps.") || tag.startsWith("tasks.")) {
      return "refers to a "
          + (tag.startsWith("steps.") ? "step" : "task")
          + ", which only the steps or dag template that runs it can do; pass the value to "
          + name
          + " as an input parameter";
    }
    if (tag.startsWith("item.")) {
      return "refers to a loop item field that the withItems of this step or task do not have";
    }
    return null;
  }
}
