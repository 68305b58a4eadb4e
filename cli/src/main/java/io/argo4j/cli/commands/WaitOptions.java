package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import picocli.CommandLine.Option;

/** {@code -w/--wait}, {@code --watch} and {@code --log}: following a workflow a verb started. */
final class WaitOptions {
  @Option(
      names = {"-w", "--wait"},
      description = "Wait for the workflow to complete.")
  boolean await;

  @Option(names = "--watch", description = "Watch the workflow until it completes.")
  boolean watch;

  @Option(names = "--log", description = "Print the workflow's logs until it completes.")
  boolean log;

  /** Refuses {@code --log}, which the local runtime does not follow yet. */
  void refuseLog(String verb) throws CliException {
    if (log) {
      throw new CliException(
          ExitCodes.USAGE,
          "--log is not supported by argo4j " + verb + " yet; use argo4j logs NAME --follow");
    }
  }
}
