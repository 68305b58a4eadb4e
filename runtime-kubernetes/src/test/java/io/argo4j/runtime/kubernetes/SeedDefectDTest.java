package io.argo4j.runtime.kubernetes;

import static io.argo4j.runtime.kubernetes.KubeTestBed.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.model.NodePhase;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.Fault;
import io.argo4j.testkit.kube.PodScript;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed defect (d) and its relatives: whatever the pod or the executor does, the node ends within a
 * bound: the executor never reports, the pod is evicted, OOM-killed, or its image never pulls.
 */
class SeedDefectDTest {
  private KubeTestBed bed;

  @BeforeEach
  void start() {
    bed = KubeTestBed.shared();
  }

  private static String single(String name, String extra) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      %s
      templates:
        - name: main
          container: {image: busybox, command: [echo, hi]}
    """
        .formatted(name, extra);
  }

  @Test
  void executorThatNeverReportsDoesNotHoldTheWorkflowPastTheTaskResultTimeout() {
    bed.kubelet.onNode("^d-silent$", PodScript.succeed().with(Fault.EXECUTOR_NEVER_REPORTS));
    String name = bed.submit(single("d-silent", ""));

    Workflow wf = bed.awaitCompleted(name);

    assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(node(wf, "d-silent").taskResultSynced()).isNotEqualTo(Boolean.FALSE);
    await().atMost(KubeTestBed.WAIT).until(() -> bed.taskResultsOf(name).isEmpty());
  }

  @Test
  void evictedPodEndsItsNode() {
    bed.kubelet.onNode("^d-evict$", PodScript.succeed().with(Fault.RUN_FOREVER));
    String name = bed.submit(single("d-evict", ""));
    Pod pod = bed.awaitPod("^d-evict$", "Running");

    bed.kubelet.evict(pod.getMetadata().getName());

    Workflow wf = bed.awaitCompleted(name);
    assertThat(node(wf, "d-evict").phase()).isIn(NodePhase.FAILED, NodePhase.ERROR);
    assertThat(node(wf, "d-evict").message()).contains("low on resource");
  }

  @Test
  void oomKilledMainFailsTheNodeWithTheReason() {
    bed.kubelet.onNode("^d-oom$", PodScript.succeed().with(Fault.OOM_KILL));
    String name = bed.submit(single("d-oom", ""));

    Workflow wf = bed.awaitCompleted(name);

    assertThat(node(wf, "d-oom").phase()).isIn(NodePhase.FAILED, NodePhase.ERROR);
    assertThat(node(wf, "d-oom").message()).contains("OOMKilled");
  }

  @Test
  void imageThatNeverPullsEndsAtTheWorkflowDeadline() {
    bed.kubelet.onNode("^d-pull$", PodScript.succeed().with(Fault.IMAGE_PULL_FAILURE));
    String name = bed.submit(single("d-pull", "activeDeadlineSeconds: 3"));

    Workflow wf = bed.awaitCompleted(name);

    assertThat(wf.status().phase()).isIn(WorkflowPhase.FAILED, WorkflowPhase.ERROR);
    assertThat(wf.status().nodes().values()).noneMatch(n -> n.phase() == NodePhase.RUNNING);
  }
}
