package io.argo4j.expr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A compiled DAG {@code depends} expression; immutable and thread-safe. */
public final class DependsExpression {
  private final String source;
  private final String logic;
  private final List<String> taskNames;
  private final List<String> itemTasks;
  private final Map<String, String> envNames;
  private final Expression expression;

  DependsExpression(
      String source,
      String logic,
      List<String> taskNames,
      List<String> itemTasks,
      Map<String, String> envNames,
      Expression expression) {
    this.source = source;
    this.logic = logic;
    this.taskNames = taskNames;
    this.itemTasks = itemTasks;
    this.envNames = envNames;
    this.expression = expression;
  }

  /** The expression as written. */
  public String source() {
    return source;
  }

  /**
   * The resolved logic Argo evaluates: bare names expanded ({@code A} becomes {@code (A.Succeeded
   * || A.Skipped || A.Daemoned)}), before dashes are turned into underscores.
   */
  public String logic() {
    return logic;
  }

  /** The tasks this task depends on, in order of first mention. */
  public List<String> taskNames() {
    return taskNames;
  }

  /**
   * The dependencies used with {@code .AnySucceeded} or {@code .AllFailed}, which Argo treats as
   * task groups (their children are considered, not just the group node).
   */
  public List<String> itemTaskNames() {
    return itemTasks;
  }

  /**
   * Evaluates the expression. Call it once every task in {@link #taskNames()} is complete
   * (fulfilled, hooks done), as Argo does; {@code lookup} gives each one's result.
   *
   * @throws ExprException if {@code lookup} returns null for a task, or the logic is not boolean
   */
  public boolean evaluate(Function<String, TaskResult> lookup) {
    Map<String, Object> env = new HashMap<>(envNames.size() * 2);
    for (Map.Entry<String, String> e : envNames.entrySet()) {
      TaskResult r = lookup.apply(e.getValue());
      if (r == null) {
        throw new ExprException(
            "task '"
                + e.getValue()
                + "' has no result yet: depends is evaluated once all"
                + " dependencies are complete",
            source,
            source.indexOf(e.getValue()));
      }
      env.put(e.getKey(), r.asMap());
    }
    return expression.evaluateBool(env);
  }

  @Override
  public String toString() {
    return source;
  }
}
