package io.argo4j.lint;

import io.argo4j.model.io.Severity;
import java.util.Objects;

/**
 * One thing lint found wrong (or worth a warning).
 *
 * @param source the file name as given, or {@code <stdin>}
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param path the field path, such as {@code spec.templates[1].steps[0][0].template}; empty for the
 *     whole file or document
 * @param rule the rule that found it
 * @param severity error or warning
 * @param message what is wrong
 * @param expected what would be valid (a nearest name, the allowed values...), or null
 */
public record Finding(
    String source,
    int line,
    int column,
    String path,
    Rule rule,
    Severity severity,
    String message,
    String expected) {

  /** Requires source, path, rule, severity and message. */
  public Finding {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** Whether this finding is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
