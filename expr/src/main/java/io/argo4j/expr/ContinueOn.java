package io.argo4j.expr;

/**
 * A DAG task's {@code continueOn}: which failures of the task its dependents accept. It widens what
 * a bare task name means in {@code depends} and {@code dependencies}.
 *
 * @param error the dependents run when the task ends Error
 * @param failed the dependents run when the task ends Failed
 */
public record ContinueOn(boolean error, boolean failed) {
  /** No continueOn. */
  public static final ContinueOn NONE = new ContinueOn(false, false);
}
