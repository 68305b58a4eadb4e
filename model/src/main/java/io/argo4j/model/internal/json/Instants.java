package io.argo4j.model.internal.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Kubernetes timestamps: RFC 3339 in, UTC with whole seconds out ({@code 2024-05-01T10:00:00Z}).
 */
public final class Instants {
  private Instants() {}

  /** The instant of an RFC 3339 timestamp, or null if {@code text} is not one. */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The Kubernetes form of {@code instant}: UTC, truncated to the second. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
