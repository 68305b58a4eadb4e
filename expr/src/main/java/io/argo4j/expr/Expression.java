package io.argo4j.expr;

import io.argo4j.expr.internal.Ast;
import io.argo4j.expr.internal.Ctx;
import io.argo4j.expr.internal.EvalError;
import io.argo4j.expr.internal.GoFmt;
import java.time.Clock;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A compiled expr-lang expression: immutable and safe to evaluate from many threads at once.
 *
 * <p>Values follow expr-lang's Go types: {@link String}, {@link Long} (int), {@link Double}
 * (float64), {@link Boolean}, {@link List}, {@link Map} with String keys, {@code null} (nil),
 * {@link java.time.ZonedDateTime} (time.Time), {@link java.time.Duration} (time.Duration), {@link
 * ZoneId} (time.Location) and {@link ExprFunction}. Integer/Float inputs are read as Long/Double.
 */
public final class Expression {
  private final String source;
  private final Ast.Node root;
  private final List<String> identifiers;

  Expression(String source, Ast.Node root) {
    this.source = source;
    this.root = root;
    this.identifiers = List.copyOf(Ast.identifierPaths(root));
  }

  /** The source text. */
  public String source() {
    return source;
  }

  /**
   * The variable paths the expression reads, as Argo collects them to check that they exist: each
   * identifier and each dotted member chain with its prefixes, such as {@code inputs}, {@code
   * inputs.parameters}, {@code inputs.parameters.my-p} for {@code inputs.parameters['my-p']}.
   * Function names ({@code asInt}, {@code sprig.trim}) are included.
   */
  public List<String> identifiers() {
    return identifiers;
  }

  /** Evaluates with the system clock (UTC) for {@code now()}. */
  public Object evaluate(Map<String, ?> env) {
    return evaluate(env, Clock.systemUTC());
  }

  /** Evaluates; {@code now()} reads {@code clock}, times are shown in UTC. */
  public Object evaluate(Map<String, ?> env, InstantSource clock) {
    return evaluate(env, clock, ZoneOffset.UTC);
  }

  /** Evaluates with an explicit clock and local time zone (Go's time.Local). */
  @SuppressWarnings("unchecked")
  public Object evaluate(Map<String, ?> env, InstantSource clock, ZoneId zone) {
    Ctx ctx = new Ctx(env == null ? Map.of() : (Map<String, Object>) env, clock, zone);
    try {
      return ctx.run(root::eval);
    } catch (EvalError e) {
      throw new ExprException(e.getMessage(), source, positionOf(e));
    } catch (StackOverflowError e) {
      throw new ExprException("stack overflow", source, -1);
    } catch (ExprException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ExprException("internal error: " + e, source, -1);
    }
  }

  private static int positionOf(EvalError e) {
    return e.pos();
  }

  /**
   * Argo's {@code argoexpr.EvalBool}: evaluates and requires a boolean (used for {@code depends},
   * retryStrategy and hook {@code expression}, CronWorkflow {@code when}, event selectors).
   */
  public boolean evaluateBool(Map<String, ?> env) {
    return evaluateBool(env, Clock.systemUTC());
  }

  /** {@link #evaluateBool(Map)} with an explicit clock for {@code now()}. */
  public boolean evaluateBool(Map<String, ?> env, InstantSource clock) {
    Object result;
    try {
      result = evaluate(env, clock);
    } catch (ExprException e) {
      throw e.withPrefix("unable to evaluate expression '" + source + "': ");
    }
    if (result instanceof Boolean b) {
      return b;
    }
    throw new ExprException(
        "unable to cast expression result '" + GoFmt.v(result) + "' to bool", source, -1);
  }

  @Override
  public String toString() {
    return source;
  }
}
