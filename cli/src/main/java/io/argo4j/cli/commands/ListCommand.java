package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.cli.render.Humanize;
import io.argo4j.cli.render.TextTable;
import io.argo4j.cli.render.WorkflowPrinter;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestWriter;
import io.argo4j.store.InvalidQueryException;
import io.argo4j.store.LabelSelector;
import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowKind;
import io.argo4j.store.WorkflowPhase;
import io.argo4j.store.WorkflowQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code argo4j list}: as {@code argo list}, for the workflows of the local runtime. */
@Command(name = "list", description = "List workflows.")
public final class ListCommand extends BaseCommand {
  @Option(
      names = {"-A", "--all-namespaces"},
      description = "List workflows of every namespace.")
  private boolean allNamespaces;

  @Option(names = "--running", description = "Only running workflows.")
  private boolean running;

  @Option(names = "--completed", description = "Only completed workflows.")
  private boolean completed;

  @Option(
      names = "--status",
      paramLabel = "PHASE",
      split = ",",
      description = "Only workflows in these phases: Pending, Running, Succeeded, Failed, Error.")
  private List<String> status;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "Only workflows newer than this, such as 1h or 2d.")
  private String since;

  @Option(
      names = "--older",
      paramLabel = "DURATION",
      description = "Only completed workflows finished before this, such as 1h or 2d.")
  private String older;

  @Option(
      names = "--prefix",
      paramLabel = "PREFIX",
      description = "Only workflows whose name starts with this.")
  private String prefix;

  @Option(names = "--resubmitted", description = "Only resubmitted workflows.")
  private boolean resubmitted;

  @Mixin private SelectorOptions selectors;

  @Option(
      names = "--chunk-size",
      paramLabel = "N",
      description = "Fetch workflows in pages of this size (0: all at once).")
  private long chunkSize;

  @Option(names = "--no-headers", description = "No column headers.")
  private boolean noHeaders;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Output format: name, json, yaml or wide.")
  private String output;

  @Mixin private StateDirOption state;

  @Override
  public Integer call() throws Exception {
    String format = OutputFormats.check(output, "name", "json", "yaml", "wide");
    Instant now = Instant.now();
    WorkflowQuery query = query(now);
    try (LocalSession session = LocalSession.open(state.stateDir)) {
      session.resumeInBackground(err());
      List<StoredWorkflow> found = session.runtime().listAll(query);
      if (resubmitted) {
        found =
            found.stream()
                .filter(
                    w -> w.labels().containsKey("workflows.argoproj.io/resubmitted-from-workflow"))
                .toList();
      }
      List<Workflow> items = found.stream().map(LocalSession::workflow).toList();
      switch (format) {
        case "name" -> items.forEach(w -> out().println(w.metadata().getName()));
        case "json" -> out().print(ManifestWriter.create().toJson(items));
        case "yaml" -> out().print(ManifestWriter.create().toYaml(items));
        default -> out().print(table(items, format.equals("wide"), now));
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  private WorkflowQuery query(Instant now) throws CliException {
    WorkflowQuery q =
        allNamespaces
            ? WorkflowQuery.inAllNamespaces(WorkflowKind.WORKFLOW)
            : WorkflowQuery.of(WorkflowKind.WORKFLOW, namespace());
    if (running && completed) {
      throw new CliException(ExitCodes.USAGE, "give --running or --completed, not both");
    }
    if (running) {
      q = q.withCompletion(WorkflowQuery.Completion.RUNNING);
    }
    if (completed || older != null) {
      q = q.withCompletion(WorkflowQuery.Completion.COMPLETED);
    }
    if (status != null && !status.isEmpty()) {
      Set<WorkflowPhase> phases = EnumSet.noneOf(WorkflowPhase.class);
      for (String s : status) {
        phases.add(
            WorkflowPhase.fromArgoName(s.trim())
                .orElseThrow(() ->
                    new CliException(
                        ExitCodes.USAGE,
                        "--status "
                            + s
                            + ": not a phase; use Pending, Running, Succeeded, Failed or"
                            + " Error")));
      }
      q = q.withPhases(phases);
    }
    if (since != null) {
      q = q.withCreatedAfter(now.minus(DurationFlags.parse("--since", since)));
    }
    if (older != null) {
      q = q.withFinishedBefore(now.minus(DurationFlags.parse("--older", older)));
    }
    if (prefix != null) {
      q = q.withNamePrefix(prefix);
    }
    if (selectors.fieldSelector != null) {
      throw new CliException(
          ExitCodes.USAGE, "--field-selector is not supported by argo4j list yet; use --prefix");
    }
    if (selectors.selector != null) {
      try {
        q = q.withLabelSelector(LabelSelector.parse(selectors.selector));
      } catch (InvalidQueryException e) {
        throw new CliException(ExitCodes.USAGE, "--selector: " + e.getMessage());
      }
    }
    return q;
  }

  private String table(List<Workflow> items, boolean wide, Instant now) {
    TextTable table = new TextTable();
    if (!noHeaders) {
      if (wide) {
        table.row(
            "NAME", "STATUS", "AGE", "DURATION", "PRIORITY", "MESSAGE", "P/R/C", "PARAMETERS");
      } else {
        table.row("NAME", "STATUS", "AGE", "DURATION", "PRIORITY", "MESSAGE");
      }
    }
    for (Workflow w : items) {
      var status = w.status();
      String created = w.metadata().getCreationTimestamp();
      String age =
          created == null
              ? ""
              : Humanize.shortDuration(Duration.between(Instant.parse(created), now));
      String duration =
          status == null
              ? ""
              : Humanize.shortDuration(status.startedAt(), status.finishedAt(), now);
      String priority =
          w.spec() != null && w.spec().priority() != null ? w.spec().priority().toString() : "0";
      String message = status == null || status.message() == null ? "" : status.message();
      if (wide) {
        table.row(
            w.metadata().getName(),
            WorkflowPrinter.statusText(w),
            age,
            duration,
            priority,
            message,
            podCounts(w),
            parameters(w));
      } else {
        table.row(
            w.metadata().getName(),
            WorkflowPrinter.statusText(w),
            age,
            duration,
            priority,
            message);
      }
    }
    return table.render();
  }

  private static String podCounts(Workflow w) {
    if (w.status() == null || w.status().nodes() == null) {
      return "0/0/0";
    }
    int pending = 0;
    int running = 0;
    int done = 0;
    for (var n : w.status().nodes().values()) {
      if (n.type() != io.argo4j.model.NodeType.POD || n.phase() == null) {
        continue;
      }
      switch (n.phase()) {
        case PENDING -> pending++;
        case RUNNING -> running++;
        default -> done++;
      }
    }
    return pending + "/" + running + "/" + done;
  }

  private static String parameters(Workflow w) {
    if (w.spec() == null
        || w.spec().arguments() == null
        || w.spec().arguments().parameters() == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (var p : w.spec().arguments().parameters()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(p.name()).append('=').append(p.value() == null ? "" : p.value());
    }
    return sb.toString();
  }
}
