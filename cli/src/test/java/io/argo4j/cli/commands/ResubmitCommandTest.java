package io.argo4j.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code argo4j resubmit}: a copy of an earlier workflow runs from the start. */
class ResubmitCommandTest {
  @TempDir Path dir;

  private LocalCli.Run argo4j(String... args) {
    return new LocalCli(dir.resolve("state")).argo4j(args);
  }

  private static final String GREET =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        name: greet
        labels: {team: a}
        annotations: {note: kept}
      spec:
        entrypoint: main
        arguments:
          parameters: [{name: who, value: nobody}, {name: code, value: "0"}]
        templates:
          - name: main
            container:
              image: alpine
              command: [sh, -c, "echo hello {{workflow.parameters.who}}; exit {{workflow.parameters.code}}"]
      """;

  private JsonNode json(String name) throws Exception {
    return new ObjectMapper().readTree(argo4j("get", name, "-o", "json").out());
  }

  @Test
  void aCopyRunsFromTheStartWithTheEarlierSpecLabelsAndOverriddenParameters() throws Exception {
    Path file = dir.resolve("greet.yaml");
    Files.writeString(file, GREET);
    LocalCli.Run first = argo4j("run", file.toString(), "-p", "who=argo4j", "-p", "code=3");
    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.FAILURE);

    LocalCli.Run again = argo4j("resubmit", "greet", "-p", "code=0", "--wait", "-o", "name");

    assertThat(again.exitCode()).as(again.err()).isZero();
    String name = again.out().lines().findFirst().orElseThrow();
    assertThat(name).matches("greet-[a-z0-9]{5}");
    assertThat(again.out()).contains(name + " Succeeded at ");
    // a workflow run here just after it was stored is not reported as an interrupted one
    assertThat(again.err()).isEmpty();
    // the earlier -p who=argo4j is part of the stored spec, so the copy keeps it
    assertThat(argo4j("logs", name).out()).contains(": hello argo4j\n");
    JsonNode copy = json(name);
    assertThat(copy.at("/metadata/labels/team").asText()).isEqualTo("a");
    assertThat(
            copy.at("/metadata/labels/workflows.argoproj.io~1resubmitted-from-workflow").asText())
        .isEqualTo("greet");
    assertThat(copy.at("/metadata/labels/workflows.argoproj.io~1phase").asText())
        .isEqualTo("Succeeded");
    assertThat(copy.at("/metadata/annotations/note").asText()).isEqualTo("kept");
    assertThat(copy.at("/spec/priority").isMissingNode()).isTrue();
    // the earlier workflow is untouched
    assertThat(json("greet").at("/status/phase").asText()).isEqualTo("Failed");
  }

  private static final String HELD =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: held}
      spec:
        entrypoint: main
        arguments:
          parameters: [{name: hold, value: "yes"}]
        templates:
          - name: main
            steps:
              - - name: approve
                  template: approve
                  when: "{{workflow.parameters.hold}} == yes"
              - - name: ship
                  template: ship
          - name: approve
            suspend: {}
          - name: ship
            container: {image: alpine, command: [echo, shipped]}
      """;

  @Test
  void aTerminatedWorkflowsCopyIsNotTerminated() throws Exception {
    Path file = dir.resolve("held.yaml");
    Files.writeString(file, HELD);
    assertThat(argo4j("submit", file.toString(), "--priority", "1").exitCode()).isZero();
    assertThat(argo4j("terminate", "held").exitCode()).isZero();
    assertThat(argo4j("wait", "held").out()).startsWith("held Failed");

    LocalCli.Run again =
        argo4j("resubmit", "@latest", "-p", "hold=no", "--priority", "5", "--wait", "-o", "name");

    assertThat(again.exitCode()).as(again.err()).isZero();
    String name = again.out().lines().findFirst().orElseThrow();
    assertThat(name).startsWith("held-");
    JsonNode copy = json(name);
    assertThat(copy.at("/spec/shutdown").isMissingNode()).isTrue();
    assertThat(copy.at("/spec/priority").asInt()).isEqualTo(5);
    assertThat(copy.at("/status/phase").asText()).isEqualTo("Succeeded");
    assertThat(json("held").at("/spec/shutdown").asText()).isEqualTo("Terminate");
  }

  @Test
  void whatIsNotSupportedIsRefusedAndNothingIsCreated() throws Exception {
    Path file = dir.resolve("greet.yaml");
    Files.writeString(file, GREET);
    argo4j("run", file.toString());

    LocalCli.Run memoized = argo4j("resubmit", "greet", "--memoized");
    LocalCli.Run missing = argo4j("resubmit", "nope");
    LocalCli.Run none = argo4j("resubmit");

    assertThat(memoized.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(memoized.err()).contains("--memoized is not supported");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).contains("workflow default/nope not found");
    assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(argo4j("list", "-o", "name").out()).isEqualTo("greet\n");
  }
}
