package io.argo4j.cli.commands;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code -p/--parameter NAME=VALUE} and {@code -f/--parameter-file FILE}, as in {@code submit}. */
final class ParameterOptions {
  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME=VALUE",
      description = "Input parameter of the workflow; repeatable.")
  Map<String, String> parameters;

  @Option(
      names = {"-f", "--parameter-file"},
      paramLabel = "FILE",
      description = "YAML or JSON file of input parameters (name: value).")
  Path parameterFile;
}
