package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeIdsTest {

  @Test
  void fnvMatchesGoReferenceValues() {
    // Reference values of Go's hash/fnv New32a.
    assertThat(Integer.toUnsignedString(NodeIds.fnv32a(""))).isEqualTo("2166136261");
    assertThat(Integer.toHexString(NodeIds.fnv32a("a"))).isEqualTo("e40c292c");
    assertThat(Integer.toHexString(NodeIds.fnv32a("foobar"))).isEqualTo("bf9cf968");
  }

  @Test
  void rootNodeIdIsTheWorkflowName() {
    assertThat(NodeIds.nodeId("hello", "hello")).isEqualTo("hello");
    assertThat(NodeIds.podName("hello", "hello", "main")).isEqualTo("hello");
  }

  @Test
  void childIdsAndPodNamesHashTheNodeName() {
    String id = NodeIds.nodeId("wf", "wf[0].a");
    assertThat(id).startsWith("wf-").matches("wf-\\d+");
    String pod = NodeIds.podName("wf", "wf[0].a", "whalesay");
    assertThat(pod).isEqualTo("wf-whalesay-" + id.substring(3));
  }

  @Test
  void longPrefixesAreCutToFitKubernetesNames() {
    String pod = NodeIds.podName("w".repeat(300), "n", "t");
    assertThat(pod.length()).isLessThanOrEqualTo(253);
  }
}
