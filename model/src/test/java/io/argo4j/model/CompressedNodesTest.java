package io.argo4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CompressedNodesTest {

  static Map<String, NodeStatus> nodes(int n) {
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    Instant t = Instant.parse("2026-11-23T10:00:00Z");
    for (int i = 0; i < n; i++) {
      String id = "wf-" + (1_000_000_000L + i * 7919L);
      nodes.put(
          id,
          NodeStatus.builder()
              .id(id)
              .name("wf[0].step(" + i + ":item-" + i + ")")
              .displayName("step(" + i + ":item-" + i + ")")
              .type(NodeType.POD)
              .templateName("step")
              .phase(i % 3 == 0 ? NodePhase.RUNNING : NodePhase.SUCCEEDED)
              .startedAt(t.plusSeconds(i))
              .children(List.of())
              .build());
    }
    return nodes;
  }

  @Test
  void roundTripGivesTheSameNodes() {
    Map<String, NodeStatus> nodes = nodes(500);
    String compressed = CompressedNodes.encode(nodes);
    assertThat(CompressedNodes.decode(compressed)).isEqualTo(nodes);
  }

  @Test
  void readsWhatArgoWrites() throws IOException {
    // Argo: gzip of the JSON node map, then standard base64
    String json =
        "{\"wf\":{\"id\":\"wf\",\"name\":\"wf\",\"displayName\":\"wf\",\"type\":\"Pod\","
            + "\"phase\":\"Succeeded\",\"startedAt\":\"2026-11-23T10:00:00Z\"}}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(json.getBytes(StandardCharsets.UTF_8));
    }
    Map<String, NodeStatus> nodes =
        CompressedNodes.decode(Base64.getEncoder().encodeToString(out.toByteArray()));
    assertThat(nodes.get("wf").phase()).isEqualTo(NodePhase.SUCCEEDED);
    assertThat(nodes.get("wf").type()).isEqualTo(NodeType.POD);
  }

  @Test
  void hydrateAndDehydrateMoveTheNodesBetweenTheTwoFields() {
    Workflow wf =
        Workflow.of(new ObjectMetaBuilder().withName("wf").build(), null)
            .withStatus(
                WorkflowStatus.builder().phase(WorkflowPhase.RUNNING).nodes(nodes(20)).build());
    Workflow dry = CompressedNodes.dehydrate(wf);
    assertThat(dry.status().nodes()).isNull();
    assertThat(dry.status().compressedNodes()).isNotEmpty();
    Workflow wet = CompressedNodes.hydrate(dry);
    assertThat(wet.status().compressedNodes()).isNull();
    assertThat(wet).isEqualTo(wf);
    assertThat(CompressedNodes.hydrate(wf)).isSameAs(wf);
  }

  @Test
  void badInputSaysWhatIsWrong() {
    assertThatThrownBy(() -> CompressedNodes.decode("not base64!"))
        .hasMessageContaining("not base64");
    assertThatThrownBy(() ->
            CompressedNodes.decode(
                Base64.getEncoder().encodeToString("plain".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("not gzip");
    assertThatThrownBy(() -> CompressedNodes.decode(gzipBase64("[1,2]")))
        .hasMessageContaining("does not hold a node map");
  }

  private static String gzipBase64(String s) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(s.getBytes(StandardCharsets.UTF_8));
      }
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
