package io.argo4j.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code argo4j retry}: the failed part of a workflow runs again in place, on the real engine and
 * local processes; what succeeded keeps its outputs and does not run again.
 */
class RetryCommandTest {
  @TempDir Path dir;

  private LocalCli.Run argo4j(String... args) {
    return new LocalCli(dir.resolve("state")).argo4j(args);
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** Node phases by display name. */
  private Map<String, String> phases(String workflow) throws Exception {
    JsonNode wf = new ObjectMapper().readTree(argo4j("get", workflow, "-o", "json").out());
    Map<String, String> out = new HashMap<>();
    wf.path("status")
        .path("nodes")
        .forEach(n -> out.put(n.path("displayName").asText(), n.path("phase").asText()));
    return out;
  }

  private long lines(String workflow, String text) {
    return argo4j("logs", workflow).out().lines().filter(l -> l.endsWith(": " + text)).count();
  }

  private static final String STEPS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: steps}
      spec:
        entrypoint: main
        onExit: bye
        arguments:
          parameters: [{name: fail, value: "yes"}]
        templates:
          - name: main
            steps:
              - - name: make
                  template: make
              - - name: check
                  template: check
              - - name: use
                  template: use
                  arguments:
                    parameters: [{name: v, value: "{{steps.make.outputs.result}}"}]
          - name: make
            script:
              image: alpine
              command: [sh]
              source: echo made-$RANDOM
          - name: check
            container:
              image: alpine
              command: [sh, -c, 'echo checking; test "{{workflow.parameters.fail}}" != yes']
          - name: use
            inputs: {parameters: [{name: v}]}
            container: {image: alpine, command: [echo, "using {{inputs.parameters.v}}"]}
          - name: bye
            container: {image: alpine, command: [echo, "bye {{workflow.status}}"]}
      """;

  @Test
  void theFailedStepRunsAgainAndTheSuccessfulOneKeepsItsOutput() throws Exception {
    LocalCli.Run first = argo4j("run", write("steps.yaml", STEPS).toString());
    assertThat(first.exitCode()).as(first.out()).isEqualTo(ExitCodes.FAILURE);
    String made =
        argo4j("logs", "steps")
            .out()
            .lines()
            .filter(l -> l.contains(": made-"))
            .findFirst()
            .orElseThrow();
    String value = made.substring(made.indexOf(": ") + 2);

    LocalCli.Run retry = argo4j("retry", "steps", "-p", "fail=no", "--wait");

    assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
    assertThat(retry.out()).contains("steps Succeeded at ");
    assertThat(phases("steps"))
        .containsEntry("steps", "Succeeded")
        .containsEntry("make", "Succeeded")
        .containsEntry("check", "Succeeded")
        .containsEntry("use", "Succeeded")
        .containsEntry("steps.onExit", "Succeeded");
    // make ran once: its output is the one of the first run
    assertThat(lines("steps", value)).isEqualTo(1);
    assertThat(argo4j("logs", "steps").out()).contains(": using " + value + "\n");
    assertThat(lines("steps", "checking")).isEqualTo(1); // the failed attempt's log is set aside
    assertThat(lines("steps", "bye Succeeded")).isEqualTo(1);
    assertThat(argo4j("list", "-o", "name").out()).isEqualTo("steps\n");
  }

  private static final String DAG =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: dag}
      spec:
        entrypoint: main
        arguments:
          parameters: [{name: fail, value: "yes"}]
        templates:
          - name: main
            dag:
              tasks:
                - {name: a, template: say, arguments: {parameters: [{name: m, value: a-ran}]}}
                - {name: side, template: say, arguments: {parameters: [{name: m, value: side-ran}]}}
                - {name: b, template: flaky, depends: a}
                - {name: c, template: say, depends: b, arguments: {parameters: [{name: m, value: c-ran}]}}
          - name: say
            inputs: {parameters: [{name: m}]}
            container: {image: alpine, command: [echo, "{{inputs.parameters.m}}"]}
          - name: flaky
            retryStrategy: {limit: 1}
            container:
              image: alpine
              command: [sh, -c, 'echo b-ran; test "{{workflow.parameters.fail}}" != yes']
      """;

  @Test
  void aRetryNodeThatRanOutOfAttemptsGetsItsWholeLimitAgain() throws Exception {
    assertThat(argo4j("run", write("dag.yaml", DAG).toString()).exitCode())
        .isEqualTo(ExitCodes.FAILURE);
    assertThat(lines("dag", "b-ran")).isEqualTo(2);
    assertThat(phases("dag")).containsEntry("c", "Omitted");

    LocalCli.Run retry = argo4j("retry", "dag", "-p", "fail=no", "--wait", "-o", "name");

    assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
    assertThat(phases("dag"))
        .containsEntry("dag", "Succeeded")
        .containsEntry("b", "Succeeded")
        .containsEntry("b(0)", "Succeeded")
        .containsEntry("c", "Succeeded")
        .doesNotContainKey("b(1)");
    assertThat(lines("dag", "a-ran")).isEqualTo(1);
    assertThat(lines("dag", "side-ran")).isEqualTo(1);
    assertThat(lines("dag", "c-ran")).isEqualTo(1);
  }

  @Test
  void aSucceededWorkflowRunsOnlyTheNodesItIsToldTo() throws Exception {
    Path file = write("dag.yaml", DAG);
    assertThat(argo4j("run", file.toString(), "-p", "fail=no").exitCode()).isZero();

    LocalCli.Run refused = argo4j("retry", "dag");
    LocalCli.Run half = argo4j("retry", "dag", "--restart-successful");
    LocalCli.Run again =
        argo4j(
            "retry",
            "dag",
            "--restart-successful",
            "--node-field-selector",
            "displayName=c",
            "--wait");

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(refused.err()).contains("it Succeeded; to run some of its nodes again");
    assertThat(half.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(lines("dag", "c-ran")).isEqualTo(1); // the first run's c is set aside
    assertThat(lines("dag", "a-ran")).isEqualTo(1);
    assertThat(phases("dag")).containsEntry("dag", "Succeeded").containsEntry("c", "Succeeded");
  }
}
