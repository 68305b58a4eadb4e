package io.argo4j.cli.commands;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j convert}: as {@code argo convert}. */
@Command(
    name = "convert",
    description = "Convert manifests from deprecated fields to current ones.")
public final class ConvertCommand extends NotImplementedCommand {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Manifest files or folders.")
  private List<Path> files;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "yaml",
      description = "Output format: yaml or json (default: ${DEFAULT-VALUE}).")
  private String output;
}
