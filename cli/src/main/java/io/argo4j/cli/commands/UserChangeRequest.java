package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.engine.UserActionException;
import io.argo4j.runtime.local.LocalRuntime;
import io.argo4j.store.NotFoundException;
import io.argo4j.store.StoredWorkflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code suspend} and {@code resume} share: apply a change to each named stored workflow; the
 * workflow's runner acts on it. A change that does not apply to one workflow is reported and makes
 * the command exit 1, after the others were changed.
 */
final class UserChangeRequest {

  private UserChangeRequest() {}

  static int apply(
      List<String> names,
      String done,
      LocalRuntime.UserChange change,
      Path stateDir,
      String namespace,
      PrintWriter out,
      PrintWriter err)
      throws CliException, InterruptedException {
    try (LocalSession session = LocalSession.open(stateDir)) {
      List<StoredWorkflow> targets = new ArrayList<>();
      for (String name : names) {
        targets.add(session.require(namespace, name));
      }
      int exit = ExitCodes.OK;
      for (StoredWorkflow target : targets) {
        try {
          session.runtime().change(target.key(), change);
          out.println("workflow " + target.key().name() + " " + done);
        } catch (UserActionException e) {
          err.println("argo4j: " + e.getMessage());
          exit = ExitCodes.FAILURE;
        } catch (NotFoundException e) {
          err.println("argo4j: workflow " + target.key().name() + " was deleted meanwhile");
          exit = ExitCodes.FAILURE;
        }
      }
      out.flush();
      // a workflow whose runner died needs one to carry the change out
      session.resumeInBackground(err);
      err.flush();
      return exit;
    }
  }
}
