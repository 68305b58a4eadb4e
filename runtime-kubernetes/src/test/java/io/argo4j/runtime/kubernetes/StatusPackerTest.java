package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argo4j.model.CompressedNodes;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowStatus;
import io.argo4j.runtime.kubernetes.internal.StatusPacker;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seed scenario 18 (invariant I11): a large status is compressed, a hopeless one fails fast. */
class StatusPackerTest {
  static final long MIB = 1024 * 1024;
  static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

  /** A fan-out of {@code n} pod nodes under one DAG node, with Argo-like hashed node ids. */
  static Workflow fanOut(int n, long seed) {
    Random random = new Random(seed);
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    List<String> children = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "big-" + (1_000_000_000L + (random.nextLong() & 0x7fffffffL));
      children.add(id);
      nodes.put(
          id,
          NodeStatus.builder()
              .id(id)
              .name("big.process(" + i + ":shard-" + i + ")")
              .displayName("process(" + i + ":shard-" + i + ")")
              .type(NodeType.POD)
              .templateName("process")
              .boundaryID("big")
              .phase(i % 2 == 0 ? NodePhase.RUNNING : NodePhase.SUCCEEDED)
              .startedAt(T.plusSeconds(i % 600))
              .build());
    }
    nodes.put(
        "big",
        NodeStatus.builder()
            .id("big")
            .name("big")
            .displayName("big")
            .type(NodeType.DAG)
            .phase(NodePhase.RUNNING)
            .startedAt(T)
            .children(children)
            .build());
    return Workflow.of(
            new ObjectMetaBuilder()
                .withName("big")
                .withNamespace("argo")
                .withLabels(Map.of("workflows.argoproj.io/completed", "false"))
                .build(),
            null)
        .withStatus(
            WorkflowStatus.builder()
                .phase(WorkflowPhase.RUNNING)
                .startedAt(T)
                .nodes(nodes)
                .build());
  }

  @Test
  void aTwentyThousandNodeStatusIsStoredCompressedAndReadBackWhole() {
    Workflow wf = fanOut(20_000, 1);
    assertThat(StatusPacker.size(wf)).isGreaterThan(MIB);

    Workflow packed = new StatusPacker(MIB).pack(wf);

    assertThat(packed.status().nodes()).isNull();
    assertThat(packed.status().compressedNodes()).isNotEmpty();
    assertThat(StatusPacker.size(packed)).isLessThanOrEqualTo(MIB);
    assertThat(CompressedNodes.hydrate(packed)).isEqualTo(wf);
  }

  @Test
  void aWorkflowThatFitsIsWrittenAsItIs() {
    Workflow wf = fanOut(100, 2);
    assertThat(new StatusPacker(MIB).pack(wf)).isSameAs(wf);
  }

  @Test
  void aHopelesslyLargeStatusFailsWithItsSizesAndNoNodeLeftRunning() {
    Workflow wf = fanOut(20_000, 3);
    StatusPacker packer = new StatusPacker(64 * 1024);

    assertThatThrownBy(() -> packer.pack(wf))
        .isInstanceOf(StatusPacker.TooLarge.class)
        .hasMessageContaining("too large to store")
        .hasMessageContaining("20001 nodes")
        .hasMessageContaining("limit of 65536 bytes (MAX_WORKFLOW_SIZE)");

    Workflow failed = packer.failed(wf, "too large", T.plusSeconds(900));
    assertThat(failed.status().phase()).isEqualTo(WorkflowPhase.ERROR);
    assertThat(failed.status().finishedAt()).isEqualTo(T.plusSeconds(900));
    assertThat(failed.metadata().getLabels())
        .containsEntry("workflows.argoproj.io/completed", "true")
        .containsEntry("workflows.argoproj.io/phase", "Error");
    // even compressed the nodes do not fit: they are left out, and the message says so
    assertThat(failed.status().nodes()).isNull();
    assertThat(failed.status().compressedNodes()).isNull();
    assertThat(failed.status().message()).contains("too large").contains("node status left out");
    assertThat(StatusPacker.size(failed)).isLessThanOrEqualTo(64 * 1024);
  }

  @Test
  void aFailedWorkflowKeepsItsNodesWhenTheyFitWithNoneLeftRunning() {
    Workflow wf = fanOut(50, 4);
    Workflow failed = new StatusPacker(MIB).failed(wf, "refused by the API server", T);
    assertThat(failed.status().nodes()).hasSize(51);
    assertThat(failed.status().nodes().values())
        .allSatisfy(n -> assertThat(n.phase().isFulfilled()).isTrue());
    assertThat(failed.status().nodes().get("big").message()).isEqualTo("refused by the API server");
  }
}
