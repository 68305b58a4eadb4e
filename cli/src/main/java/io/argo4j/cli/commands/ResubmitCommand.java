package io.argo4j.cli.commands;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j resubmit}: as {@code argo resubmit}. */
@Command(name = "resubmit", description = "Submit a new workflow copied from an earlier one.")
public final class ResubmitCommand extends NotImplementedCommand {
  @Parameters(paramLabel = "WORKFLOW", arity = "0..*", description = "Workflow names.")
  private List<String> workflows;

  @Option(names = "--memoized", description = "Reuse the outputs of successful nodes.")
  private boolean memoized;

  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME=VALUE",
      description = "Override an input parameter; repeatable.")
  private Map<String, String> parameters;

  @Option(names = "--priority", paramLabel = "N", description = "Priority of the new workflow.")
  private Integer priority;

  @Mixin private SelectorOptions selectors;

  @Mixin private WaitOptions wait;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Output format: name, json, yaml or wide.")
  private String output;
}
