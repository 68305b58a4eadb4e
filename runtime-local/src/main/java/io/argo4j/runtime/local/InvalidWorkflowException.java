package io.argo4j.runtime.local;

import java.util.List;

/** A workflow that must not run: each problem a line saying what, where and what would be valid. */
public final class InvalidWorkflowException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public InvalidWorkflowException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
