package io.argo4j.model.io;

import java.util.Objects;

/**
 * A problem found while reading a manifest.
 *
 * @param severity error or warning
 * @param path the field path, such as {@code spec.templates[2].steps[0][1].template}; empty for the
 *     whole document or stream
 * @param location where in the source, or null when unknown
 * @param message what is wrong, without the path or location
 * @param suggestion the nearest valid value or field name, or null
 */
public record ModelProblem(
    Severity severity, String path, SourceLocation location, String message, String suggestion) {

  /** Requires severity, path and message. */
  public ModelProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** An error. */
  public static ModelProblem error(
      String path, SourceLocation location, String message, String suggestion) {
    return new ModelProblem(Severity.ERROR, path, location, message, suggestion);
  }

  /** A warning. */
  public static ModelProblem warning(
      String path, SourceLocation location, String message, String suggestion) {
    return new ModelProblem(Severity.WARNING, path, location, message, suggestion);
  }

  /** Whether this problem is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * One line for people: {@code spec.templates[0].contianer: unknown field "contianer" at
   * wf.yaml:12:7; did you mean "container"?}
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    sb.append(message);
    if (location != null) {
      sb.append(" at ").append(location);
    }
    if (suggestion != null) {
      sb.append("; did you mean \"").append(suggestion).append("\"?");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return (severity == Severity.ERROR ? "error: " : "warning: ") + format();
  }
}
