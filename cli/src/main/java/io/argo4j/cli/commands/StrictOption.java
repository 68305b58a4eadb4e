package io.argo4j.cli.commands;

import picocli.CommandLine.Option;

/** {@code --strict} (default true; {@code --strict=false} or {@code --no-strict} turn it off). */
final class StrictOption {
  @Option(
      names = "--strict",
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      paramLabel = "BOOL",
      description =
          "Reject unknown fields; --strict=false accepts them (default: ${DEFAULT-VALUE}).")
  boolean strict;
}
