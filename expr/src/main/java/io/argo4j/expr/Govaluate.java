package io.argo4j.expr;

import io.argo4j.expr.internal.EvalError;
import io.argo4j.expr.internal.GoFmt;
import io.argo4j.expr.internal.GovaluateEngine;

/**
 * The govaluate language of plain {@code when:} conditions, evaluated after {@code {{...}}}
 * substitution as Argo's {@code shouldExecute} does. Bare words are strings, so {@code heads ==
 * heads} is true and {@code 10 > 5} compares numbers. Operators: {@code == != > >= < <= =~ !~ in &&
 * || ! + - * / % ** & | ^ << >> ?: ??}; quoted strings that look like dates compare as Unix times.
 * A word with a dot ({@code a.b}) or spaces ({@code hello world}) is a govaluate error, as
 * upstream.
 */
public final class Govaluate {
  private Govaluate() {}

  /** A parsed condition, reusable. */
  public static final class Condition {
    private final String source;
    private final GovaluateEngine.Node root;

    private Condition(String source, GovaluateEngine.Node root) {
      this.source = source;
      this.root = root;
    }

    /** The condition text. */
    public String source() {
      return source;
    }

    /** Evaluates to a Boolean, Double, String or List (govaluate's types). */
    public Object evaluate() {
      try {
        return GovaluateEngine.eval(root);
      } catch (EvalError e) {
        throw new ExprException(e.getMessage(), source, -1);
      }
    }
  }

  /** Parses with Argo's conversion of bare words to strings. */
  public static Condition compile(String expression) {
    return new Condition(expression, GovaluateEngine.parse(expression, true));
  }

  /** Parses and evaluates a substituted condition; returns govaluate's value. */
  public static Object evaluate(String expression) {
    return compile(expression).evaluate();
  }

  /**
   * Argo's {@code shouldExecute(when)}: an empty condition is true; otherwise the condition must
   * parse and evaluate to a boolean. Errors carry Argo's messages, for example {@code Invalid
   * 'when' expression 'a b': Cannot transition token types from VARIABLE [a] to VARIABLE [b]}.
   */
  public static boolean shouldExecute(String when) {
    if (when == null || when.isEmpty()) {
      return true;
    }
    Condition c;
    try {
      c = compile(when);
    } catch (ExprException e) {
      String hint =
          e.reason().contains("Invalid token")
              ? " (hint: try wrapping the affected expression in quotes (\"))"
              : "";
      throw new ExprException(
          "Invalid 'when' expression '" + when + "': " + e.reason() + hint, when, e.offset());
    }
    Object result;
    try {
      result = GovaluateEngine.eval(c.root);
    } catch (EvalError e) {
      throw new ExprException(
          "Failed to evaluate 'when' expresion '" + when + "': " + e.getMessage(), when, -1);
    }
    if (result instanceof Boolean b) {
      return b;
    }
    throw new ExprException(
        "Expected boolean evaluation for '" + when + "'. Got " + GoFmt.v(result), when, -1);
  }
}
