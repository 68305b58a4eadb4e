package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.model.NodePhase;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.Fault;
import io.argo4j.testkit.kube.PodScript;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

/**
 * Seed defect (c), upstream #13011: stopping a pod must never hold a worker. The controller signals
 * through an annotation (no pods/exec); an executor that ignores it is killed by deleting the pod
 * after the grace period; an API call that hangs is abandoned at its deadline.
 */
class SeedDefectCTest {

  private static String sleeper(String name) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      templates:
        - name: main
          container: {image: busybox, command: [sleep, "600"]}
    """
        .formatted(name);
  }

  @Test
  void ignoredStopSignalIsEscalatedToPodDeletion() {
    KubeTestBed bed = KubeTestBed.shared();
    bed.kubelet.onNode(
        "^c-hung$", PodScript.succeed().with(Fault.RUN_FOREVER).with(Fault.HUNG_SIGNAL));
    String name = bed.submit(sleeper("c-hung"));
    Pod pod = bed.awaitPod("^c-hung$", "Running");

    bed.shutdown(name, "Terminate");

    await("the stop request is written on the pod")
        .atMost(KubeTestBed.WAIT)
        .until(() ->
            bed.podsOf(name).isEmpty()
                || bed.podsOf(name)
                    .get(0)
                    .getMetadata()
                    .getAnnotations()
                    .containsKey("workflows.argoproj.io/execution"));
    Workflow wf = bed.awaitCompleted(name);
    assertThat(wf.status().phase()).isIn(WorkflowPhase.FAILED, WorkflowPhase.ERROR);
    assertThat(wf.status().nodes().values()).noneMatch(n -> n.phase() == NodePhase.RUNNING);
    await("the pod that ignored the signal was deleted")
        .atMost(KubeTestBed.WAIT)
        .until(() -> bed.kubelet.deletedPods().contains(pod.getMetadata().getName()));
  }

  @Test
  void hungApiCallDoesNotBlockTheOnlyWorker() {
    KubeTestBed bed = KubeTestBed.faulty();
    FaultyCluster faults = KubeTestBed.FAULTS;
    bed.kubelet.onNode("^c-api$", PodScript.succeed().with(Fault.RUN_FOREVER));
    String stuck = bed.submit(sleeper("c-api"));
    bed.awaitPod("^c-api$", "Running");
    // the controller's stop requests hang, as a pods/exec stream did upstream
    faults.inject("annotatePod", FaultyCluster.Kind.HANG, 100);

    bed.shutdown(stuck, "Terminate");
    String other = bed.submit(sleeper("c-other").replace("sleep, \"600\"", "echo, hi"));

    assertThat(bed.awaitCompleted(other).status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    // the signal never got through: the pod was killed by deletion after the grace period
    Workflow wf = bed.awaitCompleted(stuck);
    assertThat(wf.status().phase()).isIn(WorkflowPhase.FAILED, WorkflowPhase.ERROR);
    assertThat(bed.kubelet.deletedPods()).contains("c-api");
    assertThat(faults.injected("annotatePod")).isPositive();
    faults.inject("annotatePod", FaultyCluster.Kind.HANG, 0);
  }
}
