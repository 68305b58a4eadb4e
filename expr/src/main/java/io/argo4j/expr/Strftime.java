package io.argo4j.expr;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * strftime conversions for {@code {{workflow.creationTimestamp.<c>}}}: Argo publishes one variable
 * per conversion character, each the creation time (UTC) formatted with {@code %c}.
 */
public final class Strftime {
  private Strftime() {}

  /** The conversion characters Argo publishes as {@code workflow.creationTimestamp.<c>}. */
  public static final List<Character> CHARACTERS =
      List.of(
          'a', 'A', 'b', 'B', 'c', 'C', 'd', 'D', 'e', 'F', 'g', 'G', 'H', 'I', 'j', 'k', 'l', 'm',
          'M', 'n', 'p', 'r', 'R', 's', 'S', 't', 'T', 'u', 'U', 'V', 'w', 'W', 'x', 'X', 'y', 'Y',
          'z', 'Z');

  private static final String[] DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };
  private static final String[] MONTHS = {
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

  /**
   * Formats {@code time} (in UTC) with one strftime conversion character.
   *
   * @throws IllegalArgumentException for a character strftime does not define
   */
  public static String format(char c, Instant time) {
    ZonedDateTime t = time.atZone(ZoneOffset.UTC);
    return switch (c) {
      case 'a' -> DAYS[t.getDayOfWeek().getValue() - 1].substring(0, 3);
      case 'A' -> DAYS[t.getDayOfWeek().getValue() - 1];
      case 'b', 'h' -> MONTHS[t.getMonthValue() - 1].substring(0, 3);
      case 'B' -> MONTHS[t.getMonthValue() - 1];
      case 'c' ->
          format('a', time)
              + " "
              + format('b', time)
              + " "
              + format('e', time)
              + " "
              + format('T', time)
              + " "
              + t.getYear();
      case 'C' -> two(t.getYear() / 100);
      case 'd' -> two(t.getDayOfMonth());
      case 'D', 'x' ->
          two(t.getMonthValue()) + "/" + two(t.getDayOfMonth()) + "/" + two(t.getYear() % 100);
      case 'e' -> String.format("%2d", t.getDayOfMonth());
      case 'F' ->
          String.format("%04d", t.getYear())
              + "-"
              + two(t.getMonthValue())
              + "-"
              + two(t.getDayOfMonth());
      case 'g' -> two(t.get(IsoFields.WEEK_BASED_YEAR) % 100);
      case 'G' -> String.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
      case 'H' -> two(t.getHour());
      case 'I' -> two(hour12(t));
      case 'j' -> String.format("%03d", t.getDayOfYear());
      case 'k' -> String.format("%2d", t.getHour());
      case 'l' -> String.format("%2d", hour12(t));
      case 'm' -> two(t.getMonthValue());
      case 'M' -> two(t.getMinute());
      case 'n' -> "\n";
      case 'p' -> t.getHour() < 12 ? "AM" : "PM";
      case 'r' ->
          two(hour12(t))
              + ":"
              + two(t.getMinute())
              + ":"
              + two(t.getSecond())
              + " "
              + format('p', time);
      case 'R' -> two(t.getHour()) + ":" + two(t.getMinute());
      case 's' -> String.valueOf(time.getEpochSecond());
      case 'S' -> two(t.getSecond());
      case 't' -> "\t";
      case 'T', 'X' -> two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
      case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
      case 'U' -> two((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7);
      case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
      case 'W' -> two((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7);
      case 'y' -> two(t.getYear() % 100);
      case 'Y' -> String.valueOf(t.get(ChronoField.YEAR));
      case 'z' -> "+0000";
      case 'Z' -> "UTC";
      case '%' -> "%";
      default -> throw new IllegalArgumentException("unknown strftime conversion %" + c);
    };
  }

  private static int hour12(ZonedDateTime t) {
    int h = t.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private static String two(int v) {
    return String.format("%02d", v);
  }
}
