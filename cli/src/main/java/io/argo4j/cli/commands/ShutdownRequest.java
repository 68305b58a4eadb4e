package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.store.NotFoundException;
import io.argo4j.store.StoredWorkflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code stop} and {@code terminate} share: set {@code spec.shutdown} on each named workflow.
 * A workflow whose runner is alive is acted on by that runner; an interrupted one is finished here
 * and now.
 */
final class ShutdownRequest {

  private ShutdownRequest() {}

  static int apply(
      List<String> names,
      SelectorOptions selectors,
      boolean dryRun,
      String strategy,
      String done,
      Path stateDir,
      String namespace,
      PrintWriter out,
      PrintWriter err)
      throws CliException, InterruptedException {
    selectors.refuse();
    if (names == null || names.isEmpty()) {
      throw new CliException(ExitCodes.USAGE, "name at least one workflow (or @latest)");
    }
    try (LocalSession session = LocalSession.open(stateDir)) {
      List<StoredWorkflow> targets = new ArrayList<>();
      for (String name : names) {
        targets.add(session.require(namespace, name));
      }
      for (StoredWorkflow target : targets) {
        if (dryRun) {
          out.println("workflow " + target.key().name() + " " + done + " (dry run)");
          continue;
        }
        if (target.phase() != null && target.phase().completed()) {
          out.println("workflow " + target.key().name() + " already " + target.phase().argoName());
          continue;
        }
        try {
          session.runtime().requestShutdown(target.key(), strategy);
        } catch (NotFoundException e) {
          throw new CliException(ExitCodes.FAILURE, e.getMessage());
        }
        out.println("workflow " + target.key().name() + " " + done);
      }
      out.flush();
      if (!dryRun) {
        // a workflow whose runner died needs one to carry the request out
        session.resumeInBackground(err);
      }
      return ExitCodes.OK;
    }
  }
}
