package io.argo4j.model.internal.check;

import io.argo4j.model.internal.tree.Path;
import io.argo4j.model.io.ModelProblem;
import io.argo4j.model.io.Severity;
import io.argo4j.model.io.SourceLocation;
import io.argo4j.model.io.SourceMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one document, locating each in the source. In strict mode, what lenient
 * mode would ignore or coerce (unknown fields, unknown enum values, numbers given for strings, null
 * entries) is an error; otherwise it is a warning.
 */
public final class Problems {
  private final boolean strict;
  private final SourceMap sourceMap;
  private final List<ModelProblem> problems = new ArrayList<>();

  public Problems(boolean strict, SourceMap sourceMap) {
    this.strict = strict;
    this.sourceMap = sourceMap;
  }

  public boolean strict() {
    return strict;
  }

  /** A field the type does not have; located at its key. */
  public void unknownField(Path path, String suggestion) {
    String pointer = path.pointer();
    SourceLocation at = sourceMap.key(pointer).or(() -> sourceMap.locate(pointer)).orElse(null);
    problems.add(
        new ModelProblem(
            strict ? Severity.ERROR : Severity.WARNING,
            path.display(),
            at,
            "unknown field \"" + path.lastKey() + "\"" + (strict ? "" : " (ignored)"),
            suggestion));
  }

  /** A value of the wrong type; always an error. */
  public void error(Path path, String message, String suggestion) {
    problems.add(
        new ModelProblem(Severity.ERROR, path.display(), valueAt(path), message, suggestion));
  }

  /** Something lenient mode tolerates. */
  public void tolerable(Path path, String message, String suggestion) {
    problems.add(
        new ModelProblem(
            strict ? Severity.ERROR : Severity.WARNING,
            path.display(),
            valueAt(path),
            message,
            suggestion));
  }

  /** Adds a problem found elsewhere. */
  public void add(ModelProblem problem) {
    problems.add(problem);
  }

  public SourceLocation valueAt(Path path) {
    String pointer = path.pointer();
    return sourceMap.value(pointer).or(() -> sourceMap.locate(pointer)).orElse(null);
  }

  public List<ModelProblem> list() {
    return List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(ModelProblem::isError);
  }
}
