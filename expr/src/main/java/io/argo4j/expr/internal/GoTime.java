package io.argo4j.expr.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Go's time package as expr-lang exposes it: durations, layouts, String() forms. */
public final class GoTime {
  private GoTime() {}

  public static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
  public static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";

  /** Go's time.ParseDuration. */
  public static Duration parseDuration(String s) {
    String orig = s;
    if (s.isEmpty()) {
      throw EvalError.of("time: invalid duration %s", Strings.goQuote(orig));
    }
    boolean neg = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw EvalError.of("time: invalid duration %s", Strings.goQuote(orig));
    }
    BigDecimal totalNanos = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int numStart = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String num = s.substring(numStart, i);
      if (num.isEmpty() || num.equals(".") || num.indexOf('.') != num.lastIndexOf('.')) {
        throw EvalError.of("time: invalid duration %s", Strings.goQuote(orig));
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw EvalError.of("time: missing unit in duration %s", Strings.goQuote(orig));
      }
      long mult =
          switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default ->
                throw EvalError.of(
                    "time: unknown unit %s in duration %s",
                    Strings.goQuote(unit), Strings.goQuote(orig));
          };
      String n = num.startsWith(".") ? "0" + num : num;
      totalNanos = totalNanos.add(new BigDecimal(n).multiply(BigDecimal.valueOf(mult)));
    }
    if (totalNanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw EvalError.of("time: invalid duration %s", Strings.goQuote(orig));
    }
    long nanos = totalNanos.longValue();
    return Duration.ofNanos(neg ? -nanos : nanos);
  }

  /** Go's Duration.String(): 1h30m0s, 1.5s, 100ms, 0s. */
  public static String durationString(Duration d) {
    long n;
    try {
      n = d.toNanos();
    } catch (ArithmeticException e) {
      n = d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (n == 0) {
      return "0s";
    }
    boolean neg = n < 0;
    BigDecimal u = BigDecimal.valueOf(n).abs();
    StringBuilder sb = new StringBuilder();
    if (u.compareTo(BigDecimal.valueOf(1_000_000_000L)) < 0) {
      long v = u.longValue();
      String unit;
      BigDecimal div;
      if (v < 1_000) {
        return (neg ? "-" : "") + v + "ns";
      } else if (v < 1_000_000) {
        unit = "µs";
        div = BigDecimal.valueOf(1_000);
      } else {
        unit = "ms";
        div = BigDecimal.valueOf(1_000_000);
      }
      sb.append(u.divide(div).stripTrailingZeros().toPlainString()).append(unit);
    } else {
      long total = u.longValue();
      long hours = total / 3_600_000_000_000L;
      long rem = total % 3_600_000_000_000L;
      long minutes = rem / 60_000_000_000L;
      rem = rem % 60_000_000_000L;
      BigDecimal secs =
          BigDecimal.valueOf(rem).divide(BigDecimal.valueOf(1_000_000_000L)).stripTrailingZeros();
      if (hours > 0) {
        sb.append(hours).append('h');
      }
      if (hours > 0 || minutes > 0) {
        sb.append(minutes).append('m');
      }
      sb.append(secs.signum() == 0 ? "0" : secs.toPlainString()).append('s');
    }
    return (neg ? "-" : "") + sb;
  }

  /** Go's Time.String(): 2006-01-02 15:04:05.999999999 -0700 MST. */
  public static String string(ZonedDateTime t) {
    return format(t, "2006-01-02 15:04:05.999999999 -0700 MST");
  }

  /** The zone abbreviation Go prints for MST. */
  static String zoneAbbrev(ZonedDateTime t) {
    ZoneId z = t.getZone();
    if (z instanceof ZoneOffset off) {
      if (off.getTotalSeconds() == 0) {
        return "UTC";
      }
      return offset(off.getTotalSeconds(), false, false);
    }
    if (z.getId().equals("UTC") || z.getId().equals("Etc/UTC")) {
      return "UTC";
    }
    String abbrev = z.getDisplayName(TextStyle.SHORT, Locale.ROOT);
    String s = t.format(java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ROOT));
    if (s != null && !s.isEmpty() && !s.startsWith("GMT")) {
      return s;
    }
    return abbrev.startsWith("GMT")
        ? offset(t.getOffset().getTotalSeconds(), false, false)
        : abbrev;
  }

  private static String offset(int secs, boolean colon, boolean shortForm) {
    char sign = secs < 0 ? '-' : '+';
    int a = Math.abs(secs);
    int h = a / 3600;
    int m = (a % 3600) / 60;
    String hh = String.format("%02d", h);
    if (shortForm) {
      return sign + hh;
    }
    return sign + hh + (colon ? ":" : "") + String.format("%02d", m);
  }

  // -------------------------------------------------------------------- layouts

  private static final String[] LONG_DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };
  private static final String[] LONG_MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  /** Formats a time with a Go layout (reference time Mon Jan 2 15:04:05 MST 2006). */
  public static String format(ZonedDateTime t, String layout) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      String rest = layout.substring(i);
      if (rest.startsWith("January")) {
        sb.append(LONG_MONTHS[t.getMonthValue() - 1]);
        i += 7;
      } else if (rest.startsWith("Jan")) {
        sb.append(LONG_MONTHS[t.getMonthValue() - 1], 0, 3);
        i += 3;
      } else if (rest.startsWith("Monday")) {
        sb.append(LONG_DAYS[t.getDayOfWeek().getValue() - 1]);
        i += 6;
      } else if (rest.startsWith("Mon")) {
        sb.append(LONG_DAYS[t.getDayOfWeek().getValue() - 1], 0, 3);
        i += 3;
      } else if (rest.startsWith("MST")) {
        sb.append(zoneAbbrev(t));
        i += 3;
      } else if (rest.startsWith("2006")) {
        sb.append(String.format("%04d", t.getYear()));
        i += 4;
      } else if (rest.startsWith("002")) {
        sb.append(String.format("%03d", t.getDayOfYear()));
        i += 3;
      } else if (rest.startsWith("01")) {
        sb.append(String.format("%02d", t.getMonthValue()));
        i += 2;
      } else if (rest.startsWith("02")) {
        sb.append(String.format("%02d", t.getDayOfMonth()));
        i += 2;
      } else if (rest.startsWith("03")) {
        sb.append(String.format("%02d", hour12(t)));
        i += 2;
      } else if (rest.startsWith("04")) {
        sb.append(String.format("%02d", t.getMinute()));
        i += 2;
      } else if (rest.startsWith("05")) {
        sb.append(String.format("%02d", t.getSecond()));
        i += 2;
      } else if (rest.startsWith("06")) {
        sb.append(String.format("%02d", Math.floorMod(t.getYear(), 100)));
        i += 2;
      } else if (rest.startsWith("_2")) {
        sb.append(String.format("%2d", t.getDayOfMonth()));
        i += 2;
      } else if (rest.startsWith("15")) {
        sb.append(String.format("%02d", t.getHour()));
        i += 2;
      } else if (rest.startsWith("Z07:00") || rest.startsWith("-07:00")) {
        appendZone(sb, t, rest.charAt(0) == 'Z', true, false);
        i += 6;
      } else if (rest.startsWith("Z0700") || rest.startsWith("-0700")) {
        appendZone(sb, t, rest.charAt(0) == 'Z', false, false);
        i += 5;
      } else if (rest.startsWith("Z07") || rest.startsWith("-07")) {
        appendZone(sb, t, rest.charAt(0) == 'Z', false, true);
        i += 3;
      } else if (rest.startsWith("PM")) {
        sb.append(t.getHour() >= 12 ? "PM" : "AM");
        i += 2;
      } else if (rest.startsWith("pm")) {
        sb.append(t.getHour() >= 12 ? "pm" : "am");
        i += 2;
      } else if ((rest.startsWith(".0")
              || rest.startsWith(".9")
              || rest.startsWith(",0")
              || rest.startsWith(",9"))
          && fractionLength(rest) > 0) {
        int n = fractionLength(rest);
        char kind = rest.charAt(1);
        String frac = String.format("%09d", t.getNano()).substring(0, Math.min(9, n));
        if (kind == '9') {
          frac = frac.replaceAll("0+$", "");
          if (!frac.isEmpty()) {
            sb.append(rest.charAt(0)).append(frac);
          }
        } else {
          sb.append(rest.charAt(0)).append(frac);
        }
        i += 1 + n;
      } else if (rest.startsWith("1")) {
        sb.append(t.getMonthValue());
        i += 1;
      } else if (rest.startsWith("2")) {
        sb.append(t.getDayOfMonth());
        i += 1;
      } else if (rest.startsWith("3")) {
        sb.append(hour12(t));
        i += 1;
      } else if (rest.startsWith("4")) {
        sb.append(t.getMinute());
        i += 1;
      } else if (rest.startsWith("5")) {
        sb.append(t.getSecond());
        i += 1;
      } else {
        sb.append(layout.charAt(i));
        i++;
      }
    }
    return sb.toString();
  }

  private static int fractionLength(String rest) {
    char kind = rest.charAt(1);
    int n = 1;
    while (1 + n < rest.length() && rest.charAt(1 + n) == kind) {
      n++;
    }
    // Go only treats it as a fraction when no digit follows
    if (1 + n < rest.length() && Character.isDigit(rest.charAt(1 + n))) {
      return 0;
    }
    return n;
  }

  private static int hour12(ZonedDateTime t) {
    int h = t.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private static void appendZone(
      StringBuilder sb, ZonedDateTime t, boolean zForUtc, boolean colon, boolean shortForm) {
    int secs = t.getOffset().getTotalSeconds();
    if (zForUtc && secs == 0) {
      sb.append('Z');
      return;
    }
    sb.append(offset(secs, colon, shortForm));
  }

  /** Parses {@code value} with a Go layout; times without a zone are in {@code zone}. */
  public static ZonedDateTime parse(String layout, String value, ZoneId zone) {
    Parsing p = new Parsing(layout, value);
    try {
      return p.run(zone);
    } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
      throw p.fail();
    }
  }

  private static final class Parsing {
    final String layout;
    final String value;
    int vi;
    int year = 1;
    int month = 1;
    int day = 1;
    int hour;
    int minute;
    int second;
    int nano;
    boolean pm;
    boolean pmSet;
    int yday = -1;
    Integer offsetSecs;
    String zoneAbbrev;

    Parsing(String layout, String value) {
      this.layout = layout;
      this.value = value;
    }

    EvalError fail() {
      return EvalError.of(
          "parsing time %s as %s: cannot parse %s as %s",
          Strings.goQuote(value),
          Strings.goQuote(layout),
          Strings.goQuote(value.substring(Math.min(vi, value.length()))),
          Strings.goQuote(layout));
    }

    int digits(int min, int max) {
      int start = vi;
      while (vi < value.length() && vi - start < max && Character.isDigit(value.charAt(vi))) {
        vi++;
      }
      if (vi - start < min) {
        throw fail();
      }
      return Integer.parseInt(value.substring(start, vi));
    }

    int lookup(String[] names, int len) {
      for (int k = 0; k < names.length; k++) {
        String n = len > 0 ? names[k].substring(0, len) : names[k];
        if (value.regionMatches(true, vi, n, 0, n.length())) {
          vi += n.length();
          return k;
        }
      }
      throw fail();
    }

    ZonedDateTime run(ZoneId zone) {
      int i = 0;
      while (i < layout.length()) {
        String rest = layout.substring(i);
        if (rest.startsWith("January")) {
          month = lookup(LONG_MONTHS, 0) + 1;
          i += 7;
        } else if (rest.startsWith("Jan")) {
          month = lookup(LONG_MONTHS, 3) + 1;
          i += 3;
        } else if (rest.startsWith("Monday")) {
          lookup(LONG_DAYS, 0);
          i += 6;
        } else if (rest.startsWith("Mon")) {
          lookup(LONG_DAYS, 3);
          i += 3;
        } else if (rest.startsWith("MST")) {
          int start = vi;
          while (vi < value.length() && Character.isUpperCase(value.charAt(vi))) {
            vi++;
          }
          if (vi - start < 3) {
            throw fail();
          }
          zoneAbbrev = value.substring(start, vi);
          i += 3;
        } else if (rest.startsWith("2006")) {
          year = digits(4, 4);
          i += 4;
        } else if (rest.startsWith("002")) {
          yday = digits(3, 3);
          i += 3;
        } else if (rest.startsWith("01")) {
          month = digits(2, 2);
          i += 2;
        } else if (rest.startsWith("02")) {
          day = digits(2, 2);
          i += 2;
        } else if (rest.startsWith("03")) {
          hour = digits(2, 2);
          i += 2;
        } else if (rest.startsWith("04")) {
          minute = digits(2, 2);
          i += 2;
        } else if (rest.startsWith("05")) {
          second = digits(2, 2);
          i += 2;
          parseOptionalFraction(rest.substring(2));
        } else if (rest.startsWith("06")) {
          int y = digits(2, 2);
          year = y >= 69 ? 1900 + y : 2000 + y;
          i += 2;
        } else if (rest.startsWith("_2")) {
          if (vi < value.length() && value.charAt(vi) == ' ') {
            vi++;
          }
          day = digits(1, 2);
          i += 2;
        } else if (rest.startsWith("15")) {
          hour = digits(1, 2);
          i += 2;
        } else if (rest.startsWith("Z07:00") || rest.startsWith("-07:00")) {
          zone(rest.charAt(0) == 'Z', true, false);
          i += 6;
        } else if (rest.startsWith("Z0700") || rest.startsWith("-0700")) {
          zone(rest.charAt(0) == 'Z', false, false);
          i += 5;
        } else if (rest.startsWith("Z07") || rest.startsWith("-07")) {
          zone(rest.charAt(0) == 'Z', false, true);
          i += 3;
        } else if (rest.startsWith("PM") || rest.startsWith("pm")) {
          String ap = value.substring(vi, vi + 2).toUpperCase(Locale.ROOT);
          if (!ap.equals("AM") && !ap.equals("PM")) {
            throw fail();
          }
          pm = ap.equals("PM");
          pmSet = true;
          vi += 2;
          i += 2;
        } else if ((rest.startsWith(".0") || rest.startsWith(".9")) && fractionLength(rest) > 0) {
          int n = fractionLength(rest);
          if (rest.charAt(1) == '0') {
            if (value.charAt(vi) != '.') {
              throw fail();
            }
            vi++;
            int start = vi;
            digits(n, n);
            nano = fractionNanos(value.substring(start, vi));
          } else {
            parseOptionalFraction("");
          }
          i += 1 + n;
        } else if (rest.startsWith("1")) {
          month = digits(1, 2);
          i += 1;
        } else if (rest.startsWith("2")) {
          day = digits(1, 2);
          i += 1;
        } else if (rest.startsWith("3")) {
          hour = digits(1, 2);
          i += 1;
        } else if (rest.startsWith("4")) {
          minute = digits(1, 2);
          i += 1;
        } else if (rest.startsWith("5")) {
          second = digits(1, 2);
          i += 1;
          parseOptionalFraction(rest.substring(1));
        } else {
          if (vi >= value.length() || value.charAt(vi) != layout.charAt(i)) {
            throw fail();
          }
          vi++;
          i++;
        }
      }
      if (vi != value.length()) {
        throw EvalError.of(
            "parsing time %s: extra text: %s",
            Strings.goQuote(value), Strings.goQuote(value.substring(vi)));
      }
      if (pmSet) {
        if (hour > 12) {
          throw fail();
        }
        if (pm && hour < 12) {
          hour += 12;
        } else if (!pm && hour == 12) {
          hour = 0;
        }
      }
      LocalDate date = yday >= 0 ? LocalDate.ofYearDay(year, yday) : LocalDate.of(year, month, day);
      ZoneId z = zone;
      if (offsetSecs != null) {
        z = offsetSecs == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offsetSecs);
      } else if (zoneAbbrev != null && zoneAbbrev.equals("UTC")) {
        z = ZoneOffset.UTC;
      }
      return ZonedDateTime.of(
          date.getYear(),
          date.getMonthValue(),
          date.getDayOfMonth(),
          hour,
          minute,
          second,
          nano,
          z);
    }

    void parseOptionalFraction(String layoutRest) {
      // Go accepts a fractional second after seconds even when the layout has none
      if (vi < value.length()
          && value.charAt(vi) == '.'
          && vi + 1 < value.length()
          && Character.isDigit(value.charAt(vi + 1))
          && !(layoutRest.startsWith(".0") || layoutRest.startsWith(".9"))) {
        vi++;
        int start = vi;
        while (vi < value.length() && Character.isDigit(value.charAt(vi))) {
          vi++;
        }
        nano = fractionNanos(value.substring(start, vi));
      }
    }

    static int fractionNanos(String digits) {
      String d = (digits + "000000000").substring(0, 9);
      return Integer.parseInt(d);
    }

    void zone(boolean z, boolean colon, boolean shortForm) {
      if (z && vi < value.length() && value.charAt(vi) == 'Z') {
        vi++;
        offsetSecs = 0;
        return;
      }
      char sign = value.charAt(vi);
      if (sign != '+' && sign != '-') {
        throw fail();
      }
      vi++;
      int h = digits(2, 2);
      int m = 0;
      if (!shortForm) {
        if (colon) {
          if (value.charAt(vi) != ':') {
            throw fail();
          }
          vi++;
        }
        m = digits(2, 2);
      }
      int secs = h * 3600 + m * 60;
      offsetSecs = sign == '-' ? -secs : secs;
    }
  }

  /** Unix seconds of a time. */
  public static long unix(ZonedDateTime t) {
    return t.toEpochSecond();
  }

  /** Nanoseconds since the epoch, saturating like Go's UnixNano is undefined outside range. */
  public static long unixNano(ZonedDateTime t) {
    Instant i = t.toInstant();
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
  }

  /** Week-day number with Sunday = 0, as Go's Weekday. */
  public static int weekday(ZonedDateTime t) {
    return t.getDayOfWeek().getValue() % 7;
  }

  /** Truncates a time to a multiple of {@code d} since the zero time, as Go's Truncate. */
  public static ZonedDateTime truncate(ZonedDateTime t, Duration d) {
    if (d.isZero() || d.isNegative()) {
      return t;
    }
    long unit = d.toNanos();
    long n = t.toInstant().getEpochSecond() * 1_000_000_000L + t.getNano();
    // Go truncates relative to year 1; for units dividing a day the epoch gives the same result
    long r = Math.floorMod(n, unit);
    return t.minusNanos(r).with(ChronoField.NANO_OF_SECOND, t.minusNanos(r).getNano());
  }
}
