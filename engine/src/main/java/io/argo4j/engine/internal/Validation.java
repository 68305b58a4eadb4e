package io.argo4j.engine.internal;

import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowSpec;
import java.util.HashSet;
import java.util.Set;

/**
 * The checks the operator repeats when a workflow starts, so that a workflow submitted without
 * {@code argo4j lint} still fails fast with a clear message instead of erroring half-way. The full
 * rule set lives in the lint module.
 */
final class Validation {
  private Validation() {}

  /** The first problem found, or null. */
  static String check(WorkflowSpec spec, Workflow wf) {
    if (spec.entrypoint() == null || spec.entrypoint().isEmpty()) {
      return "spec.entrypoint is required";
    }
    Set<String> names = new HashSet<>();
    if (spec.templates() != null) {
      for (Template t : spec.templates()) {
        if (t.name() == null || t.name().isEmpty()) {
          return "every template needs a name";
        }
        if (!names.add(t.name())) {
          return "template name '" + t.name() + "' is not unique";
        }
        if (t.declaredTypes().size() > 1) {
          return "template '"
              + t.name()
              + "' has more than one template type: "
              + String.join(", ", t.declaredTypes().stream().map(Object::toString).toList());
        }
      }
    }
    if (!names.contains(spec.entrypoint()) && spec.workflowTemplateRef() == null) {
      return "spec.entrypoint template '" + spec.entrypoint() + "' is undefined";
    }
    if (spec.arguments() != null && spec.arguments().parameters() != null) {
      for (Parameter p : spec.arguments().parameters()) {
        if (p.value() == null && p.valueFrom() == null) {
          return "spec.arguments." + p.name() + ".value is required";
        }
      }
    }
    return null;
  }
}
