package io.argo4j.engine.internal;

import io.argo4j.model.ArgoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Time formatting and parsing as Argo does it. */
final class Times {
  private Times() {}

  /** Go's time.RFC3339 of a UTC instant: {@code 2024-05-01T10:00:00Z}. */
  static String rfc3339(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A duration as written in a manifest ({@code 10s}, {@code 1m}, or seconds). */
  static Duration parse(String text, String field) {
    try {
      return ArgoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new EngineException("invalid " + field + " '" + text + "': " + e.getMessage());
    }
  }

  /**
   * Go's Duration.String of whole or fractional seconds: {@code 1m30s}, {@code 2s}, {@code 1.5s}.
   */
  static String goDuration(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long total = d.toMillis();
    if (total < 0) {
      sb.append('-');
      total = -total;
    }
    long h = total / 3_600_000;
    long m = (total % 3_600_000) / 60_000;
    long ms = total % 60_000;
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      sb.append(m).append('m');
    }
    if (ms % 1000 == 0) {
      sb.append(ms / 1000).append('s');
    } else {
      sb.append(String.format("%.3f", ms / 1000.0).replaceAll("0+$", "")).append('s');
    }
    return sb.toString();
  }
}
