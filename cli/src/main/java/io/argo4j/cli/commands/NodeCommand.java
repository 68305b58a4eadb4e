package io.argo4j.cli.commands;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j node}: as {@code argo node}. */
@Command(
    name = "node",
    description = "Change the nodes of a workflow.",
    subcommands = NodeCommand.Set.class)
public final class NodeCommand extends GroupCommand {

  /** {@code argo4j node set}. */
  @Command(name = "set", description = "Set a node's phase, message or output parameters.")
  public static final class Set extends NotImplementedCommand {
    @Parameters(paramLabel = "WORKFLOW", description = "Workflow name.")
    private String workflow;

    @Option(
        names = "--node-field-selector",
        paramLabel = "SELECTOR",
        description = "The nodes to change, such as displayName=approve.")
    private String nodeFieldSelector;

    @Option(
        names = "--phase",
        paramLabel = "PHASE",
        description = "New phase: Succeeded or Failed.")
    private String phase;

    @Option(
        names = {"-m", "--message"},
        paramLabel = "TEXT",
        description = "New message.")
    private String message;

    @Option(
        names = {"-p", "--output-parameter"},
        paramLabel = "NAME=VALUE",
        description = "Output parameter to supply; repeatable.")
    private Map<String, String> outputParameters;
  }
}
