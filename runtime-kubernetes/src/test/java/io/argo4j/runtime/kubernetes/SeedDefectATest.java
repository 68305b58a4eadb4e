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
 * Seed defect (a), upstream #12993/#13533: a pod deleted or lost while running must end its node
 * (Error "pod deleted"), never leave it Running, and retryStrategy OnError must retry it.
 */
class SeedDefectATest {
  private KubeTestBed bed;

  @BeforeEach
  void start() {
    bed = KubeTestBed.shared();
  }

  private static String sleeper(String name, String retry) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      templates:
        - name: main
          %s
          container: {image: busybox, command: [sleep, "30"]}
    """
        .formatted(name, retry);
  }

  @Test
  void podForceDeletedWhileRunningEndsTheNodeInErrorPodDeleted() {
    bed.kubelet.onNode("^a-force$", PodScript.succeed().with(Fault.RUN_FOREVER));
    String name = bed.submit(sleeper("a-force", ""));
    Pod pod = bed.awaitPod("^a-force$", "Running");

    bed.kubelet.forceDeletePod(pod.getMetadata().getName());

    Workflow wf = bed.awaitCompleted(name);
    assertThat(node(wf, "a-force").phase()).isEqualTo(NodePhase.ERROR);
    assertThat(node(wf, "a-force").message()).startsWith("pod deleted");
    assertThat(wf.status().phase()).isIn(WorkflowPhase.ERROR, WorkflowPhase.FAILED);
  }

  @Test
  void retryPolicyOnErrorRetriesADeletedPod() {
    bed.kubelet.onNode("^a-retry\\(0\\)$", PodScript.succeed().with(Fault.RUN_FOREVER));
    String name = bed.submit(sleeper("a-retry", "retryStrategy: {limit: 1, retryPolicy: OnError}"));
    Pod first = bed.awaitPod("^a-retry\\(0\\)$", "Running");

    bed.kubelet.forceDeletePod(first.getMetadata().getName());

    Workflow wf = bed.awaitCompleted(name);
    assertThat(wf.status().phase()).as(KubeTestBed.nodes(wf)).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(node(wf, "a-retry(0)").phase()).isEqualTo(NodePhase.ERROR);
    assertThat(node(wf, "a-retry(0)").message()).startsWith("pod deleted");
    assertThat(node(wf, "a-retry(1)").phase()).isEqualTo(NodePhase.SUCCEEDED);
  }

  @Test
  void gracefulDeletionIsCapturedThroughTheFinalizerThenReleased() {
    bed.kubelet.onNode("^a-graceful$", PodScript.succeed().with(Fault.RUN_FOREVER));
    String name = bed.submit(sleeper("a-graceful", ""));
    Pod pod = bed.awaitPod("^a-graceful$", "Running");

    bed.kubelet.deletePod(pod.getMetadata().getName());

    Workflow wf = bed.awaitCompleted(name);
    // deleted under it: infrastructure loss (Error, transient), its exit code still captured
    assertThat(node(wf, "a-graceful").phase()).isEqualTo(NodePhase.ERROR);
    assertThat(node(wf, "a-graceful").message()).isEqualTo("pod deleted");
    assertThat(node(wf, "a-graceful").outputs().exitCode()).isEqualTo("143");
    await("the pod goes once its status is captured")
        .atMost(KubeTestBed.WAIT)
        .until(() -> bed.podsOf(name).isEmpty());
  }

  @Test
  void nodeLossEndsTheNode() {
    bed.kubelet.onNode("^a-lost$", PodScript.succeed().with(Fault.RUN_FOREVER));
    String name = bed.submit(sleeper("a-lost", ""));
    Pod pod = bed.awaitPod("^a-lost$", "Running");

    bed.kubelet.loseNode(pod.getMetadata().getName());

    Workflow wf = bed.awaitCompleted(name);
    assertThat(node(wf, "a-lost").phase()).isIn(NodePhase.ERROR, NodePhase.FAILED);
    assertThat(wf.status().phase()).isIn(WorkflowPhase.ERROR, WorkflowPhase.FAILED);
  }
}
