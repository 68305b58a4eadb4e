package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.store.AlreadyExistsException;
import io.argo4j.store.StoredWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code argo4j resubmit}: as {@code argo resubmit}, for the local runtime. Each named workflow is
 * copied into a new one (its spec, its user labels and annotations, a label naming it) that runs
 * from the start, in the background as after {@code submit}, or here with {@code --wait}.
 */
@Command(name = "resubmit", description = "Submit a new workflow copied from an earlier one.")
public final class ResubmitCommand extends BaseCommand {
  @Mixin private StateDirOption state;

  @Parameters(paramLabel = "WORKFLOW", arity = "0..*", description = "Workflow names (or @latest).")
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

  @Override
  public Integer call() throws Exception {
    if (memoized) {
      throw new CliException(
          ExitCodes.USAGE,
          "--memoized is not supported by argo4j resubmit yet: the new workflow would run every"
              + " step again; leave it out to do that");
    }
    selectors.refuse();
    wait.refuseLog("resubmit");
    if (workflows == null || workflows.isEmpty()) {
      throw new CliException(ExitCodes.USAGE, "name at least one workflow (or @latest)");
    }
    String format = SubmittedWorkflow.format(output);
    try (LocalSession session = LocalSession.open(state.stateDir)) {
      List<StoredWorkflow> previous = new ArrayList<>();
      for (String name : workflows) {
        previous.add(session.require(namespace(), name));
      }
      int exit = ExitCodes.OK;
      for (StoredWorkflow old : previous) {
        StoredWorkflow stored;
        try {
          stored = session.runtime().resubmit(old, parameters, priority);
        } catch (AlreadyExistsException e) {
          throw new CliException(ExitCodes.FAILURE, e.getMessage());
        }
        SubmittedWorkflow.print(LocalSession.workflow(stored), format, style(), out());
        if (wait.await || wait.watch) {
          exit =
              Math.max(
                  exit, SubmittedWorkflow.runHere(session, stored, wait.watch, style(), out()));
        } else {
          SubmittedWorkflow.runInBackground(session, stored);
        }
      }
      return exit;
    }
  }
}
