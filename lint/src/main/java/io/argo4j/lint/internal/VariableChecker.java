package io.argo4j.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.expr.ExprException;
import io.argo4j.expr.Reference;
import io.argo4j.expr.TemplateString;
import io.argo4j.lint.Rule;
import io.argo4j.model.io.FieldPath;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks every string under a part of a manifest: its {@code {{...}}} tags must close, expression
 * tags must parse, and simple tags that name one of Argo's variable roots ({@code inputs.}, {@code
 * steps.}, {@code tasks.}, {@code workflow.}, {@code item.}, {@code outputs.}, {@code pod.}) must
 * be in scope. Expression tags are not checked against the scope, as in Argo.
 */
final class VariableChecker {
  private static final List<String> CHECKED_ROOTS =
      List.of("item.", "steps.", "inputs.", "outputs.", "pod.", "workflow.", "tasks.");

  /** Variables Argo resolves at run time whatever the scope. */
  private static final List<String> ALWAYS =
      List.of(
          "outputs.",
          "workflow.creationTimestamp",
          "workflow.scheduledTime",
          "workflow.duration",
          "tasks.name",
          "steps.name",
          "node.name");

  private final Reporter reporter;

  VariableChecker(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Checks the strings of {@code node}, found at JSON pointer {@code pointer}.
   *
   * @param explain for a tag that is not in scope, a better message than the default, or null
   */
  void check(JsonNode node, String pointer, Scope scope, Function<String, String> explain) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (node.isTextual()) {
      checkString(node.textValue(), pointer, scope, explain);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), pointer + "/" + i, scope, explain);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        check(e.getValue(), pointer + "/" + FieldPath.escapePointer(e.getKey()), scope, explain);
      }
    }
  }

  /** Checks only that the tags of {@code node}'s strings close and parse. */
  void checkSyntax(JsonNode node, String pointer) {
    check(node, pointer, null, null);
  }

  private void checkString(
      String text, String pointer, Scope scope, Function<String, String> explain) {
    if (!text.contains("{{")) {
      return;
    }
    TemplateString parsed;
    try {
      parsed = TemplateString.parse(text);
    } catch (ExprException e) {
      reporter.valueError(Rule.EXPRESSION, pointer, "invalid template: " + e.reason(), null);
      return;
    }
    if (scope == null) {
      return;
    }
    for (Reference ref : parsed.references()) {
      if (ref.expression()) {
        continue;
      }
      String tag = ref.name();
      if (!resolvable(tag, scope)) {
        String why = explain == null ? null : explain.apply(tag);
        String message =
            why != null ? "{{" + tag + "}} " + why : "unresolved variable {{" + tag + "}}";
        String near = Nearest.to(tag, scope.names());
        reporter.valueError(
            Rule.VARIABLE, pointer, message, near == null ? null : "{{" + near + "}}");
      }
    }
  }

  private static boolean resolvable(String tag, Scope scope) {
    if (CHECKED_ROOTS.stream().noneMatch(tag::startsWith)) {
      return true;
    }
    if (scope.contains(tag)) {
      return true;
    }
    return ALWAYS.stream().anyMatch(tag::startsWith);
  }
}
