package io.argo4j.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j watch}: as {@code argo watch}. */
@Command(name = "watch", description = "Show a workflow live until it completes.")
public final class WatchCommand extends NotImplementedCommand {
  @Parameters(paramLabel = "WORKFLOW", description = "Workflow name; @latest works.")
  private String workflow;

  @Option(names = "--status", paramLabel = "PHASE", description = "Show only nodes in this phase.")
  private String status;

  @Option(
      names = "--node-field-selector",
      paramLabel = "SELECTOR",
      description = "Show only matching nodes, such as phase=Failed.")
  private String nodeFieldSelector;
}
