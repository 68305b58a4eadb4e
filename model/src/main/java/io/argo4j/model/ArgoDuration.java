package io.argo4j.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * Parses the duration strings of Argo's manifests ({@code suspend.duration}, {@code
 * retryStrategy.backoff.duration}, {@code timeout}, ...): either a whole number of seconds ({@code
 * "30"}) or a Go duration ({@code "300ms"}, {@code "1h2m3s"}, {@code "1.5h"}, {@code "-1s"}), with
 * Go's rules and limits.
 */
public final class ArgoDuration {
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger MIN_NANOS_ABS = MAX_NANOS.add(BigInteger.ONE);
  private static final Map<String, Long> UNIT_NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private ArgoDuration() {}

  /**
   * The duration {@code text} denotes.
   *
   * @throws IllegalArgumentException if {@code text} is neither an integer nor a Go duration
   */
  public static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("invalid duration: no value" + HINT);
    }
    if (text.matches("[+-]?[0-9]+")) {
      try {
        return Duration.ofSeconds(Long.parseLong(text));
      } catch (NumberFormatException | ArithmeticException e) {
        throw invalid(text, "out of range");
      }
    }
    return parseGo(text);
  }

  private static final String HINT =
      "; expected a number of seconds or a Go duration such as \"30s\", \"1m30s\" or \"1.5h\""
          + " (units ns, us, ms, s, m, h)";

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("invalid duration \"" + text + "\": " + why + HINT);
  }

  private static Duration parseGo(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text, "empty");
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
      }
      boolean whole = i > start;
      int fractionStart = i;
      boolean fraction = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        fractionStart = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
          i++;
        }
        fraction = i > fractionStart;
      }
      if (!whole && !fraction) {
        throw invalid(text, "expected a number at \"" + s.substring(start) + "\"");
      }
      String number = s.substring(start, i);
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
        i++;
      }
      if (i == unitStart) {
        throw invalid(text, "missing unit after \"" + number + "\"");
      }
      String unit = s.substring(unitStart, i);
      Long nanos = UNIT_NANOS.get(unit);
      if (nanos == null) {
        throw invalid(text, "unknown unit \"" + unit + "\"");
      }
      BigDecimal value = new BigDecimal(number.endsWith(".") ? number + "0" : "0" + number);
      total = total.add(value.multiply(BigDecimal.valueOf(nanos)));
      if (total.toBigInteger().compareTo(MIN_NANOS_ABS) > 0) {
        throw invalid(text, "out of range");
      }
    }
    BigInteger nanos = total.toBigInteger();
    if (negative) {
      nanos = nanos.negate();
    } else if (nanos.compareTo(MAX_NANOS) > 0) {
      throw invalid(text, "out of range");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }
}
