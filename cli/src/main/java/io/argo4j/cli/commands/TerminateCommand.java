package io.argo4j.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j terminate}: as {@code argo terminate}. */
@Command(name = "terminate", description = "Terminate workflows at once, without exit handlers.")
public final class TerminateCommand extends BaseCommand {
  @Mixin private StateDirOption state;

  @Parameters(paramLabel = "WORKFLOW", arity = "0..*", description = "Workflow names.")
  private List<String> workflows;

  @Mixin private SelectorOptions selectors;

  @Option(names = "--dry-run", description = "Print what would be terminated.")
  private boolean dryRun;

  @Override
  public Integer call() throws Exception {
    return ShutdownRequest.apply(
        workflows,
        selectors,
        dryRun,
        "Terminate",
        "terminated",
        state.stateDir,
        namespace(),
        out(),
        err());
  }
}
