package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.expr.Env;
import io.argo4j.expr.ExprException;
import io.argo4j.expr.ExprLang;
import io.argo4j.expr.Govaluate;
import io.argo4j.expr.TemplateString;
import io.argo4j.expr.Unresolved;
import io.argo4j.model.CronWorkflow;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CronWorkflow's {@code when} and {@code stopStrategy.expression}, over Argo's {@code
 * cronworkflow.*} variables: {@code name}, {@code namespace}, {@code labels.<key>}, {@code
 * annotations.<key>}, {@code lastScheduledTime} (a time, nil before the first run), {@code
 * succeeded} and {@code failed} (runs counted so far).
 *
 * <p>{@code when} is a template, as for steps: its tags are substituted, then the result is a
 * govaluate condition. A {@code when} that is one {@code {{= ...}}} tag (Argo's own example) is
 * evaluated with typed values, so {@code now() - cronworkflow.lastScheduledTime} is a duration.
 */
final class CronConditions {
  private static final Pattern ONE_EXPRESSION_TAG =
      Pattern.compile("\\s*\\{\\{=(.*)}}\\s*", Pattern.DOTALL);

  private final Map<String, Object> typed;
  private final InstantSource clock;

  /**
   * @param lastScheduledTime when the last run was created, or null
   */
  CronConditions(
      CronWorkflow cron, Instant lastScheduledTime, long succeeded, long failed, Instant now) {
    this.clock = InstantSource.fixed(now);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("cronworkflow.name", cron.metadata().getName());
    v.put("cronworkflow.namespace", cron.metadata().getNamespace());
    if (cron.metadata().getLabels() != null) {
      cron.metadata().getLabels().forEach((k, val) -> v.put("cronworkflow.labels." + k, val));
    }
    if (cron.metadata().getAnnotations() != null) {
      cron.metadata()
          .getAnnotations()
          .forEach((k, val) -> v.put("cronworkflow.annotations." + k, val));
    }
    v.put(
        "cronworkflow.lastScheduledTime",
        lastScheduledTime == null ? null : lastScheduledTime.atZone(ZoneOffset.UTC));
    v.put("cronworkflow.succeeded", succeeded);
    v.put("cronworkflow.failed", failed);
    this.typed = v;
  }

  /**
   * Whether the run of this tick may start.
   *
   * @throws IllegalArgumentException saying what is wrong with {@code when}
   */
  boolean shouldRun(String when) {
    if (when == null || when.isBlank()) {
      return true;
    }
    try {
      Matcher one = ONE_EXPRESSION_TAG.matcher(when);
      if (one.matches()) {
        Object result = ExprLang.compile(one.group(1)).evaluate(Env.fromFlatValues(typed), clock);
        return truth("when", when, result);
      }
      String substituted = TemplateString.parse(when).render(strings(), Unresolved.ERROR, clock);
      return Govaluate.shouldExecute(substituted);
    } catch (ExprException e) {
      throw new IllegalArgumentException("spec.when: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the CronWorkflow should stop scheduling (its {@code stopStrategy.expression} holds).
   *
   * @throws IllegalArgumentException saying what is wrong with the expression
   */
  boolean shouldStop(String expression) {
    if (expression == null || expression.isBlank()) {
      return false;
    }
    try {
      Object result = ExprLang.compile(expression).evaluate(Env.fromFlatValues(typed), clock);
      return truth("stopStrategy.expression", expression, result);
    } catch (ExprException e) {
      throw new IllegalArgumentException("spec.stopStrategy.expression: " + e.getMessage(), e);
    }
  }

  private static boolean truth(String field, String source, Object result) {
    if (result instanceof Boolean b) {
      return b;
    }
    if ("true".equals(result) || "false".equals(result)) {
      return Boolean.parseBoolean((String) result);
    }
    throw new IllegalArgumentException(
        "spec."
            + field
            + " '"
            + source
            + "' must evaluate to a boolean, got "
            + (result == null ? "nil" : result));
  }

  /** The variables as strings, as template tags see them. */
  private Map<String, String> strings() {
    Map<String, String> out = new LinkedHashMap<>();
    typed.forEach((k, v) -> {
      if (v instanceof java.time.ZonedDateTime t) {
        out.put(k, t.toInstant().toString());
      } else if (v != null) {
        out.put(k, v.toString());
      }
    });
    return out;
  }
}
