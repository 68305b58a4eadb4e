package io.argo4j.cli.commands;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j retry}: as {@code argo retry}. */
@Command(name = "retry", description = "Re-run the failed or errored nodes of workflows in place.")
public final class RetryCommand extends NotImplementedCommand {
  @Parameters(paramLabel = "WORKFLOW", arity = "0..*", description = "Workflow names.")
  private List<String> workflows;

  @Option(
      names = "--restart-successful",
      description = "Also re-run successful nodes matching --node-field-selector.")
  private boolean restartSuccessful;

  @Option(
      names = "--node-field-selector",
      paramLabel = "SELECTOR",
      description = "Nodes to restart with --restart-successful.")
  private String nodeFieldSelector;

  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME=VALUE",
      description = "Override an input parameter; repeatable.")
  private Map<String, String> parameters;

  @Mixin private SelectorOptions selectors;

  @Mixin private WaitOptions wait;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Output format: name, json, yaml or wide.")
  private String output;
}
