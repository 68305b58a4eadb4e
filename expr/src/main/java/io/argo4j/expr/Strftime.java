package io.argo4j.expr;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strftime variables of {@code {{workflow.creationTimestamp.<c>}}}: Argo publishes one variable
 * per conversion character of its strftime package ({@code B b m A a d H I M S Y y p Z z L}), each
 * the creation time (UTC) formatted with {@code %c}, plus {@code .s} (Unix seconds) and {@code
 * .RFC3339}. Other characters ({@code %j}, {@code %F}...) are not published, so their tags stay
 * unresolved as upstream.
 */
public final class Strftime {
  private Strftime() {}

  /** The conversion characters Argo publishes as {@code workflow.creationTimestamp.<c>}. */
  public static final List<Character> CHARACTERS =
      List.of('B', 'b', 'm', 'A', 'a', 'd', 'H', 'I', 'M', 'S', 'Y', 'y', 'p', 'Z', 'z', 'L');

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  /** {@link #CHARACTERS} as an array, for loops. */
  public static char[] formatChars() {
    char[] out = new char[CHARACTERS.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = CHARACTERS.get(i);
    }
    return out;
  }

  /**
   * The variables Argo derives from a timestamp, named {@code prefix}, {@code prefix.RFC3339},
   * {@code prefix.s} and {@code prefix.<c>} for each of {@link #CHARACTERS}; for example {@code
   * variables("workflow.creationTimestamp", created)}.
   */
  public static Map<String, String> variables(String prefix, Instant time) {
    Map<String, String> out = new LinkedHashMap<>();
    String rfc3339 = RFC3339.format(time.atZone(ZoneOffset.UTC));
    out.put(prefix, rfc3339);
    for (char c : CHARACTERS) {
      out.put(prefix + "." + c, format(c, time));
    }
    out.put(prefix + ".s", Long.toString(time.getEpochSecond()));
    out.put(prefix + ".RFC3339", rfc3339);
    return out;
  }

  /**
   * Formats {@code time} (in UTC) with one of the conversion characters Argo publishes, as Go's
   * layout for it would ({@code I} is {@code 03}, {@code L} is {@code .000}).
   *
   * @throws IllegalArgumentException for a character Argo does not publish
   */
  public static String format(char c, Instant time) {
    ZonedDateTime t = time.atZone(ZoneOffset.UTC);
    return switch (c) {
      case 'B' -> pattern("MMMM", t);
      case 'b' -> pattern("MMM", t);
      case 'm' -> pattern("MM", t);
      case 'A' -> pattern("EEEE", t);
      case 'a' -> pattern("EEE", t);
      case 'd' -> pattern("dd", t);
      case 'H' -> pattern("HH", t);
      case 'I' -> pattern("hh", t);
      case 'M' -> pattern("mm", t);
      case 'S' -> pattern("ss", t);
      case 'Y' -> String.valueOf(t.getYear());
      case 'y' -> pattern("yy", t);
      case 'p' -> t.getHour() < 12 ? "AM" : "PM";
      case 'Z' -> "UTC";
      case 'z' -> "+0000";
      case 'L' -> String.format(Locale.ROOT, ".%03d", t.getNano() / 1_000_000);
      default ->
          throw new IllegalArgumentException(
              "strftime conversion %" + c + " is not one Argo publishes (" + CHARACTERS + ")");
    };
  }

  private static String pattern(String p, ZonedDateTime t) {
    return DateTimeFormatter.ofPattern(p, Locale.ENGLISH).format(t);
  }
}
