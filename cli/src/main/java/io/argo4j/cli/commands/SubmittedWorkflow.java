package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.cli.Style;
import io.argo4j.cli.render.WorkflowPrinter;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestWriter;
import io.argo4j.runtime.local.RunListener;
import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowPhase;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What {@code submit}, {@code resubmit} and {@code retry} do with a workflow they stored: print it,
 * then either run it here until it ends ({@code --wait}, {@code --watch}) or hand it to an argo4j
 * process in the background (its output in the workflow's directory, {@code runner.log}).
 */
final class SubmittedWorkflow {

  private SubmittedWorkflow() {}

  /** The {@code -o} value as {@link #print} takes it: "" for the default header. */
  static String format(String output) throws CliException {
    return OutputFormats.check(output, "name", "json", "yaml", "wide");
  }

  static void print(Workflow w, String format, Style style, PrintWriter out) {
    switch (format) {
      case "name" -> out.println(w.metadata().getName());
      case "json" -> out.print(ManifestWriter.create().toJson(w));
      case "yaml" -> out.print(ManifestWriter.create().toYaml(w));
      default ->
          out.print(
              new WorkflowPrinter(
                      style, true, false, Instant.now(), ZoneId.systemDefault(), n -> "")
                  .header(w));
    }
    out.flush();
  }

  /**
   * Runs {@code stored} here unless another runner has it, then prints its end: {@code NAME Phase
   * at TIME} for {@code --wait}; the progress, the node tree and the summary for {@code --watch}.
   * Returns 0 when it Succeeded, else 1.
   */
  static int runHere(
      LocalSession session, StoredWorkflow stored, boolean watch, Style style, PrintWriter out)
      throws CliException, InterruptedException, IOException {
    session.runHere(stored, watch ? ProgressOutput.of(out, style, true) : RunListener.none());
    StoredWorkflow done =
        session.runtime().find(stored.key().namespace(), stored.key().name()).orElseThrow();
    if (watch) {
      ProgressOutput.ending(session, LocalSession.workflow(done), n -> true, false, style, out);
    } else {
      out.println(
          done.key().name()
              + " "
              + (done.phase() == null ? "Pending" : done.phase().argoName())
              + (done.finishedAt() == null ? "" : " at " + done.finishedAt()));
      out.flush();
    }
    return done.phase() == WorkflowPhase.SUCCEEDED ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** Starts the process that runs {@code stored} and returns at once. */
  static void runInBackground(LocalSession session, StoredWorkflow stored) throws CliException {
    ProcessHandle runner;
    try {
      runner =
          BackgroundRunner.start(
              session.runtime().workflowDirectory(stored.uid()).resolve("runner.log"),
              session.waitArgs(stored));
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE,
          "stored, but cannot start the process that runs it ("
              + e.getMessage()
              + "); the next argo4j run, list, get or wait will run it");
    }
    try {
      // until it takes the workflow, other argo4j commands leave it to that process
      session.runtime().handOver(stored, runner);
    } catch (IOException e) {
      // without the record, another command may take the workflow first: the runner then waits
    }
  }
}
