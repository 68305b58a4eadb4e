package io.argo4j.runtime.kubernetes;

import static io.argo4j.runtime.kubernetes.KubeTestBed.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.PodScript;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StepsDagRetryTest {
  private KubeTestBed bed;

  @BeforeEach
  void start() {
    bed = KubeTestBed.shared();
  }

  @Test
  void stepsPassAnOutputToTheNextStep() {
    bed.kubelet.onNode("^steps-wf\\[0\\]\\.gen$", PodScript.succeed().withResult("hi from gen"));
    String name =
        bed.submit(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: steps-wf
            spec:
              entrypoint: main
              templates:
                - name: main
                  steps:
                    - - name: gen
                        template: gen
                    - - name: use
                        template: echo
                        arguments:
                          parameters: [{name: msg, value: "{{steps.gen.outputs.result}}"}]
                      - name: also
                        template: echo
                        arguments:
                          parameters: [{name: msg, value: parallel}]
                - name: gen
                  script:
                    image: python:alpine
                    command: [python]
                    source: print("hi from gen")
                - name: echo
                  inputs:
                    parameters: [{name: msg}]
                  container:
                    image: busybox
                    command: [echo, "{{inputs.parameters.msg}}"]
            """);

    Workflow wf = bed.awaitCompleted(name);

    assertThat(wf.status().phase()).as(KubeTestBed.nodes(wf)).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(node(wf, "gen").outputs().result()).isEqualTo("hi from gen");
    assertThat(node(wf, "use").phase()).isEqualTo(NodePhase.SUCCEEDED);
    assertThat(node(wf, "also").phase()).isEqualTo(NodePhase.SUCCEEDED);
    Pod use =
        bed.podsOf(name).stream()
            .filter(p ->
                p.getMetadata()
                    .getAnnotations()
                    .get("workflows.argoproj.io/node-name")
                    .endsWith(".use"))
            .findFirst()
            .orElseThrow();
    Pod usePod = use;
    assertThat(usePod.getSpec().getContainers().get(1).getCommand())
        .endsWith("echo", "hi from gen");
    assertThat(usePod.getSpec().getContainers().get(1).getEnv())
        .extracting(EnvVar::getName)
        .contains("ARGO_TEMPLATE", "ARGO_NODE_ID", "ARGO_CONTAINER_NAME");
  }

  @Test
  void dagRunsADiamond() {
    String ok = bed.submit(diamond("dag-ok"));

    Workflow okWf = bed.awaitCompleted(ok);

    assertThat(okWf.status().phase())
        .as(KubeTestBed.nodes(okWf))
        .isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(KubeTestBed.nodesNamed(okWf, n -> n.type() == NodeType.POD))
        .hasSize(4)
        .allSatisfy(n -> assertThat(n.phase()).isEqualTo(NodePhase.SUCCEEDED));
  }

  @Test
  void dagWithAFailedTaskFails() {
    bed.kubelet.onNode("^dag-fail\\.C$", PodScript.exit(3));
    String failing = bed.submit(diamond("dag-fail"));

    Workflow failWf = bed.awaitCompleted(failing);

    assertThat(failWf.status().phase())
        .as(KubeTestBed.nodes(failWf))
        .isEqualTo(WorkflowPhase.FAILED);
    assertThat(node(failWf, "C").phase()).isEqualTo(NodePhase.FAILED);
  }

  private static String diamond(String name) {
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
              - {name: A, template: work}
              - {name: B, template: work, dependencies: [A]}
              - {name: C, template: work, dependencies: [A]}
              - {name: D, template: work, dependencies: [B, C]}
        - name: work
          container: {image: busybox, command: [sh, -c, "exit 0"]}
    """
        .formatted(name);
  }

  @Test
  void retryStrategyRetriesAFailedAttempt() {
    bed.kubelet.onNode("^retry-wf\\(0\\)$", PodScript.exit(1));
    String name =
        bed.submit(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: retry-wf
            spec:
              entrypoint: main
              templates:
                - name: main
                  retryStrategy: {limit: 2}
                  container: {image: busybox, command: [sh, -c, "exit $((RANDOM % 2))"]}
            """);

    Workflow wf = bed.awaitCompleted(name);

    assertThat(wf.status().phase()).as(KubeTestBed.nodes(wf)).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(node(wf, "retry-wf(0)").phase()).isEqualTo(NodePhase.FAILED);
    assertThat(node(wf, "retry-wf(1)").phase()).isEqualTo(NodePhase.SUCCEEDED);
    assertThat(bed.podsOf(name)).hasSize(2);
  }
}
