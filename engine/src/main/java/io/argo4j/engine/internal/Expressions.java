package io.argo4j.engine.internal;

import io.argo4j.expr.Env;
import io.argo4j.expr.ExprException;
import io.argo4j.expr.ExprLang;
import io.argo4j.expr.Govaluate;
import io.argo4j.expr.TemplateString;
import io.argo4j.expr.Unresolved;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * The engine's one door to the expression languages, so that every evaluation uses the reconcile's
 * instant (never the wall clock) and every failure becomes an {@link EngineException} carrying the
 * user's text.
 */
final class Expressions {
  private final InstantSource clock;

  Expressions(Instant now) {
    this.clock = InstantSource.fixed(now);
  }

  /**
   * Argo's {@code template.Replace} on one string: {@code {{var}}} and {@code {{=expr}}} tags. With
   * {@code allowUnresolved}, tags that cannot be resolved yet stay as written.
   */
  String replace(String text, Map<String, String> params, boolean allowUnresolved) {
    try {
      return TemplateString.parse(text)
          .render(params, allowUnresolved ? Unresolved.KEEP : Unresolved.ERROR, clock);
    } catch (ExprException e) {
      throw new EngineException(e.getMessage());
    }
  }

  /** Argo's {@code shouldExecute}: a substituted {@code when} in govaluate syntax. */
  boolean shouldExecute(String when) {
    if (when == null || when.isBlank()) {
      return true;
    }
    try {
      return Govaluate.shouldExecute(when);
    } catch (ExprException e) {
      throw new EngineException(e.getMessage());
    }
  }

  /** An expr-lang boolean over a flat scope (hooks, retry expressions). */
  boolean evalBool(String expression, Map<String, ?> flatScope) {
    Object v = eval(expression, flatScope);
    if (v instanceof Boolean b) {
      return b;
    }
    throw new EngineException(
        "expression '" + expression + "' must evaluate to a boolean, got " + describe(v));
  }

  /** An expr-lang value over a flat scope. */
  Object eval(String expression, Map<String, ?> flatScope) {
    try {
      return ExprLang.compile(expression).evaluate(Env.fromFlatValues(flatScope), clock);
    } catch (ExprException e) {
      throw new EngineException(e.getMessage());
    }
  }

  /** An expr-lang value over an already-built environment. */
  Object evalIn(String expression, Map<String, ?> env) {
    try {
      return ExprLang.compile(expression).evaluate(env, clock);
    } catch (ExprException e) {
      throw new EngineException(e.getMessage());
    }
  }

  static String describe(Object v) {
    return v == null ? "nil" : v.getClass().getSimpleName() + " " + v;
  }
}
