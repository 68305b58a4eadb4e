package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.store.NotFoundException;
import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowKind;
import io.argo4j.store.WorkflowPhase;
import io.argo4j.store.WorkflowQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j delete}: as {@code argo delete}. */
@Command(name = "delete", description = "Delete workflows.")
public final class DeleteCommand extends BaseCommand {
  @Mixin private StateDirOption state;

  @Parameters(paramLabel = "WORKFLOW", arity = "0..*", description = "Workflow names.")
  private List<String> workflows;

  @Option(names = "--all", description = "Delete every workflow of the namespace.")
  private boolean all;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Delete in every namespace.")
  private boolean allNamespaces;

  @Option(names = "--completed", description = "Only completed workflows.")
  private boolean completed;

  @Option(
      names = "--older",
      paramLabel = "DURATION",
      description = "Only completed workflows finished before this, such as 1d.")
  private String older;

  @Option(
      names = "--prefix",
      paramLabel = "PREFIX",
      description = "Only workflows whose name starts with this.")
  private String prefix;

  @Option(names = "--resubmitted", description = "Only resubmitted workflows.")
  private boolean resubmitted;

  @Option(
      names = "--status",
      paramLabel = "PHASE",
      split = ",",
      description = "Only workflows in these phases.")
  private List<String> status;

  @Mixin private SelectorOptions selectors;

  @Option(names = "--force", description = "Remove finalizers, so deletion cannot hang.")
  private boolean force;

  @Option(names = "--dry-run", description = "Print what would be deleted.")
  private boolean dryRun;

  @Option(
      names = "--query-chunk-size",
      paramLabel = "N",
      description = "Look workflows up in pages of this size (0: all at once).")
  private int queryChunkSize;

  @Override
  public Integer call() throws Exception {
    if (selectors.selector != null || selectors.fieldSelector != null || resubmitted) {
      throw new CliException(
          ExitCodes.USAGE,
          "-l/--selector, --field-selector and --resubmitted are not supported by argo4j delete"
              + " yet");
    }
    boolean bulk = all || completed || older != null || prefix != null || status != null;
    if ((workflows == null || workflows.isEmpty()) && !bulk) {
      throw new CliException(
          ExitCodes.USAGE,
          "name the workflows to delete, or give --all, --completed, --older,"
              + " --prefix or --status");
    }
    try (LocalSession session = LocalSession.open(state.stateDir)) {
      List<StoredWorkflow> targets = new ArrayList<>();
      if (workflows != null) {
        for (String name : workflows) {
          targets.add(session.require(namespace(), name));
        }
      }
      if (bulk) {
        WorkflowQuery q =
            allNamespaces
                ? WorkflowQuery.inAllNamespaces(WorkflowKind.WORKFLOW)
                : WorkflowQuery.of(WorkflowKind.WORKFLOW, namespace());
        if (completed || older != null) {
          q = q.withCompletion(WorkflowQuery.Completion.COMPLETED);
        }
        if (older != null) {
          q = q.withFinishedBefore(Instant.now().minus(DurationFlags.parse("--older", older)));
        }
        if (prefix != null) {
          q = q.withNamePrefix(prefix);
        }
        if (status != null) {
          Set<WorkflowPhase> phases = EnumSet.noneOf(WorkflowPhase.class);
          for (String s : status) {
            phases.add(
                WorkflowPhase.fromArgoName(s.trim())
                    .orElseThrow(() ->
                        new CliException(
                            ExitCodes.USAGE,
                            "--status "
                                + s
                                + ": not a phase; use Pending, Running, Succeeded,"
                                + " Failed or Error")));
          }
          q = q.withPhases(phases);
        }
        targets.addAll(session.runtime().listAll(q));
      }
      for (StoredWorkflow target : targets) {
        if (dryRun) {
          out().println("Workflow '" + target.key().name() + "' deleted (dry run)");
          continue;
        }
        try {
          session.runtime().delete(target);
        } catch (NotFoundException e) {
          continue; // named twice, or deleted meanwhile
        }
        out().println("Workflow '" + target.key().name() + "' deleted");
      }
      out().flush();
      return ExitCodes.OK;
    }
  }
}
