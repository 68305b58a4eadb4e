package io.argo4j.model.io;

/**
 * A place in a source: file name (or {@code <stdin>}, {@code <string>}), 1-based line and column.
 */
public record SourceLocation(String source, int line, int column) {
  /** {@code source:line:col}, as compilers print it. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }
}
