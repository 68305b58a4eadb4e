package io.argo4j.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.engine.NodeTransition;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One line per event, in the order things happened: the workflow starts first and ends last. */
class PlainProgressTest {

  private static Workflow workflow(WorkflowPhase phase) {
    return new Workflow(
        null,
        null,
        new ObjectMetaBuilder().withName("wf").build(),
        null,
        WorkflowStatus.builder().phase(phase).build());
  }

  private static NodeTransition pod(String name, NodePhase from, NodePhase to) {
    return new NodeTransition("wf-1", name, name, NodeType.POD, from, to, null);
  }

  @Test
  void theWorkflowLineComesBeforeItsNodesWhenItStartsAndAfterThemWhenItEnds() {
    StringWriter text = new StringWriter();
    PlainProgress progress =
        new PlainProgress(
            new PrintWriter(text),
            InstantSource.fixed(Instant.parse("2026-01-01T10:00:00Z")),
            ZoneOffset.UTC);

    progress.onUpdate(
        workflow(WorkflowPhase.RUNNING), List.of(pod("wf.a", null, NodePhase.RUNNING)));
    progress.onUpdate(
        workflow(WorkflowPhase.SUCCEEDED),
        List.of(pod("wf.a", NodePhase.RUNNING, NodePhase.SUCCEEDED)));

    assertThat(text.toString())
        .isEqualTo(
            "10:00:00 wf Running\n"
                + "10:00:00 wf.a Running\n"
                + "10:00:00 wf.a Succeeded\n"
                + "10:00:00 wf Succeeded\n");
  }
}
