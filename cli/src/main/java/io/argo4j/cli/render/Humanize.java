package io.argo4j.cli.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations written as {@code argo} writes them. */
public final class Humanize {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z", Locale.ROOT);

  private Humanize() {}

  /** {@code 12s}, {@code 3m}, {@code 2h}, {@code 5d}: the largest whole unit. */
  public static String shortDuration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m";
    }
    if (s < 86400) {
      return s / 3600 + "h";
    }
    return s / 86400 + "d";
  }

  /** The short duration from {@code start} to {@code end}, or to {@code now} while running. */
  public static String shortDuration(Instant start, Instant end, Instant now) {
    if (start == null) {
      return "";
    }
    return shortDuration(Duration.between(start, end == null ? now : end));
  }

  /** {@code 5 seconds}, {@code 1 minute 5 seconds}, {@code 2 hours 3 minutes}. */
  public static String longDuration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return plural(s, "second");
    }
    if (s < 3600) {
      return plural(s / 60, "minute") + (s % 60 == 0 ? "" : " " + plural(s % 60, "second"));
    }
    if (s < 86400) {
      long m = (s % 3600) / 60;
      return plural(s / 3600, "hour") + (m == 0 ? "" : " " + plural(m, "minute"));
    }
    long h = (s % 86400) / 3600;
    return plural(s / 86400, "day") + (h == 0 ? "" : " " + plural(h, "hour"));
  }

  /** {@code Mon Nov 23 11:00:00 +0000 (10 seconds ago)}. */
  public static String timestamp(Instant t, Instant now, ZoneId zone) {
    return TIMESTAMP.format(t.atZone(zone))
        + " ("
        + longDuration(Duration.between(t, now))
        + " ago)";
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
