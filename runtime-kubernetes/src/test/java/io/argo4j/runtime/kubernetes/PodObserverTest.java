package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.model.Outputs;
import io.argo4j.model.WorkflowTaskResult;
import io.argo4j.runtime.kubernetes.internal.PodObserver;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodObserverTest {

  private static Pod pod(String nodeId, String phase, boolean deleting) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p-" + nodeId)
        .withAnnotations(Map.of("workflows.argoproj.io/node-id", nodeId))
        .withDeletionTimestamp(deleting ? "2030-01-01T00:01:00Z" : null)
        .endMetadata()
        .withNewSpec()
        .withNodeName("n1")
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .withReason(phase.equals("Failed") ? "Evicted" : null)
        .withStartTime("2030-01-01T00:00:00Z")
        .withPodIP("10.0.0.7")
        .addNewInitContainerStatus()
        .withName("init")
        .withNewState()
        .withNewTerminated()
        .withExitCode(0)
        .withFinishedAt("2030-01-01T00:00:01Z")
        .endTerminated()
        .endState()
        .endInitContainerStatus()
        .addNewContainerStatus()
        .withName("main")
        .withNewState()
        .withNewTerminated()
        .withExitCode(137)
        .withReason("OOMKilled")
        .withFinishedAt("2030-01-01T00:00:09Z")
        .endTerminated()
        .endState()
        .endContainerStatus()
        .addNewContainerStatus()
        .withName("wait")
        .withReady(true)
        .withNewState()
        .withNewRunning()
        .endRunning()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }

  private static WorkflowTaskResult result(String nodeId, String completed) {
    return WorkflowTaskResult.builder()
        .metadata(
            new ObjectMetaBuilder()
                .withName(nodeId)
                .withLabels(Map.of("workflows.argoproj.io/report-outputs-completed", completed))
                .build())
        .outputs(Outputs.builder().result("partial").build())
        .build();
  }

  @Test
  void podsAndTaskResultsBecomeObservationsByNodeId() {
    Map<String, PodObservation> obs =
        PodObserver.observe(
            List.of(pod("a", "Failed", true), pod("b", "Running", false)),
            List.of(result("a", "false"), result("other", "true")));

    PodObservation a = obs.get("a");
    assertThat(a.phase()).isEqualTo(PodPhase.FAILED);
    assertThat(a.reason()).isEqualTo("Evicted");
    assertThat(a.deleting()).isTrue();
    assertThat(a.startedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(a.finishedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:09Z"));
    assertThat(a.hostNodeName()).isEqualTo("n1");
    assertThat(a.podIp()).isEqualTo("10.0.0.7");
    assertThat(a.container("main").orElseThrow())
        .satisfies(c -> {
          assertThat(c.state()).isEqualTo(ContainerObservation.State.TERMINATED);
          assertThat(c.exitCode()).isEqualTo(137);
          assertThat(c.reason()).isEqualTo("OOMKilled");
        });
    assertThat(a.container("wait").orElseThrow().state())
        .isEqualTo(ContainerObservation.State.RUNNING);
    assertThat(a.outputs().complete()).isFalse();
    assertThat(a.outputs().outputs().result()).isEqualTo("partial");

    PodObservation b = obs.get("b");
    assertThat(b.finishedAt()).as("a running pod has not finished").isNull();
    assertThat(b.outputs()).as("no task result yet").isNull();
  }

  @Test
  void podsWithoutNodeIdAreIgnored() {
    Pod stray = new PodBuilder().withNewMetadata().withName("stray").endMetadata().build();
    assertThat(PodObserver.observe(List.of(stray), List.of())).isEmpty();
  }
}
