package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.cli.render.WorkflowPrinter;
import io.argo4j.engine.NodeTransition;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.local.RunListener;
import io.argo4j.store.StoredWorkflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code argo4j watch}: as {@code argo watch}, for the local runtime. Follows a stored workflow,
 * whichever process runs it, with the progress output of {@code run} (live rows on a terminal, one
 * line per change otherwise), then prints its node tree and summary once it has completed.
 */
@Command(name = "watch", description = "Show a workflow live until it completes.")
public final class WatchCommand extends BaseCommand {
  private static final long POLL_MILLIS = 200;

  /** How often (in polls: every 5 s) to look for workflows whose runner died. */
  private static final int RECOVERY_POLLS = 25;

  @Mixin private StateDirOption state;

  @Parameters(paramLabel = "WORKFLOW", description = "Workflow name; @latest works.")
  private String workflow;

  @Option(names = "--status", paramLabel = "PHASE", description = "Show only nodes in this phase.")
  private String status;

  @Option(
      names = "--node-field-selector",
      paramLabel = "SELECTOR",
      description = "Show only matching nodes, such as phase=Failed.")
  private String nodeFieldSelector;

  @Override
  public Integer call() throws Exception {
    Predicate<NodeStatus> shown = NodeSelector.parse(status, nodeFieldSelector);
    RunListener progress = ProgressOutput.of(out(), style(), true);
    try (LocalSession session = LocalSession.open(state.stateDir)) {
      StoredWorkflow current = session.require(namespace(), workflow);
      String name = current.key().name();
      Workflow last = null;
      for (int poll = 0; ; poll++) {
        if (poll % RECOVERY_POLLS == 0) {
          // a workflow whose runner died gets one, as with get and list
          session.resumeInBackground(err());
        }
        Workflow now = LocalSession.workflow(current);
        List<NodeTransition> changes = transitions(last, now, shown);
        if (last == null || !changes.isEmpty() || !sameStatusText(last, now)) {
          progress.onUpdate(now, changes);
        }
        last = now;
        if (current.phase() != null && current.phase().completed()) {
          break;
        }
        Thread.sleep(POLL_MILLIS);
        Optional<StoredWorkflow> again = session.runtime().find(current.key().namespace(), name);
        if (again.isEmpty() || !again.get().uid().equals(current.uid())) {
          throw new CliException(ExitCodes.FAILURE, "workflow " + name + " was deleted");
        }
        current = again.get();
      }
      ProgressOutput.ending(session, last, shown, false, style(), out());
      return ExitCodes.OK;
    }
  }

  private static boolean sameStatusText(Workflow a, Workflow b) {
    return WorkflowPrinter.statusText(a).equals(WorkflowPrinter.statusText(b));
  }

  /** The nodes that appeared or changed phase since {@code before} (all of them at first). */
  static List<NodeTransition> transitions(
      Workflow before, Workflow after, Predicate<NodeStatus> shown) {
    Map<String, NodeStatus> old =
        before == null || before.status() == null || before.status().nodes() == null
            ? Map.of()
            : before.status().nodes();
    List<NodeTransition> out = new ArrayList<>();
    if (after.status() == null || after.status().nodes() == null) {
      return out;
    }
    after.status().nodes().values().stream()
        .filter(shown)
        .sorted(
            Comparator.comparing(
                (NodeStatus n) -> n.startedAt() == null ? Instant.MAX : n.startedAt()))
        .forEach(n -> {
          NodeStatus was = old.get(n.id());
          if (was == null || !Objects.equals(was.phase(), n.phase())) {
            out.add(
                new NodeTransition(
                    n.id(),
                    n.name(),
                    n.displayName(),
                    n.type(),
                    was == null ? null : was.phase(),
                    n.phase(),
                    n.message()));
          }
        });
    return out;
  }
}
