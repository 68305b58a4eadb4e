package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.testkit.kube.Fault;
import io.argo4j.testkit.kube.PodScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No pod or task result keeps a finalizer once its workflow is gone. */
class FinalizerTest {
  private KubeTestBed bed;

  @BeforeEach
  void start() {
    bed = KubeTestBed.shared();
  }

  @Test
  void deletingARunningWorkflowReleasesEveryPodAndTaskResult() {
    bed.kubelet.onNode("^fin-del\\.", PodScript.succeed().with(Fault.RUN_FOREVER));
    String name =
        bed.submit(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: fin-del
            spec:
              entrypoint: main
              templates:
                - name: main
                  dag:
                    tasks:
                      - {name: one, template: sleep}
                      - {name: two, template: sleep}
                - name: sleep
                  container: {image: busybox, command: [sleep, "600"]}
            """);
    bed.awaitPod("^fin-del\\.one$", "Running");
    bed.awaitPod("^fin-del\\.two$", "Running");
    assertThat(bed.podsOf(name)).allMatch(KubeTestBed::hasFinalizers);
    await().atMost(KubeTestBed.WAIT).until(() -> bed.taskResultsOf(name).size() == 2);

    bed.deleteWorkflow(name);

    await("no finalizer left on the pods and task results of " + name)
        .atMost(KubeTestBed.WAIT)
        .untilAsserted(() -> {
          assertThat(bed.workflow(name)).isNull();
          assertThat(bed.podsOf(name)).noneMatch(KubeTestBed::hasFinalizers);
          assertThat(bed.taskResultsOf(name)).isEmpty();
        });
  }

  @Test
  void aDeletedPodWhoseNodeIsGoneLosesItsFinalizerAfterTheDelay() {
    bed.kubelet.onNode("^fin-partition$", PodScript.succeed().with(Fault.RUN_FOREVER));
    String name =
        bed.submit(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: fin-partition
            spec:
              entrypoint: main
              templates:
                - name: main
                  container: {image: busybox, command: [sleep, "600"]}
            """);
    String pod = bed.awaitPod("^fin-partition$", "Running").getMetadata().getName();
    bed.kubelet.partition(pod);

    bed.kubelet.deletePod(pod);

    // nobody will ever report this pod's end: the controller lets it go after
    // deletedPodFinalizerDelay (3 s in the test bed), and the node ends "pod deleted"
    await("the finalizer is removed and the pod goes")
        .atMost(KubeTestBed.WAIT)
        .until(() -> bed.podsOf(name).isEmpty());
    var wf = bed.awaitCompleted(name);
    assertThat(KubeTestBed.node(wf, "fin-partition").message()).startsWith("pod deleted");
  }
}
