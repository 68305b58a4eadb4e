package io.argo4j.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.cli.Style;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Live progress folds a loop into one row and rewrites only the rows that changed. */
class LiveProgressTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private static NodeStatus pod(String id, String name, NodePhase phase, int second) {
    return NodeStatus.builder()
        .id(id)
        .name(name)
        .displayName(name.substring(name.lastIndexOf('.') + 1))
        .type(NodeType.POD)
        .phase(phase)
        .startedAt(T0.plusSeconds(second))
        .build();
  }

  private static Workflow workflow(NodePhase item2, NodePhase last) {
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    nodes.put("a", pod("a", "wf[0].process(0:0)", NodePhase.SUCCEEDED, 1));
    nodes.put("b", pod("b", "wf[0].process(1:1)", NodePhase.SUCCEEDED, 1));
    nodes.put("c", pod("c", "wf[0].process(2:2)", item2, 1));
    nodes.put("d", pod("d", "wf[1].report", last, 5));
    return new Workflow(
        null,
        null,
        new ObjectMetaBuilder().withName("wf").build(),
        null,
        WorkflowStatus.builder().phase(WorkflowPhase.RUNNING).nodes(nodes).build());
  }

  @Test
  void foldsLoopsAndRedrawsOnlyChangedRows() {
    StringWriter text = new StringWriter();
    LiveProgress progress =
        new LiveProgress(
            new PrintWriter(text), Style.PLAIN, InstantSource.fixed(T0.plusSeconds(9)), 100);

    progress.onUpdate(workflow(NodePhase.RUNNING, NodePhase.PENDING), List.of());
    String first = text.toString();
    text.getBuffer().setLength(0);
    progress.onUpdate(workflow(NodePhase.SUCCEEDED, NodePhase.PENDING), List.of());
    String second = text.toString();

    assertThat(first)
        .isEqualTo(
            "● wf Running\n" + "  ● process[0..2] 2/3 (1 running)\n" + "  ◷ report  Pending 4s\n");
    // one row changed: it is rewritten in place (2 rows up), the others are left alone
    assertThat(second).isEqualTo("\u001b[2A\r\u001b[2K  ✔ process[0..2] 3/3\u001b[2B\r");
  }
}
