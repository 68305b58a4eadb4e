package io.argo4j.cli.render;

import io.argo4j.cli.Style;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The line {@code argo4j run} ends with: {@code hello-x7k2p Succeeded in 5s: 3 steps, 3 succeeded},
 * and the workflow's message when it did not succeed.
 */
public final class RunSummary {

  private RunSummary() {}

  public static String of(Workflow workflow, Style style, Instant now) {
    WorkflowStatus status = workflow.status();
    WorkflowPhase phase = status == null ? null : status.phase();
    String phaseText = phase == null || phase.value().isEmpty() ? "Pending" : phase.value();
    Map<NodePhase, Integer> counts = new EnumMap<>(NodePhase.class);
    int steps = 0;
    if (status != null && status.nodes() != null) {
      for (NodeStatus n : status.nodes().values()) {
        if (n.type() == NodeType.POD || n.type() == NodeType.SUSPEND) {
          steps++;
          if (n.phase() != null) {
            counts.merge(n.phase(), 1, Integer::sum);
          }
        }
      }
    }
    StringJoiner detail = new StringJoiner(", ");
    detail.add(steps + (steps == 1 ? " step" : " steps"));
    counts.forEach((p, c) -> detail.add(c + " " + p.value().toLowerCase(java.util.Locale.ROOT)));
    String duration =
        status == null ? "" : Humanize.shortDuration(status.startedAt(), status.finishedAt(), now);
    StringBuilder sb = new StringBuilder();
    String coloured =
        phase == WorkflowPhase.SUCCEEDED ? style.green(phaseText) : style.red(phaseText);
    sb.append(workflow.metadata().getName()).append(' ').append(style.bold(coloured));
    if (!duration.isEmpty()) {
      sb.append(" in ").append(duration);
    }
    sb.append(": ").append(detail);
    if (phase != WorkflowPhase.SUCCEEDED
        && status != null
        && status.message() != null
        && !status.message().isEmpty()) {
      sb.append(" (").append(status.message()).append(')');
    }
    return sb.toString();
  }
}
