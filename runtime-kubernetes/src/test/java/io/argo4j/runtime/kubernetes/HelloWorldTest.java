package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.NodePhase;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloWorldTest {
  private KubeTestBed bed;

  @BeforeEach
  void start() {
    bed = KubeTestBed.shared();
  }

  @Test
  void helloWorldSucceedsWithArgoLabelsAnnotationsAndFinalizer() {
    bed.kubelet.onNode(
        "hello", io.argo4j.testkit.kube.PodScript.succeed().withResult("hello world"));
    String name =
        bed.submit(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: hello
            spec:
              entrypoint: main
              templates:
                - name: main
                  container:
                    image: busybox
                    command: [echo, hello world]
            """);

    Pod pod = bed.awaitPod("hello", "Running");
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("workflows.argoproj.io/workflow", "hello")
        .containsEntry("workflows.argoproj.io/completed", "false");
    assertThat(pod.getMetadata().getAnnotations())
        .containsEntry("workflows.argoproj.io/node-id", "hello")
        .containsEntry("workflows.argoproj.io/node-name", "hello");
    assertThat(pod.getMetadata().getFinalizers()).containsExactly("workflows.argoproj.io/status");
    assertThat(pod.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("Workflow"));
    assertThat(pod.getSpec().getInitContainers()).extracting("name").containsExactly("init");
    assertThat(pod.getSpec().getContainers()).extracting("name").containsExactly("wait", "main");
    assertThat(pod.getSpec().getContainers().get(1).getCommand())
        .containsExactly(
            "/bin/sh",
            "/var/run/argo4j/wrapper.sh",
            "/var/run/argo4j/step",
            "pod",
            "0",
            ".",
            "none",
            "--",
            "echo",
            "hello world");

    Workflow wf = bed.awaitCompleted(name);
    assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(wf.metadata().getLabels()).containsEntry("workflows.argoproj.io/phase", "Succeeded");
    assertThat(KubeTestBed.node(wf, "hello").phase()).isEqualTo(NodePhase.SUCCEEDED);
    assertThat(KubeTestBed.node(wf, "hello").outputs().result()).isEqualTo("hello world");

    org.awaitility.Awaitility.await()
        .atMost(KubeTestBed.WAIT)
        .untilAsserted(() -> {
          assertThat(bed.podsOf("hello"))
              .allSatisfy(p -> {
                assertThat(p.getMetadata().getFinalizers()).isNullOrEmpty();
                assertThat(p.getMetadata().getLabels())
                    .containsEntry("workflows.argoproj.io/completed", "true");
              });
          assertThat(bed.taskResultsOf("hello")).isEmpty();
        });
    assertThat(bed.kubelet.problems()).isEmpty();
  }
}
