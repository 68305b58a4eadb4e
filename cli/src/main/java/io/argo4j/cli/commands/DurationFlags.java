package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations given on the command line: {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
final class DurationFlags {

  private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

  private DurationFlags() {}

  static Duration parse(String flag, String text) throws CliException {
    String t = text.trim();
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
      end = m.end();
    }
    if (t.isEmpty() || end != t.length()) {
      throw new CliException(
          ExitCodes.USAGE,
          flag + " " + text + ": not a duration; use forms such as 30s, 5m, 2h, 1d");
    }
    return total;
  }
}
