package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowPhase;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j wait}: as {@code argo wait}. */
@Command(name = "wait", description = "Wait until workflows complete.")
public final class WaitCommand extends BaseCommand {
  private static final long POLL_MILLIS = 200;

  @Mixin private StateDirOption state;

  @Parameters(paramLabel = "WORKFLOW", arity = "0..*", description = "Workflow names.")
  private List<String> workflows;

  @Option(names = "--ignore-not-found", description = "Do not fail on a missing workflow.")
  private boolean ignoreNotFound;

  @Override
  public Integer call() throws Exception {
    if (workflows == null || workflows.isEmpty()) {
      throw new CliException(ExitCodes.USAGE, "name at least one workflow (or @latest)");
    }
    boolean allSucceeded = true;
    try (LocalSession session = LocalSession.open(state.stateDir)) {
      for (String name : workflows) {
        Optional<StoredWorkflow> found = session.runtime().find(namespace(), name);
        if (found.isEmpty()) {
          if (ignoreNotFound) {
            continue;
          }
          throw new CliException(
              ExitCodes.FAILURE, "workflow " + namespace() + "/" + name + " not found");
        }
        StoredWorkflow current = found.get();
        while (current.phase() == null || !current.phase().completed()) {
          if (session.runtime().isRunning(current)) {
            Thread.sleep(POLL_MILLIS);
          } else {
            // its runner died (or this is the runner submit started): finish it here
            session.recover(current, err());
          }
          Optional<StoredWorkflow> again =
              session.runtime().find(namespace(), current.key().name());
          if (again.isEmpty()) {
            throw new CliException(
                ExitCodes.FAILURE, "workflow " + current.key().name() + " was deleted");
          }
          current = again.get();
        }
        out()
            .println(
                current.key().name()
                    + " "
                    + current.phase().argoName()
                    + (current.finishedAt() == null ? "" : " at " + current.finishedAt()));
        out().flush();
        allSucceeded &= current.phase() == WorkflowPhase.SUCCEEDED;
      }
      return allSucceeded ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }
}
