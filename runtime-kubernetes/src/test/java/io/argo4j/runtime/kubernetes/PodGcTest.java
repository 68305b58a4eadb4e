package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.PodScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** podGC strategies, labelSelector and deleteDelayDuration on the cluster. */
class PodGcTest {
  private KubeTestBed bed;

  @BeforeEach
  void start() {
    bed = KubeTestBed.shared();
  }

  private static String twoSteps(String name, String podGc) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      podGC: %s
      templates:
        - name: main
          steps:
            - - {name: ok, template: echo}
            - - {name: bad, template: echo, continueOn: {failed: true}}
        - name: echo
          metadata:
            labels: {gc: "yes"}
          container: {image: busybox, command: [echo, hi]}
    """
        .formatted(name, podGc);
  }

  @Test
  void onPodSuccessDeletesSucceededPodsAndKeepsFailedOnes() {
    bed.kubelet.onNode("^gc-success\\[1\\]\\.bad$", PodScript.exit(1));
    String name =
        bed.submit(twoSteps("gc-success", "{strategy: OnPodSuccess, deleteDelayDuration: 1s}"));

    bed.awaitCompleted(name);

    await()
        .atMost(KubeTestBed.WAIT)
        .untilAsserted(() ->
            assertThat(bed.podsOf(name))
                .singleElement()
                .satisfies(p -> {
                  assertThat(p.getMetadata().getAnnotations())
                      .containsEntry("workflows.argoproj.io/node-name", "gc-success[1].bad");
                  assertThat(p.getMetadata().getFinalizers()).isNullOrEmpty();
                  assertThat(p.getMetadata().getLabels())
                      .containsEntry("workflows.argoproj.io/completed", "true");
                }));
  }

  @Test
  void onWorkflowCompletionDeletesEveryPodOnceTheWorkflowIsDone() {
    String name = bed.submit(twoSteps("gc-wf", "{strategy: OnWorkflowCompletion}"));

    assertThat(bed.awaitCompleted(name).status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);

    await().atMost(KubeTestBed.WAIT).until(() -> bed.podsOf(name).isEmpty());
  }

  @Test
  void podsOutsideTheLabelSelectorAreKept() {
    String name =
        bed.submit(
            twoSteps(
                "gc-selector",
                "{strategy: OnPodCompletion, labelSelector: {matchLabels: {gc: \"no\"}}}"));

    bed.awaitCompleted(name);

    await()
        .atMost(KubeTestBed.WAIT)
        .untilAsserted(() ->
            assertThat(bed.podsOf(name))
                .hasSize(2)
                .allSatisfy(p ->
                    assertThat(p.getMetadata().getLabels())
                        .containsEntry("workflows.argoproj.io/completed", "true")));
  }
}
