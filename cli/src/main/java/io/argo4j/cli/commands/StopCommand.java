package io.argo4j.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j stop}: as {@code argo stop}. */
@Command(name = "stop", description = "Stop workflows, running their exit handlers.")
public final class StopCommand extends BaseCommand {
  @Mixin private StateDirOption state;

  @Parameters(paramLabel = "WORKFLOW", arity = "0..*", description = "Workflow names.")
  private List<String> workflows;

  @Option(
      names = "--message",
      paramLabel = "TEXT",
      description = "Message to record on the stopped nodes.")
  private String message;

  @Option(
      names = "--node-field-selector",
      paramLabel = "SELECTOR",
      description = "Stop only matching nodes.")
  private String nodeFieldSelector;

  @Mixin private SelectorOptions selectors;

  @Option(names = "--dry-run", description = "Print what would be stopped.")
  private boolean dryRun;

  @Override
  public Integer call() throws Exception {
    if (message != null || nodeFieldSelector != null) {
      throw new io.argo4j.cli.CliException(
          io.argo4j.cli.ExitCodes.USAGE,
          "--message and --node-field-selector are not supported by argo4j stop yet");
    }
    return ShutdownRequest.apply(
        workflows, selectors, dryRun, "Stop", "stopped", state.stateDir, namespace(), out(), err());
  }
}
