package io.argo4j.lint.internal;

import io.argo4j.lint.Rule;
import io.argo4j.model.ArgoDuration;
import io.fabric8.kubernetes.api.model.IntOrString;

/** Durations and integers written as strings. */
final class ValueChecks {
  private ValueChecks() {}

  /** A Go duration ("30s", "1h30m") or a number of seconds; {{...}} values are left alone. */
  static void duration(Reporter r, Rule rule, String at, String value) {
    if (value == null || Nulls.hasTags(value)) {
      return;
    }
    try {
      ArgoDuration.parse(value);
    } catch (IllegalArgumentException e) {
      r.valueError(rule, at, e.getMessage(), "a duration such as \"30s\", \"5m\" or \"1h30m\"");
    }
  }

  /** An int-or-string that must be a non-negative integer or contain a {{...}} variable. */
  static void nonNegativeInt(Reporter r, Rule rule, String at, IntOrString value, String what) {
    if (value == null) {
      return;
    }
    Long n = intValue(value);
    if (n == null) {
      String s = value.getStrVal();
      if (s != null && Nulls.hasTags(s)) {
        return;
      }
      r.valueError(
          rule,
          at,
          what + " must be an integer or a {{...}} variable, found \"" + s + "\"",
          "an integer >= 0");
    } else if (n < 0) {
      r.valueError(rule, at, what + " must not be negative, found " + n, "an integer >= 0");
    }
  }

  /** The integer an int-or-string holds (a number, or a string of digits), else null. */
  static Long intValue(IntOrString value) {
    if (value.getIntVal() != null) {
      return value.getIntVal().longValue();
    }
    String s = value.getStrVal();
    if (s == null) {
      return null;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
