package io.argo4j.cli.render;

import io.argo4j.engine.NodeTransition;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.local.RunListener;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Progress for a log or a pipe: one line per node that appears or changes phase, such as {@code
 * 11:00:03 hello-world-x7k2p.step(0:a) Succeeded}. Step groups and the like are left out.
 */
public final class PlainProgress implements RunListener {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final PrintWriter out;
  private final InstantSource clock;
  private final ZoneId zone;
  private String lastWorkflowPhase;

  public PlainProgress(PrintWriter out, InstantSource clock, ZoneId zone) {
    this.out = out;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public void onUpdate(Workflow workflow, List<NodeTransition> transitions) {
    String time = TIME.format(clock.instant().atZone(zone));
    String phase = WorkflowPrinter.statusText(workflow);
    boolean phaseChanged = !phase.equals(lastWorkflowPhase);
    lastWorkflowPhase = phase;
    // A workflow starts before its nodes and ends after them: keep the lines in that order.
    boolean ended =
        workflow.status() != null
            && workflow.status().phase() != null
            && workflow.status().phase().isCompleted();
    if (phaseChanged && !ended) {
      out.println(time + " " + workflow.metadata().getName() + " " + phase);
    }
    for (NodeTransition t : transitions) {
      if (!shown(t)) {
        continue;
      }
      String message = t.message() == null || t.message().isEmpty() ? "" : ": " + t.message();
      out.println(time + " " + t.nodeName() + " " + phaseName(t.to()) + message);
    }
    if (phaseChanged && ended) {
      out.println(time + " " + workflow.metadata().getName() + " " + phase);
    }
    out.flush();
  }

  static boolean shown(NodeTransition t) {
    return t.type() != NodeType.STEP_GROUP
        && t.type() != NodeType.TASK_GROUP
        && !(t.type() == NodeType.RETRY)
        && t.to() != NodePhase.OMITTED
        && !t.nodeId().equals(t.nodeName());
  }

  static String phaseName(NodePhase phase) {
    return phase == null ? "Pending" : phase.value();
  }
}
