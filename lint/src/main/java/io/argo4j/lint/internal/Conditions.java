package io.argo4j.lint.internal;

import io.argo4j.expr.ExprException;
import io.argo4j.expr.Govaluate;
import io.argo4j.lint.Rule;

/** Plain {@code when:} conditions that need no substitution can be parsed now. */
final class Conditions {
  private Conditions() {}

  static void when(Reporter r, String at, String when) {
    try {
      Govaluate.compile(when);
    } catch (ExprException e) {
      r.valueError(
          Rule.EXPRESSION,
          at,
          "invalid when condition: " + e.reason(),
          "a govaluate condition such as \"{{steps.flip.outputs.result}} == heads\"");
    }
  }
}
