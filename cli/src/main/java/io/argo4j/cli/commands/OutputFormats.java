package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import java.util.List;

/** The {@code -o/--output} values a verb takes. */
final class OutputFormats {

  private OutputFormats() {}

  /**
   * {@code output} if it is one of {@code allowed}, "" when it was not given (the verb's default);
   * otherwise a usage error listing them.
   */
  static String check(String output, String... allowed) throws CliException {
    if (output == null) {
      return "";
    }
    List<String> formats = List.of(allowed);
    if (!formats.contains(output)) {
      String all =
          String.join(", ", formats.subList(0, formats.size() - 1))
              + " or "
              + formats.get(formats.size() - 1);
      throw new CliException(ExitCodes.USAGE, "unknown output format '" + output + "'; use " + all);
    }
    return output;
  }
}
