package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.model.CompressedNodes;
import io.argo4j.model.NodePhase;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.PodScript;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed scenario 18 on the mock: with an 8 KiB MAX_WORKFLOW_SIZE, a status that only fits compressed
 * is stored as compressedNodes and the workflow runs on; one that does not fit fails at once with
 * its reason, no node left running and its pods stopped; an API server that refuses the write as
 * too large (413) fails the workflow the same way.
 */
class LargeStatusTest {
  static final long LIMIT = 8 * 1024;
  private static KubeTestBed bed;
  private static KubeTestBed refusing;
  private static final FaultyCluster FAULTS = new FaultyCluster();

  @BeforeAll
  static void start() {
    bed = new KubeTestBed().startController(KubeTestBed.fastConfig().withMaxWorkflowSize(LIMIT));
    refusing = new KubeTestBed().startController(KubeTestBed.fastConfig().withWorkers(1), FAULTS);
  }

  @AfterAll
  static void stop() {
    bed.close();
    refusing.close();
  }

  private static String fanOut(String name, int items) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < items; i++) {
      list.append(i == 0 ? "" : ", ").append(i);
    }
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      templates:
        - name: main
          dag:
            tasks:
              - name: long
                template: step
              - name: gen
                template: step
              - name: fan
                template: step
                depends: gen
                withItems: [%s]
        - name: step
          container:
            image: busybox
            command: [echo, hi]
    """
        .formatted(name, list);
  }

  @Test
  void aStatusThatOnlyFitsCompressedIsStoredCompressedAndTheWorkflowRunsOn() {
    bed.kubelet.defaultScript(PodScript.succeed());
    bed.submit(fanOut("small-fan", 30));
    Workflow raw = bed.awaitCompleted("small-fan");

    assertThat(raw.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(raw.status().nodes()).isNull();
    assertThat(raw.status().compressedNodes()).isNotEmpty();
    Workflow wf = CompressedNodes.hydrate(raw);
    assertThat(wf.status().nodes()).hasSize(1 + 2 + 1 + 30); // dag, long, gen, fan group, items
    assertThat(wf.status().nodes().values())
        .allSatisfy(n -> assertThat(n.phase()).isEqualTo(NodePhase.SUCCEEDED));
  }

  @Test
  void aStatusTooLargeEvenCompressedFailsFastAndStopsThePods() {
    bed.kubelet.onNode("huge-fan.long", PodScript.succeed().runningFor(Duration.ofMinutes(10)));
    bed.submit(fanOut("huge-fan", 400));
    bed.awaitPod("huge-fan.long", "Running");

    Workflow wf = CompressedNodes.hydrate(bed.awaitCompleted("huge-fan"));
    assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.ERROR);
    assertThat(wf.status().message())
        .contains("too large to store")
        .contains("limit of 8192 bytes (MAX_WORKFLOW_SIZE)");
    if (wf.status().nodes() != null) {
      assertThat(wf.status().nodes().values())
          .allSatisfy(n -> assertThat(n.phase().isFulfilled()).isTrue());
    }
    await("pods of huge-fan stopped")
        .atMost(KubeTestBed.WAIT)
        .untilAsserted(() -> assertThat(bed.podsOf("huge-fan")).noneMatch(LargeStatusTest::live));
    assertThat(bed.podsOf("huge-fan")).hasSizeLessThanOrEqualTo(2); // the fan-out never started
  }

  @Test
  void anApiServerRefusingTheWriteAsTooLargeFailsTheWorkflow() {
    FAULTS.inject("updateWorkflow", FaultyCluster.Kind.TOO_LARGE, 1);
    refusing.submit(fanOut("refused", 3));

    Workflow wf = refusing.awaitCompleted("refused");
    assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.ERROR);
    assertThat(wf.status().message()).contains("413 request entity too large");
    assertThat(FAULTS.injected("updateWorkflow")).isEqualTo(1);
    assertThat(refusing.podsOf("refused")).isEmpty();
  }

  private static boolean live(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return p.getMetadata().getDeletionTimestamp() == null
        && !"Succeeded".equals(phase)
        && !"Failed".equals(phase);
  }
}
