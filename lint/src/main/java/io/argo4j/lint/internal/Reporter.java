package io.argo4j.lint.internal;

import io.argo4j.lint.Finding;
import io.argo4j.lint.Rule;
import io.argo4j.model.io.FieldPath;
import io.argo4j.model.io.Severity;
import io.argo4j.model.io.SourceLocation;
import io.argo4j.model.io.SourceMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Collects the findings of one document, locating each field path through the source map. */
public final class Reporter {
  private final String source;
  private final SourceMap sourceMap;
  private final List<Finding> out;
  private final Set<String> seen = new HashSet<>();

  /** Findings of a document read from {@code source} go to {@code out}. */
  public Reporter(String source, SourceMap sourceMap, List<Finding> out) {
    this.source = source;
    this.sourceMap = sourceMap;
    this.out = out;
  }

  /** An error about the field at {@code path}, located at its key (or nearest written parent). */
  public void error(Rule rule, String path, String message, String expected) {
    add(rule, Severity.ERROR, path, locate(path, false), message, expected);
  }

  /** A warning about the field at {@code path}. */
  public void warning(Rule rule, String path, String message, String expected) {
    add(rule, Severity.WARNING, path, locate(path, false), message, expected);
  }

  /** An error about the value at {@code path}, located where the value starts. */
  public void valueError(Rule rule, String path, String message, String expected) {
    add(rule, Severity.ERROR, path, locate(path, true), message, expected);
  }

  private Optional<SourceLocation> locate(String path, boolean value) {
    if (sourceMap == null) {
      return Optional.empty();
    }
    try {
      Optional<SourceLocation> at = value ? sourceMap.value(path) : sourceMap.key(path);
      return at.isPresent() ? at : sourceMap.locate(path);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void add(
      Rule rule,
      Severity severity,
      String path,
      Optional<SourceLocation> at,
      String message,
      String expected) {
    String display = path.startsWith("/") ? FieldPath.fromPointer(path) : path;
    if (!seen.add(rule.id() + '\u0000' + display + '\u0000' + message)) {
      return;
    }
    int line = at.map(SourceLocation::line).orElse(0);
    int column = at.map(SourceLocation::column).orElse(0);
    out.add(new Finding(source, line, column, display, rule, severity, message, expected));
  }
}
