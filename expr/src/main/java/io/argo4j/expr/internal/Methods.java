package io.argo4j.expr.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Go methods on time.Time, time.Duration and *time.Location that expressions may call. */
final class Methods {
  private Methods() {}

  static Object call(Object base, String name, Object[] a, Ctx c) {
    if (base instanceof ZonedDateTime t) {
      return time(t, name, a, c);
    }
    if (base instanceof Duration d) {
      return duration(d, name, a);
    }
    if (base instanceof ZoneId z && name.equals("String") && a.length == 0) {
      return GoFmt.v(z);
    }
    throw EvalError.of("type %s has no method %s", Ops.typeName(base), name);
  }

  private static void arity(String name, Object[] a, int n) {
    if (a.length != n) {
      throw EvalError.of("%s arguments to call %s", a.length < n ? "not enough" : "too many", name);
    }
  }

  private static ZonedDateTime timeArg(String name, Object v) {
    if (v instanceof ZonedDateTime t) {
      return t;
    }
    throw EvalError.of(
        "cannot use %s as argument (type time.Time) to call %s", Ops.typeName(v), name);
  }

  private static Duration durationArg(String name, Object v) {
    if (v instanceof Duration d) {
      return d;
    }
    if (Ops.isInt(v)) {
      return Duration.ofNanos(((Number) v).longValue());
    }
    throw EvalError.of(
        "cannot use %s as argument (type time.Duration) to call %s", Ops.typeName(v), name);
  }

  private static Object time(ZonedDateTime t, String name, Object[] a, Ctx c) {
    switch (name) {
      case "Year",
          "Month",
          "Day",
          "Hour",
          "Minute",
          "Second",
          "Nanosecond",
          "Weekday",
          "YearDay",
          "Unix",
          "UnixMilli",
          "UnixMicro",
          "UnixNano",
          "UTC",
          "Local",
          "String",
          "IsZero",
          "Location" ->
          arity(name, a, 0);
      case "Format", "Add", "Sub", "Before", "After", "Equal", "In", "Truncate", "Round" ->
          arity(name, a, 1);
      case "AddDate" -> arity(name, a, 3);
      default -> throw EvalError.of("type time.Time has no method %s", name);
    }
    return switch (name) {
      case "Year" -> (long) t.getYear();
      case "Month" -> (long) t.getMonthValue();
      case "Day" -> (long) t.getDayOfMonth();
      case "Hour" -> (long) t.getHour();
      case "Minute" -> (long) t.getMinute();
      case "Second" -> (long) t.getSecond();
      case "Nanosecond" -> (long) t.getNano();
      case "Weekday" -> (long) GoTime.weekday(t);
      case "YearDay" -> (long) t.getDayOfYear();
      case "Unix" -> t.toEpochSecond();
      case "UnixMilli" -> t.toInstant().toEpochMilli();
      case "UnixMicro" -> GoTime.unixNano(t) / 1000;
      case "UnixNano" -> GoTime.unixNano(t);
      case "UTC" -> t.withZoneSameInstant(ZoneOffset.UTC);
      case "Local" -> t.withZoneSameInstant(c.zone);
      case "String" -> GoTime.string(t);
      case "IsZero" ->
          t.getYear() == 1 && t.getDayOfYear() == 1 && t.toLocalTime().toNanoOfDay() == 0;
      case "Location" -> t.getZone();
      case "Format" -> {
        if (!(a[0] instanceof String layout)) {
          throw EvalError.of(
              "cannot use %s as argument (type string) to call Format", Ops.typeName(a[0]));
        }
        yield GoTime.format(t, layout);
      }
      case "Add" -> t.plus(durationArg(name, a[0]));
      case "Sub" -> Duration.between(timeArg(name, a[0]).toInstant(), t.toInstant());
      case "Before" -> t.toInstant().isBefore(timeArg(name, a[0]).toInstant());
      case "After" -> t.toInstant().isAfter(timeArg(name, a[0]).toInstant());
      case "Equal" -> t.toInstant().equals(timeArg(name, a[0]).toInstant());
      case "In" -> {
        if (!(a[0] instanceof ZoneId z)) {
          throw EvalError.of(
              "cannot use %s as argument (type *time.Location) to call In", Ops.typeName(a[0]));
        }
        yield t.withZoneSameInstant(z);
      }
      case "Truncate" -> GoTime.truncate(t, durationArg(name, a[0]));
      case "Round" -> {
        Duration d = durationArg(name, a[0]);
        ZonedDateTime down = GoTime.truncate(t, d);
        Duration r = Duration.between(down.toInstant(), t.toInstant());
        yield r.multipliedBy(2).compareTo(d) >= 0 && !d.isZero() ? down.plus(d) : down;
      }
      case "AddDate" ->
          t.plusYears(Ops.toInt(a[0])).plusMonths(Ops.toInt(a[1])).plusDays(Ops.toInt(a[2]));
      default -> throw new IllegalStateException(name);
    };
  }

  private static Object duration(Duration d, String name, Object[] a) {
    switch (name) {
      case "Hours",
          "Minutes",
          "Seconds",
          "Milliseconds",
          "Microseconds",
          "Nanoseconds",
          "String",
          "Abs" ->
          arity(name, a, 0);
      case "Round", "Truncate" -> arity(name, a, 1);
      default -> throw EvalError.of("type time.Duration has no method %s", name);
    }
    long n = d.toNanos();
    return switch (name) {
      case "Hours" -> n / 3_600_000_000_000.0;
      case "Minutes" -> n / 60_000_000_000.0;
      case "Seconds" -> n / 1_000_000_000.0;
      case "Milliseconds" -> n / 1_000_000;
      case "Microseconds" -> n / 1_000;
      case "Nanoseconds" -> n;
      case "String" -> GoTime.durationString(d);
      case "Abs" -> d.abs();
      case "Truncate" -> {
        long m = durationArg(name, a[0]).toNanos();
        yield m <= 0 ? d : Duration.ofNanos(n - n % m);
      }
      default -> {
        long m = durationArg(name, a[0]).toNanos();
        if (m <= 0) {
          yield d;
        }
        long r = n % m;
        long down = n - r;
        yield Duration.ofNanos(Math.abs(r) * 2 >= m ? down + (n < 0 ? -m : m) : down);
      }
    };
  }
}
