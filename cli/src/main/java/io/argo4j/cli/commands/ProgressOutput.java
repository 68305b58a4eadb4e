package io.argo4j.cli.commands;

import io.argo4j.cli.Style;
import io.argo4j.cli.Terminal;
import io.argo4j.cli.render.LiveProgress;
import io.argo4j.cli.render.PlainProgress;
import io.argo4j.cli.render.RunSummary;
import io.argo4j.cli.render.WorkflowPrinter;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.local.RunListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How {@code run}, {@code watch} and {@code submit --watch} show a workflow going on: live rows on
 * a terminal, one line per change otherwise, and at the end the node tree and a summary.
 */
final class ProgressOutput {

  private ProgressOutput() {}

  /** Live rows when {@code live} is allowed and stdout is a terminal, else plain lines. */
  static RunListener of(PrintWriter out, Style style, boolean live) {
    Map<String, String> env = System.getenv();
    InstantSource clock = InstantSource.system();
    return live && Terminal.stdoutIsTerminal(env)
        ? new LiveProgress(out, style, clock, Terminal.width(env))
        : new PlainProgress(out, clock, ZoneId.systemDefault());
  }

  /** The node tree (of the nodes {@code shown}) and the one-line summary of a workflow. */
  static void ending(
      LocalSession session,
      Workflow workflow,
      Predicate<NodeStatus> shown,
      boolean wide,
      Style style,
      PrintWriter out)
      throws IOException {
    Map<String, String> pods = session.runtime().podNames(workflow);
    InstantSource clock = InstantSource.system();
    WorkflowPrinter printer =
        new WorkflowPrinter(
            style,
            true,
            wide,
            clock.instant(),
            ZoneId.systemDefault(),
            n -> pods.getOrDefault(n.id(), ""));
    out.print(printer.tree(workflow, shown));
    out.println();
    out.println(RunSummary.of(workflow, style, clock.instant()));
    out.flush();
  }
}
