package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.engine.UserActionException;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.store.NotFoundException;
import io.argo4j.store.StoredWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code argo4j retry}: as {@code argo retry}, for the local runtime. The failed part of each named
 * workflow runs again in place (same name, successful steps kept), in the background, or here with
 * {@code --wait}.
 */
@Command(name = "retry", description = "Re-run the failed or errored nodes of workflows in place.")
public final class RetryCommand extends BaseCommand {
  @Mixin private StateDirOption state;

  @Parameters(paramLabel = "WORKFLOW", arity = "0..*", description = "Workflow names (or @latest).")
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

  @Override
  public Integer call() throws Exception {
    selectors.refuse();
    wait.refuseLog("retry");
    if (restartSuccessful != (nodeFieldSelector != null)) {
      throw new CliException(
          ExitCodes.USAGE,
          "--restart-successful and --node-field-selector go together: the selector says which"
              + " successful nodes to run again (for example displayName=build)");
    }
    if (workflows == null || workflows.isEmpty()) {
      throw new CliException(ExitCodes.USAGE, "name at least one workflow (or @latest)");
    }
    String format = SubmittedWorkflow.format(output);
    Predicate<NodeStatus> again =
        restartSuccessful ? NodeSelector.parse(null, nodeFieldSelector) : null;
    try (LocalSession session = LocalSession.open(state.stateDir)) {
      List<StoredWorkflow> targets = new ArrayList<>();
      for (String name : workflows) {
        targets.add(session.require(namespace(), name));
      }
      int exit = ExitCodes.OK;
      List<StoredWorkflow> retried = new ArrayList<>();
      for (StoredWorkflow target : targets) {
        try {
          Workflow w = session.runtime().retry(target.key(), again, parameters);
          SubmittedWorkflow.print(w, format, style(), out());
          retried.add(session.require(target.key().namespace(), target.key().name()));
        } catch (UserActionException e) {
          err().println("argo4j: " + e.getMessage());
          exit = ExitCodes.FAILURE;
        } catch (NotFoundException e) {
          err().println("argo4j: workflow " + target.key().name() + " was deleted meanwhile");
          exit = ExitCodes.FAILURE;
        }
      }
      err().flush();
      for (StoredWorkflow w : retried) {
        if (wait.await || wait.watch) {
          exit = Math.max(exit, SubmittedWorkflow.runHere(session, w, wait.watch, style(), out()));
        } else {
          SubmittedWorkflow.runInBackground(session, w);
        }
      }
      return exit;
    }
  }
}
