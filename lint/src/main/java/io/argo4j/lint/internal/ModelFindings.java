package io.argo4j.lint.internal;

import io.argo4j.lint.Finding;
import io.argo4j.lint.Rule;
import io.argo4j.model.io.ModelProblem;
import io.argo4j.model.io.SourceLocation;

/** Turns the model's reading problems into findings. */
final class ModelFindings {
  private ModelFindings() {}

  static Finding of(String source, ModelProblem p) {
    SourceLocation at = p.location();
    return new Finding(
        source,
        at == null ? 0 : at.line(),
        at == null ? 0 : at.column(),
        p.path(),
        rule(p),
        p.severity(),
        p.message(),
        p.suggestion() == null ? null : "\"" + p.suggestion() + "\"");
  }

  static Rule rule(ModelProblem p) {
    String m = p.message();
    if (m.startsWith("unknown field")) {
      return Rule.UNKNOWN_FIELD;
    }
    if (m.startsWith("duplicate key")) {
      return Rule.DUPLICATE_KEY;
    }
    if (p.path().isEmpty()
        && (m.startsWith("invalid YAML")
            || m.startsWith("invalid JSON")
            || m.startsWith("cannot read")
            || m.startsWith("not UTF-8")
            || m.startsWith("a manifest must be"))) {
      return Rule.SYNTAX;
    }
    return Rule.SCHEMA;
  }
}
