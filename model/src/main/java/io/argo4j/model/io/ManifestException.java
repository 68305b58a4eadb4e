package io.argo4j.model.io;

import java.util.List;
import java.util.stream.Collectors;

/** A manifest could not be used; {@link #problems()} says every reason and where. */
public final class ManifestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ModelProblem> problems;

  /** An exception listing {@code problems} (at least one). */
  public ManifestException(List<ModelProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, errors and warnings, in source order. */
  public List<ModelProblem> problems() {
    return problems;
  }

  private static String summary(List<ModelProblem> problems) {
    return problems.stream().map(ModelProblem::toString).collect(Collectors.joining("\n"));
  }
}
