package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.engine.FakeCluster.Outcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicWorkflowTest {

  @Test
  void helloWorldRunsOnePodAndSucceeds() {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: hello-world-
            spec:
              entrypoint: main
              templates:
              - name: main
                container:
                  image: busybox
                  command: [echo, hello]
            """);
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.startedPods).containsExactly("hello-world-abcde");
    assertThat(c.node("hello-world-abcde").phase().value()).isEqualTo("Succeeded");
    assertThat(c.workflow.metadata().getLabels())
        .containsEntry("workflows.argoproj.io/completed", "true")
        .containsEntry("workflows.argoproj.io/phase", "Succeeded");
  }

  @Test
  void stepsRunGroupsInOrderAndPassOutputs() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: steps
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - name: gen
                        template: gen
                    - - name: a
                        template: echo
                        arguments:
                          parameters: [{name: msg, value: "{{steps.gen.outputs.result}}"}]
                      - name: b
                        template: echo
                        arguments:
                          parameters: [{name: msg, value: "b"}]
                  - name: gen
                    script:
                      image: python:alpine3.6
                      command: [python]
                      source: print(42)
                  - name: echo
                    inputs:
                      parameters: [{name: msg}]
                    container:
                      image: busybox
                      command: [echo, "{{inputs.parameters.msg}}"]
                """)
            .outcomes(Map.of("gen", Outcome.result("42")));
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.nodeNames())
        .containsExactlyInAnyOrder(
            "steps", "steps[0]", "steps[0].gen", "steps[1]", "steps[1].a", "steps[1].b");
    assertThat(c.node("steps[1].a").inputs().parameters().get(0).value()).isEqualTo("42");
    Action.StartPod a =
        c.applied.stream()
            .filter(x -> x instanceof Action.StartPod s && s.nodeName().equals("steps[1].a"))
            .map(Action.StartPod.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(a.template().container().getCommand()).containsExactly("echo", "42");
    assertThat(c.node("steps[0].gen").outputs().result()).isEqualTo("42");
  }

  @Test
  void dagRunsDiamondAndOmitsUnmetDepends() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: dag
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: A, template: ok}
                      - {name: B, template: bad, dependencies: [A]}
                      - {name: C, template: ok, dependencies: [A]}
                      - {name: D, template: ok, depends: "B.Failed && C"}
                      - {name: E, template: ok, depends: "B.Succeeded"}
                  - name: ok
                    container: {image: busybox, command: ["true"]}
                  - name: bad
                    container: {image: busybox, command: ["false"]}
                """)
            .outcomes(Map.of("bad", Outcome.exit(1)));
    c.run();
    assertThat(c.node("dag.B").phase().value()).isEqualTo("Failed");
    assertThat(c.node("dag.B").message()).isEqualTo("Error (exit code 1)");
    assertThat(c.node("dag.D").phase().value()).isEqualTo("Succeeded");
    assertThat(c.node("dag.E").phase().value()).isEqualTo("Omitted");
    // E is a target whose branch failed through B, so the DAG fails as Argo's does
    assertThat(c.phase()).isEqualTo("Failed");
  }

  @Test
  void aFailedTaskUnderAnOmittedTargetFailsTheDag() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: diamond
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: A, template: ok}
                      - {name: B, template: ok, dependencies: [A]}
                      - {name: C, template: bad, dependencies: [A]}
                      - {name: D, template: ok, dependencies: [B, C]}
                  - name: ok
                    container: {image: busybox, command: ["true"]}
                  - name: bad
                    container: {image: busybox, command: [sh, -c, "exit 3"]}
                """)
            .outcomes(Map.of("bad", Outcome.exit(3)));
    c.run();
    assertThat(c.node("diamond.D").phase().value()).isEqualTo("Omitted");
    assertThat(c.node("diamond").phase().value()).isEqualTo("Failed");
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.node("diamond.C").message()).isEqualTo("Error (exit code 3)");
    assertThat(c.node("diamond.B").message()).isNull();
  }

  @Test
  void withItemsExpandsAndAggregatesOutputs() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: loops
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - name: fan
                        template: echo
                        arguments:
                          parameters: [{name: msg, value: "{{item}}"}]
                        withItems: [a, 2, {k: v}]
                    - - name: sum
                        template: echo
                        arguments:
                          parameters: [{name: msg, value: "{{steps.fan.outputs.result}}"}]
                  - name: echo
                    inputs:
                      parameters: [{name: msg}]
                    script:
                      image: busybox
                      command: [sh]
                      source: echo "{{inputs.parameters.msg}}"
                """)
            .script(s -> Outcome.result(s.template().inputs().parameters().get(0).value()));
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.nodeNames())
        .contains("loops[0].fan(0:a)", "loops[0].fan(1:2)", "loops[0].fan(2:k:v)");
    assertThat(c.node("loops[1].sum").inputs().parameters().get(0).value())
        .isEqualTo("[\"a\",2,{\"k\":\"v\"}]");
  }

  @Test
  void retryStrategyRetriesFailedAttempts() {
    int[] attempts = {0};
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: retry
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    retryStrategy: {limit: 3}
                    container: {image: busybox, command: ["sh", "-c", "exit 1"]}
                """)
            .script(s -> attempts[0]++ < 2 ? Outcome.exit(1) : Outcome.ok());
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.startedPods).hasSize(3);
    assertThat(c.node("retry").type().value()).isEqualTo("Retry");
    assertThat(c.nodeNames()).contains("retry(0)", "retry(1)", "retry(2)");
  }

  @Test
  void whenFalseSkipsAndExitHandlerSeesStatus() {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: when
            spec:
              entrypoint: main
              onExit: exit
              templates:
              - name: main
                steps:
                - - name: flip
                    template: ok
                    when: "heads == tails"
                  - name: other
                    template: ok
                    when: "2 > 1"
              - name: ok
                container: {image: busybox, command: ["true"]}
              - name: exit
                container: {image: busybox, command: [echo, "{{workflow.status}}"]}
            """);
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.node("when[0].flip").phase().value()).isEqualTo("Skipped");
    assertThat(c.node("when[0].other").phase().value()).isEqualTo("Succeeded");
    Action.StartPod exit =
        c.applied.stream()
            .filter(x -> x instanceof Action.StartPod s && s.nodeName().equals("when.onExit"))
            .map(Action.StartPod.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(exit.template().container().getCommand()).containsExactly("echo", "Succeeded");
  }

  /**
   * An empty step group gets the next group as its child, as in Argo; on later reconciles that link
   * must not be taken for a step whose outbound nodes lead to the next group (which would make the
   * next group's steps its parents: a cycle).
   */
  @Test
  void anEmptyStepGroupLinksTheNextGroupWithoutACycle() {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: empty-group
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - []
                - - name: b
                    template: work
                - - name: c
                    template: work
              - name: work
                container: {image: busybox, command: [sleep, "10"]}
            """);
    c.outcomes(Map.of("work", Outcome.ok().after(Duration.ofSeconds(10))));

    c.run();

    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.node("empty-group[0]").children()).containsExactly(c.node("empty-group[1]").id());
    assertThat(c.node("empty-group[1].b").children())
        .containsExactly(c.node("empty-group[2]").id());
    assertThat(c.node("empty-group[1]").children())
        .containsExactly(c.node("empty-group[1].b").id());
  }

  @Test
  void aRetriedTasksOutputsReachItsExitHookAndItsDependentsAfterTheHookRan() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: hooked-outputs
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - name: gen
                        template: gen
                        hooks:
                          exit:
                            template: echo
                            arguments:
                              parameters: [{name: msg, value: "{{tasks.gen.outputs.parameters.out}}"}]
                      - name: use
                        template: echo
                        depends: gen
                        arguments:
                          parameters: [{name: msg, value: "{{tasks.gen.outputs.parameters.out}}"}]
                  - name: gen
                    retryStrategy: {limit: 2}
                    container: {image: busybox, command: [sh, -c, "echo hi > /tmp/out"]}
                    outputs:
                      parameters:
                      - name: out
                        valueFrom: {path: /tmp/out}
                  - name: echo
                    inputs:
                      parameters: [{name: msg}]
                    container: {image: busybox, command: [echo, "{{inputs.parameters.msg}}"]}
                """)
            .outcomes(
                Map.of(
                    "gen", Outcome.ok().withParameter("out", "hi"),
                    "echo", Outcome.ok().after(Duration.ofSeconds(5))));
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.node("hooked-outputs.gen.onExit").inputs().parameters().getFirst().value())
        .isEqualTo("hi");
    assertThat(c.node("hooked-outputs.use").inputs().parameters().getFirst().value())
        .isEqualTo("hi");
  }

  @Test
  void aRetriedStepsOutputsReachTheNextStepAfterItsExitHookRan() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: step-hook-outputs
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - name: gen
                        template: gen
                        hooks:
                          exit: {template: plain}
                    - - name: use
                        template: echo
                        arguments:
                          parameters: [{name: msg, value: "{{steps.gen.outputs.parameters.out}}"}]
                  - name: gen
                    retryStrategy: {limit: 2}
                    container: {image: busybox, command: [sh, -c, "echo hi > /tmp/out"]}
                    outputs:
                      parameters:
                      - name: out
                        valueFrom: {path: /tmp/out}
                  - name: plain
                    container: {image: busybox, command: ["true"]}
                  - name: echo
                    inputs:
                      parameters: [{name: msg}]
                    container: {image: busybox, command: [echo, "{{inputs.parameters.msg}}"]}
                """)
            .outcomes(Map.of("gen", Outcome.ok().withParameter("out", "hi")));
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.node("step-hook-outputs[1].use").inputs().parameters().getFirst().value())
        .isEqualTo("hi");
  }
}
