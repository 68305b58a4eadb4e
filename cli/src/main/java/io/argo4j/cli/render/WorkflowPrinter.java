package io.argo4j.cli.render;

import io.argo4j.cli.Style;
import io.argo4j.model.Artifact;
import io.argo4j.model.Condition;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Parameter;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Prints a workflow as {@code argo get} does: a header block of {@code Label: value} lines, then
 * the node tree with columns STEP, TEMPLATE, PODNAME, DURATION and MESSAGE ({@code wide} adds
 * ARTIFACTS, RESOURCESDURATION and NODENAME).
 *
 * @param style colours
 * @param utf8 status glyphs, or words with {@code --no-utf8}
 * @param wide the {@code -o wide} columns
 * @param now the time durations of running nodes run to
 * @param zone the time zone of timestamps
 * @param podNames the pod name of a pod node
 */
public record WorkflowPrinter(
    Style style,
    boolean utf8,
    boolean wide,
    Instant now,
    ZoneId zone,
    Function<NodeStatus, String> podNames) {

  private static final String FORMAT = "%-20s %s%n";

  /** The header and the tree, nodes filtered by {@code shown}. */
  public String print(Workflow workflow, Predicate<NodeStatus> shown) {
    return header(workflow) + tree(workflow, shown);
  }

  /** The header block. */
  public String header(Workflow workflow) {
    StringBuilder sb = new StringBuilder();
    WorkflowSpec spec = workflow.spec();
    WorkflowStatus status = workflow.status();
    line(sb, "Name:", workflow.metadata().getName());
    line(sb, "Namespace:", workflow.metadata().getNamespace());
    String sa = spec == null ? null : spec.serviceAccountName();
    line(
        sb,
        "ServiceAccount:",
        sa != null && !sa.isEmpty()
            ? sa
            : spec != null && spec.workflowTemplateRef() != null
                ? "unset"
                : "unset (will run with the default ServiceAccount)");
    line(sb, "Status:", statusText(workflow));
    if (status != null && status.message() != null && !status.message().isEmpty()) {
      line(sb, "Message:", status.message());
    }
    if (status != null && status.conditions() != null && !status.conditions().isEmpty()) {
      line(sb, "Conditions:", "");
      for (Condition c : status.conditions()) {
        line(sb, " " + c.type(), c.status());
      }
    }
    String created = workflow.metadata().getCreationTimestamp();
    if (created != null && !created.isEmpty()) {
      line(sb, "Created:", Humanize.timestamp(Instant.parse(created), now, zone));
    }
    if (status != null && status.startedAt() != null) {
      line(sb, "Started:", Humanize.timestamp(status.startedAt(), now, zone));
    }
    if (status != null && status.finishedAt() != null) {
      line(sb, "Finished:", Humanize.timestamp(status.finishedAt(), now, zone));
    }
    if (status != null && status.startedAt() != null) {
      Instant end = status.finishedAt() == null ? now : status.finishedAt();
      line(sb, "Duration:", Humanize.longDuration(Duration.between(status.startedAt(), end)));
    }
    line(sb, "Progress:", status == null || status.progress() == null ? "" : status.progress());
    if (spec != null && spec.arguments() != null && spec.arguments().parameters() != null) {
      List<Parameter> params =
          spec.arguments().parameters().stream().filter(p -> p.value() != null).toList();
      if (!params.isEmpty()) {
        line(sb, "Parameters:", "");
        params.forEach(p -> line(sb, "  " + p.name() + ":", p.value()));
      }
    }
    if (status != null && status.outputs() != null && status.outputs().parameters() != null) {
      List<Parameter> params =
          status.outputs().parameters().stream().filter(p -> p.value() != null).toList();
      if (!params.isEmpty()) {
        line(sb, "Output Parameters:", "");
        params.forEach(p -> line(sb, "  " + p.name() + ":", p.value()));
      }
    }
    return sb.toString();
  }

  /** The phase, with what is under way when a shutdown was asked for. */
  public static String statusText(Workflow workflow) {
    WorkflowStatus status = workflow.status();
    String phase =
        status == null || status.phase() == null || status.phase().value().isEmpty()
            ? "Pending"
            : status.phase().value();
    String shutdown = workflow.spec() == null ? null : workflow.spec().shutdown();
    if (shutdown != null
        && !shutdown.isEmpty()
        && (status == null || status.phase() == null || !status.phase().isCompleted())) {
      return phase + " (" + (shutdown.equals("Stop") ? "Stopping" : "Terminating") + ")";
    }
    return phase;
  }

  /** The node tree as a table, preceded by an empty line; empty when there are no nodes. */
  public String tree(Workflow workflow, Predicate<NodeStatus> shown) {
    List<WorkflowTree.Row> rows = WorkflowTree.rows(workflow, shown, utf8);
    if (rows.isEmpty()) {
      return "";
    }
    Glyphs glyphs = new Glyphs(style, utf8);
    TextTable table = new TextTable();
    if (wide) {
      table.row(
          "STEP",
          "TEMPLATE",
          "PODNAME",
          "DURATION",
          "ARTIFACTS",
          "MESSAGE",
          "RESOURCESDURATION",
          "NODENAME");
    } else {
      table.row("STEP", "TEMPLATE", "PODNAME", "DURATION", "MESSAGE");
    }
    for (WorkflowTree.Row row : rows) {
      if (row.node() == null) {
        table.row("", "", "", "", "", "");
        continue;
      }
      NodeStatus n = row.node();
      String step = row.prefix() + glyphs.of(n) + " " + n.displayName();
      String template =
          n.templateRef() != null
              ? n.templateRef().name() + "/" + n.templateRef().template()
              : n.templateName() == null ? "" : n.templateName();
      boolean pod = n.type() == NodeType.POD;
      String podName = pod ? podNames.apply(n) : "";
      String duration = pod ? Humanize.shortDuration(n.startedAt(), n.finishedAt(), now) : "";
      String message = n.message() == null ? "" : n.message();
      if (wide) {
        table.row(
            step,
            template,
            podName,
            duration,
            artifacts(n),
            message,
            resources(n.resourcesDuration()),
            pod && n.hostNodeName() != null ? n.hostNodeName() : "");
      } else {
        table.row(step, template, podName, duration, message);
      }
    }
    return System.lineSeparator() + table.render();
  }

  private static String artifacts(NodeStatus n) {
    if (n.outputs() == null || n.outputs().artifacts() == null) {
      return "";
    }
    return n.outputs().artifacts().stream().map(Artifact::name).collect(Collectors.joining(","));
  }

  private static String resources(Map<String, Long> durations) {
    if (durations == null || durations.isEmpty()) {
      return "";
    }
    return durations.entrySet().stream()
        .map(e -> e.getValue() + "s*(" + e.getKey() + ")")
        .collect(Collectors.joining(","));
  }

  private static void line(StringBuilder sb, String label, String value) {
    sb.append(String.format(FORMAT, label, value == null ? "" : value).stripTrailing());
    sb.append(System.lineSeparator());
  }
}
