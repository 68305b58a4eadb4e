package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller with pods run for real on this host (init, the wrapper, wait; {@link
 * HostPodRunner}) instead of the kubelet simulator's scripted outcomes: outputs travel from a real
 * command through the task result into the next step.
 */
class RealPodsTest {
  @TempDir static Path tmp;
  private static KubeTestBed bed;
  private static HostPodRunner runner;

  @BeforeAll
  static void start() {
    bed = new KubeTestBed().startController();
    runner = new HostPodRunner(tmp.resolve("pods"), bed.server::createClient);
    bed.kubelet.runPodsWith(runner);
  }

  @AfterAll
  static void stop() {
    runner.close();
    bed.close();
  }

  @Test
  void anOutputParameterOfARealCommandReachesTheNextStep() {
    String out = tmp.resolve("real-out/value.txt").toString();
    String name =
        bed.submit(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: real-params
            spec:
              entrypoint: main
              templates:
                - name: main
                  steps:
                    - - name: produce
                        template: produce
                    - - name: consume
                        template: consume
                        arguments:
                          parameters:
                            - name: x
                              value: "{{steps.produce.outputs.parameters.v}}"
                - name: produce
                  container:
                    image: busybox
                    command: [sh, -c]
                    args: ["mkdir -p $(dirname OUT) && printf 42 > OUT && echo produced"]
                  outputs:
                    parameters:
                      - name: v
                        valueFrom:
                          path: OUT
                - name: consume
                  inputs:
                    parameters:
                      - name: x
                  script:
                    image: alpine
                    command: [sh]
                    source: |
                      echo "got {{inputs.parameters.x}}" > GOT
                  outputs:
                    parameters:
                      - name: got
                        valueFrom:
                          path: GOT
            """
                .replace("OUT", out)
                .replace("GOT", tmp.resolve("real-out/got.txt").toString()));
    Workflow wf = bed.awaitCompleted(name);
    assertThat(wf.status().phase()).as(KubeTestBed.nodes(wf)).isEqualTo(WorkflowPhase.SUCCEEDED);
    NodeStatus produce = KubeTestBed.node(wf, "produce");
    assertThat(produce.outputs().parameters())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.name()).isEqualTo("v");
          assertThat(p.value()).isEqualTo("42");
        });
    assertThat(KubeTestBed.node(wf, "consume").outputs().parameters())
        .singleElement()
        .satisfies(p -> assertThat(p.value()).isEqualTo("got 42"));
    assertThat(runner.problems).filteredOn(p -> p.startsWith(name)).isEmpty();
  }

  @Test
  void aFailingCommandFailsItsNode() {
    String name =
        bed.submit(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: real-fail
            spec:
              entrypoint: main
              templates:
                - name: main
                  container:
                    image: busybox
                    command: [sh, -c, "exit 3"]
            """);
    Workflow wf = bed.awaitCompleted(name);
    assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.FAILED);
    NodeStatus main = KubeTestBed.node(wf, "real-fail");
    assertThat(main.phase()).isEqualTo(NodePhase.FAILED);
    assertThat(main.outputs().exitCode()).isEqualTo("3");
  }

  @Test
  void terminatingARunningWorkflowStopsItsCommandThroughTheAnnotation() {
    String name =
        bed.submit(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: real-stop
            spec:
              entrypoint: main
              templates:
                - name: main
                  container:
                    image: busybox
                    command: [sh, -c, "echo started; sleep 120"]
            """);
    bed.awaitPod("real-stop", "Running");
    bed.shutdown(name, "Terminate");
    Workflow wf = bed.awaitCompleted(name);
    assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.FAILED);
    assertThat(KubeTestBed.node(wf, "real-stop").outputs().exitCode()).isEqualTo("143");
    assertThat(runner.problems).filteredOn(p -> p.startsWith(name)).isEmpty();
  }
}
