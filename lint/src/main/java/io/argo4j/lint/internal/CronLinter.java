package io.argo4j.lint.internal;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.argo4j.lint.Rule;
import io.argo4j.model.ArgoDuration;
import io.argo4j.model.CronWorkflowSpec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A CronWorkflow's schedules, time zone and policies (its workflowSpec is linted as a spec). */
final class CronLinter {
  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Set<String> DESCRIPTORS =
      Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  private static final Set<String> POLICIES = Set.of("Allow", "Forbid", "Replace");
  private static final String EXAMPLE =
      "five fields \"minute hour day-of-month month day-of-week\" (e.g. \"*/5 * * * *\"),"
          + " @hourly, @daily, @weekly, @monthly, @yearly or \"@every 1h30m\"";

  private CronLinter() {}

  static void lint(Reporter r, CronWorkflowSpec spec) {
    List<String> schedules = Nulls.list(spec.schedules());
    if (schedules.isEmpty()) {
      r.error(
          Rule.CRON_SCHEDULE,
          "spec.schedules",
          "a CronWorkflow needs at least one schedule",
          EXAMPLE);
    }
    for (int i = 0; i < schedules.size(); i++) {
      schedule(r, "spec.schedules[" + i + "]", schedules.get(i));
    }
    String tz = spec.timezone();
    if (!Nulls.blank(tz)) {
      zone(r, "spec.timezone", tz);
    }
    String policy = spec.concurrencyPolicy();
    if (!Nulls.blank(policy) && !POLICIES.contains(policy)) {
      r.valueError(
          Rule.CRON_POLICY,
          "spec.concurrencyPolicy",
          "\"" + policy + "\" is not a concurrency policy",
          Nearest.describe(policy, POLICIES));
    }
    if (spec.startingDeadlineSeconds() != null && spec.startingDeadlineSeconds() < 0) {
      r.valueError(
          Rule.CRON_POLICY,
          "spec.startingDeadlineSeconds",
          "startingDeadlineSeconds must not be negative",
          "an integer >= 0");
    }
    if (!Nulls.blank(spec.when()) && !Nulls.hasTags(spec.when())) {
      SpecLinter.compileExpr(r, "spec.when", spec.when());
    }
  }

  static void schedule(Reporter r, String at, String schedule) {
    String s = schedule.trim();
    if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
      int space = s.indexOf(' ');
      String zone = s.substring(s.indexOf('=') + 1, space < 0 ? s.length() : space);
      if (!zone(r, at, zone)) {
        return;
      }
      s = space < 0 ? "" : s.substring(space + 1).trim();
    }
    if (s.isEmpty()) {
      r.valueError(Rule.CRON_SCHEDULE, at, "empty cron schedule", EXAMPLE);
      return;
    }
    if (s.startsWith("@")) {
      descriptor(r, at, schedule, s);
      return;
    }
    String[] fields = s.split("\\s+");
    if (fields.length != 5) {
      r.valueError(
          Rule.CRON_SCHEDULE,
          at,
          "cron schedule \"" + schedule + "\" has " + fields.length + " fields, expected 5",
          EXAMPLE);
      return;
    }
    try {
      UNIX.parse(s.replace('?', '*').toUpperCase(Locale.ROOT)).validate();
    } catch (IllegalArgumentException e) {
      r.valueError(
          Rule.CRON_SCHEDULE,
          at,
          "cron schedule \"" + schedule + "\" is malformed: " + e.getMessage(),
          EXAMPLE);
    }
  }

  private static void descriptor(Reporter r, String at, String schedule, String s) {
    if (s.startsWith("@every")) {
      String d = s.substring("@every".length()).trim();
      try {
        Duration duration = ArgoDuration.parse(d);
        if (d.matches("[+-]?[0-9]+")) {
          throw new IllegalArgumentException("\"" + d + "\" has no unit");
        }
        if (duration.isNegative() || duration.isZero()) {
          throw new IllegalArgumentException("the interval must be positive");
        }
      } catch (IllegalArgumentException e) {
        r.valueError(
            Rule.CRON_SCHEDULE,
            at,
            "cron schedule \"" + schedule + "\" is malformed: " + e.getMessage(),
            "\"@every 1h30m\"");
      }
      return;
    }
    if (!DESCRIPTORS.contains(s.toLowerCase(Locale.ROOT))) {
      r.valueError(
          Rule.CRON_SCHEDULE,
          at,
          "unknown cron descriptor \"" + s + "\"",
          Nearest.describe(s, DESCRIPTORS));
    }
  }

  /** Whether {@code zone} is a time zone; reports it if not. */
  static boolean zone(Reporter r, String at, String zone) {
    if (zone.equals("Local") || zone.equals("UTC")) {
      return true;
    }
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      r.valueError(
          Rule.CRON_TIMEZONE,
          at,
          "unknown time zone \"" + zone + "\"",
          Nearest.describe(zone, ZoneId.getAvailableZoneIds()));
      return false;
    }
  }
}
