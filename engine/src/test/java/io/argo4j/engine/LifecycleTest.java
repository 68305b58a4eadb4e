package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.engine.FakeCluster.Outcome;
import io.argo4j.model.NodeStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shutdown, deadlines, lost pods, suspend and parallelism: the ways a workflow must still end. */
class LifecycleTest {

  private static final String EXIT_HANDLER_WF =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        name: wf
      spec:
        entrypoint: main
        onExit: cleanup
        templates:
        - name: main
          container: {image: busybox, command: ["true"]}
        - name: cleanup
          steps:
          - - name: first
              template: slow
          - - name: second
              template: slow
        - name: slow
          container: {image: busybox, command: [sleep, "100"]}
      """;

  private static void assertNothingRunning(FakeCluster c) {
    for (NodeStatus n : c.workflow.status().nodes().values()) {
      assertThat(n.phase().isFulfilled()).as("node %s is %s", n.name(), n.phase()).isTrue();
    }
  }

  @Test
  void seedDefectB_terminateWhileExitHandlerRunsEndsFailedWithNothingRunning() {
    FakeCluster c =
        new FakeCluster(EXIT_HANDLER_WF)
            .outcomes(Map.of("slow", Outcome.ok().after(Duration.ofSeconds(100))));
    c.runUntil(w -> c.hasNode("wf.onExit[0].first") && c.pods.size() == 2);
    c.shutdown("Terminate");
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertNothingRunning(c);
    assertThat(c.node("wf.onExit").phase().value()).isEqualTo("Failed");
    assertThat(c.node("wf.onExit[0].first").message())
        .isEqualTo("Stopped with strategy 'Terminate'");
    assertThat(c.hasNode("wf.onExit[1].second")).isFalse();
  }

  @Test
  void stopLetsTheExitHandlerRun() {
    FakeCluster c =
        new FakeCluster(EXIT_HANDLER_WF)
            .outcomes(Map.of("main", Outcome.ok().after(Duration.ofSeconds(100))));
    c.runUntil(w -> c.pods.size() == 1 && c.node("wf").phase().value().equals("Running"));
    c.shutdown("Stop");
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.workflow.status().message()).isEqualTo("Stopped with strategy 'Stop'");
    assertThat(c.node("wf.onExit").phase().value()).isEqualTo("Succeeded");
    assertNothingRunning(c);
  }

  @Test
  void seedDefectA_deletedPodErrorsAndOnErrorRetries() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: wf
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    retryStrategy: {limit: 2, retryPolicy: OnError}
                    container: {image: busybox, command: [sleep, "10"]}
                """)
            .outcomes(Map.of("main", Outcome.ok().after(Duration.ofSeconds(10))));
    c.runUntil(w -> c.hasNode("wf(0)") && c.node("wf(0)").phase().value().equals("Running"));
    c.deletePodOf("wf(0)");
    c.run();
    assertThat(c.node("wf(0)").phase().value()).isEqualTo("Error");
    assertThat(c.node("wf(0)").message()).startsWith("pod deleted");
    assertThat(c.node("wf(1)").phase().value()).isEqualTo("Succeeded");
    assertThat(c.phase()).isEqualTo("Succeeded");
  }

  @Test
  void deletedPodWithoutRetryErrorsTheWorkflow() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: wf
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    container: {image: busybox, command: [sleep, "10"]}
                """)
            .outcomes(Map.of("main", Outcome.ok().after(Duration.ofSeconds(10))));
    c.runUntil(w -> c.hasNode("wf") && c.node("wf").phase().value().equals("Running"));
    c.deletePodOf("wf");
    c.run();
    assertThat(c.phase()).isEqualTo("Error");
    assertNothingRunning(c);
  }

  @Test
  void workflowDeadlineStopsRunningPods() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: wf
                spec:
                  entrypoint: main
                  activeDeadlineSeconds: 5
                  templates:
                  - name: main
                    container: {image: busybox, command: [sleep, "100"]}
                """)
            .outcomes(Map.of("main", Outcome.ok().after(Duration.ofSeconds(100))));
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.node("wf").message()).isEqualTo("Step exceeded its deadline");
    assertThat(c.applied)
        .anyMatch(a -> a instanceof Action.StopPod s && s.reason() == Action.StopReason.DEADLINE);
    assertThat(c.now).isBefore(java.time.Instant.parse("2026-01-01T00:01:00Z"));
  }

  @Test
  void aTimeoutGivenByAnInputParameterStopsThePod() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: wf
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - name: b
                        template: sleepy
                        arguments:
                          parameters: [{name: timeout, value: 10s}]
                  - name: sleepy
                    inputs:
                      parameters: [{name: timeout}]
                    timeout: "{{inputs.parameters.timeout}}"
                    container: {image: busybox, command: [sleep, "15"]}
                """)
            .outcomes(Map.of("sleepy", Outcome.ok().after(Duration.ofSeconds(15))));
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.node("wf.b").message()).isEqualTo("Step exceeded its deadline");
  }

  @Test
  void retryLimitOfAReferencedTemplateIsHonoured() throws Exception {
    io.argo4j.model.WorkflowTemplate wft =
        io.argo4j.model.io.ManifestReader.strict()
            .read(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata:
                  name: lib
                spec:
                  templates:
                  - name: flaky
                    retryStrategy: {limit: 10}
                    container: {image: busybox, command: ["false"]}
                """,
                "lib.yaml")
            .requireOne(io.argo4j.model.WorkflowTemplate.class);
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: wf
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - name: hello1
                        templateRef: {name: lib, template: flaky}
                """)
            .outcomes(Map.of("flaky", Outcome.exit(1)));
    c.catalog = TemplateCatalog.of(Map.of("lib", wft), Map.of());
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.startedPods).hasSize(11);
    assertThat(c.node("wf[0].hello1").message()).isEqualTo("No more retries left");
  }

  @Test
  void suspendWithDurationResumesOnItsOwn() {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: wf
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - name: wait
                    template: wait
                - - name: after
                    template: ok
              - name: wait
                suspend: {duration: "20s"}
              - name: ok
                container: {image: busybox, command: ["true"]}
            """);
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    NodeStatus wait = c.node("wf[0].wait");
    assertThat(Duration.between(wait.startedAt(), wait.finishedAt()))
        .isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void continueOnFailedLetsTheWorkflowSucceed() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: wf
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - name: bad
                        template: bad
                        continueOn: {failed: true}
                      - name: good
                        template: ok
                    - - name: after
                        template: ok
                  - name: ok
                    container: {image: busybox, command: ["true"]}
                  - name: bad
                    container: {image: busybox, command: ["false"]}
                """)
            .outcomes(Map.of("bad", Outcome.exit(1)));
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.node("wf[0].bad").phase().value()).isEqualTo("Failed");
    assertThat(c.node("wf[1].after").phase().value()).isEqualTo("Succeeded");
  }

  @Test
  void templateParallelismLimitsRunningPods() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: wf
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    parallelism: 2
                    steps:
                    - - name: fan
                        template: slow
                        withSequence: {count: "6"}
                  - name: slow
                    container: {image: busybox, command: [sleep, "5"]}
                """)
            .outcomes(Map.of("slow", Outcome.ok().after(Duration.ofSeconds(5))));
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.maxRunning).isEqualTo(2);
    assertThat(c.nodeNames()).contains("wf[0].fan(0:0)", "wf[0].fan(5:5)");
  }

  @Test
  void withParamFansOutOverAPreviousStepsJson() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: wf
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: gen, template: gen}
                      - name: each
                        template: ok
                        depends: gen
                        withParam: "{{tasks.gen.outputs.result}}"
                  - name: gen
                    script: {image: python, command: [python], source: "print(1)"}
                  - name: ok
                    container: {image: busybox, command: ["true"]}
                """)
            .outcomes(Map.of("gen", Outcome.result("[{\"a\": 1}, {\"a\": 2}]")));
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.node("wf.each").type().value()).isEqualTo("TaskGroup");
    assertThat(c.nodeNames()).contains("wf.each(0:a:1)", "wf.each(1:a:2)");
  }

  @Test
  void missingRequiredInputErrorsTheNodeAndFailsTheWorkflow() {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: wf
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - name: s
                    template: needs
              - name: needs
                inputs:
                  parameters: [{name: x}]
                container: {image: busybox, command: [echo, "{{inputs.parameters.x}}"]}
            """);
    c.run();
    // as Argo: the step errors, its group errors, and the steps template fails
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.node("wf[0].s").phase().value()).isEqualTo("Error");
    assertThat(c.node("wf[0].s").message()).contains("inputs.parameters.x was not supplied");
    assertThat(c.node("wf[0]").message()).startsWith("step group deemed errored due to child");
    assertNothingRunning(c);
  }

  @Test
  void executorThatNeverReportsIsBoundedByTheTaskResultTimeout() {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: wf
            spec:
              entrypoint: main
              templates:
              - name: main
                outputs:
                  parameters:
                  - name: p
                    valueFrom: {path: /tmp/p}
                container: {image: busybox, command: ["true"]}
            """);
    c.silentTemplates.add("main");
    c.run();
    assertThat(c.phase()).isEqualTo("Error");
    assertThat(c.node("wf").message()).contains("did not report");
    assertThat(Duration.between(c.node("wf").startedAt(), c.node("wf").finishedAt()))
        .isLessThanOrEqualTo(Duration.ofMinutes(11));
  }

  @Test
  void workflowTemplateRefAndTemplateRefResolveFromTheCatalog() throws Exception {
    io.argo4j.model.WorkflowTemplate wft =
        io.argo4j.model.io.ManifestReader.strict()
            .read(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata:
                  name: lib
                spec:
                  entrypoint: hello
                  arguments:
                    parameters: [{name: who, value: lib}]
                  templates:
                  - name: hello
                    inputs:
                      parameters: [{name: who, value: "{{workflow.parameters.who}}"}]
                    container: {image: busybox, command: [echo, "{{inputs.parameters.who}}"]}
                """,
                "lib.yaml")
            .requireOne(io.argo4j.model.WorkflowTemplate.class);
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: wf
            spec:
              workflowTemplateRef: {name: lib}
              arguments:
                parameters: [{name: who, value: me}]
            """);
    c.catalog = TemplateCatalog.of(Map.of("lib", wft), Map.of());
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    Action.StartPod s = (Action.StartPod) c.applied.get(0);
    assertThat(s.template().container().getCommand()).containsExactly("echo", "me");
  }
}
