package io.argo4j.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}, {@code list}, {@code get}, {@code logs}, {@code wait}, {@code terminate} and {@code
 * delete} on one state directory, in-process. The workflows run for real, as local processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalCommandsTest {

  @TempDir static Path dir;
  private Path state;
  private LocalCli.Run hello;
  private LocalCli.Run failing;

  private LocalCli.Run argo4j(String... args) {
    return new LocalCli(state).argo4j(args);
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static final String HELLO =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: hello}
      spec:
        entrypoint: main
        arguments:
          parameters: [{name: who, value: nobody}]
        templates:
          - name: main
            inputs: {parameters: [{name: who}]}
            container:
              image: alpine
              command: [sh, -c, "echo line one; echo hello {{inputs.parameters.who}}; echo line three"]
      """;

  @BeforeAll
  void runTwoWorkflows() throws Exception {
    state = dir.resolve("state");
    hello = argo4j("run", write("hello.yaml", HELLO).toString(), "-p", "who=argo4j");
    failing =
        argo4j(
            "run",
            write(
                    "failing.yaml",
                    """
                    apiVersion: argoproj.io/v1alpha1
                    kind: Workflow
                    metadata: {name: failing}
                    spec:
                      entrypoint: main
                      templates:
                        - name: main
                          container: {image: alpine, command: [sh, -c, "exit 4"]}
                    """)
                .toString());
  }

  @Test
  void runExitsZeroAndEndsWithTheTreeAndASummary() {
    assertThat(hello.exitCode()).as(hello.err()).isEqualTo(ExitCodes.OK);
    assertThat(hello.out())
        .contains("STEP")
        .contains("✔ hello")
        .endsWith(
            "hello Succeeded in "
                + hello.out().replaceAll("(?s).*Succeeded in (\\S+):.*", "$1")
                + ": 1 step, 1 succeeded\n");
    assertThat(hello.out()).contains("hello Running").contains("hello Succeeded");
  }

  @Test
  void aFailedWorkflowExitsOne() {
    assertThat(failing.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(failing.out()).contains("✖ failing").contains("Error (exit code 4)");
  }

  @Test
  void listShowsBothNewestFirst() {
    LocalCli.Run list = argo4j("list");

    assertThat(list.exitCode()).isZero();
    List<String> lines = list.out().lines().toList();
    assertThat(lines.get(0)).matches("NAME +STATUS +AGE +DURATION +PRIORITY +MESSAGE");
    List<String> ours =
        lines.stream().filter(l -> l.startsWith("failing ") || l.startsWith("hello ")).toList();
    assertThat(ours).hasSize(2);
    assertThat(ours.get(0)).startsWith("failing  ").contains("Failed");
    assertThat(ours.get(1)).startsWith("hello  ").contains("Succeeded");
    assertThat(argo4j("list", "--status", "Failed", "-o", "name").out()).isEqualTo("failing\n");
    assertThat(argo4j("list", "--prefix", "hel", "-o", "name").out()).isEqualTo("hello\n");
  }

  @Test
  void getPrintsArgosHeaderAndTree() {
    LocalCli.Run get = argo4j("get", "hello");

    assertThat(get.exitCode()).isZero();
    assertThat(get.out())
        .startsWith("Name:                hello\nNamespace:           default\n")
        .contains("Status:              Succeeded\n")
        .contains("Progress:            1/1\n")
        .contains("Parameters:\n  who:               argo4j\n")
        .containsPattern("\n ✔ hello +main +hello +\\d+s\n");
    assertThat(argo4j("get", "failing", "--no-utf8").out()).contains(" Failed failing");
  }

  @Test
  void getJsonIsTheWholeWorkflow() throws Exception {
    JsonNode json = new ObjectMapper().readTree(argo4j("get", "failing", "-o", "json").out());

    assertThat(json.at("/metadata/name").asText()).isEqualTo("failing");
    assertThat(json.at("/status/phase").asText()).isEqualTo("Failed");
    assertThat(json.at("/spec/templates/0/name").asText()).isEqualTo("main");
  }

  @Test
  void logsArePrefixedWithThePodName() {
    LocalCli.Run logs = argo4j("logs", "hello");

    assertThat(logs.out()).isEqualTo("hello: line one\nhello: hello argo4j\nhello: line three\n");
    assertThat(argo4j("logs", "hello", "--tail", "1").out()).isEqualTo("hello: line three\n");
    assertThat(argo4j("logs", "hello", "--grep", "hel+o").out()).isEqualTo("hello: hello argo4j\n");
    assertThat(argo4j("logs", "hello", "--follow").out()).contains("hello: hello argo4j\n");
  }

  @Test
  void waitReportsTheFinalPhase() {
    LocalCli.Run wait = argo4j("wait", "hello");

    assertThat(wait.exitCode()).isZero();
    assertThat(wait.out()).startsWith("hello Succeeded at ");
    assertThat(argo4j("wait", "failing").exitCode()).isEqualTo(ExitCodes.FAILURE);
  }

  @Test
  void aMissingWorkflowIsOneLine() {
    LocalCli.Run get = argo4j("get", "nope");

    assertThat(get.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(get.err()).isEqualTo("argo4j get: workflow default/nope not found\n");
  }

  @Test
  void runningANameThatExistsIsRefused() throws Exception {
    LocalCli.Run again = argo4j("run", dir.resolve("hello.yaml").toString(), "-p", "who=x");

    assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).contains("already").contains("generateName");
  }

  @Test
  void outputJsonPrintsOnlyTheWorkflowOnStdout() throws Exception {
    LocalCli.Run run =
        argo4j(
            "run",
            write("gen.yaml", HELLO.replace("{name: hello}", "{generateName: gen-}")).toString(),
            "-o",
            "json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.at("/status/phase").asText()).isEqualTo("Succeeded");
    assertThat(json.at("/metadata/name").asText()).startsWith("gen-");
    assertThat(run.err()).contains("Succeeded");
    LocalCli.Run delete = argo4j("delete", json.at("/metadata/name").asText());
    assertThat(delete.out())
        .as(delete.err())
        .isEqualTo("Workflow '" + json.at("/metadata/name").asText() + "' deleted\n");
  }

  @Test
  void invalidInputExitsTwoAndRunsNothing() throws Exception {
    Path bad =
        write(
            "bad.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {generateName: bad-}
            spec:
              entrypoint: main
              arguments:
                parameters: [{name: needed}]
              templates:
                - name: main
                  steps:
                    - - name: a
                        template: nowhere
            """);

    LocalCli.Run run = argo4j("run", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(bad + ":7:")
        .contains("-p needed=VALUE")
        .contains(bad + ":12:")
        .contains("\"nowhere\"")
        .endsWith("argo4j run: " + bad + " is not valid (2 problems above); nothing was run\n");
    assertThat(argo4j("list", "--prefix", "bad-", "-o", "name").out()).isEmpty();

    LocalCli.Run malformed =
        argo4j("run", write("broken.yaml", "kind: Workflow\nspec: [\n").toString());
    assertThat(malformed.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(malformed.err()).containsPattern("broken\\.yaml:\\d+:\\d+: ");
  }

  @Test
  void submitReturnsAtOnceAndABackgroundRunnerRunsTheWorkflow() throws Exception {
    Path file = write("sub.yaml", HELLO.replace("{name: hello}", "{generateName: sub-}"));

    LocalCli.Run submit = argo4j("submit", file.toString(), "-o", "name", "-l", "team=a");

    assertThat(submit.exitCode()).as(submit.err()).isZero();
    String name = submit.out().strip();
    assertThat(name).startsWith("sub-");
    LocalCli.Run wait = argo4j("wait", name);
    assertThat(wait.exitCode()).as(wait.err()).isZero();
    assertThat(wait.out()).startsWith(name + " Succeeded at ");
    assertThat(argo4j("list", "-l", "team=a", "-o", "name").out()).isEqualTo(name + "\n");
    assertThat(argo4j("logs", name).out()).contains(": hello nobody\n");
  }

  @Test
  void submitDryRunStoresNothing() throws Exception {
    Path file = write("dry.yaml", HELLO.replace("{name: hello}", "{name: dry}"));

    LocalCli.Run submit = argo4j("submit", file.toString(), "--dry-run", "-o", "yaml");

    assertThat(submit.out()).contains("name: dry");
    assertThat(argo4j("get", "dry").exitCode()).isEqualTo(ExitCodes.FAILURE);
  }

  @Test
  void terminateOfAFinishedWorkflowSaysSo() {
    LocalCli.Run run = argo4j("terminate", "hello");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("workflow hello already Succeeded\n");
  }

  private static final String APPROVAL =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: approval}
      spec:
        entrypoint: main
        templates:
          - name: main
            steps:
              - - name: approve
                  template: approve
              - - name: ship
                  template: ship
          - name: approve
            suspend: {}
          - name: ship
            container: {image: alpine, command: [echo, shipped]}
      """;

  private String nodePhase(String workflow, String displayName) throws Exception {
    JsonNode wf = new ObjectMapper().readTree(argo4j("get", workflow, "-o", "json").out());
    for (JsonNode n : wf.path("status").path("nodes")) {
      if (displayName.equals(n.path("displayName").asText())) {
        return n.path("phase").asText();
      }
    }
    return "";
  }

  @Test
  void suspendAndResumeDriveASuspendedWorkflowToTheEnd() throws Exception {
    LocalCli.Run submit = argo4j("submit", write("approval.yaml", APPROVAL).toString());
    assertThat(submit.exitCode()).as(submit.err()).isZero();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> nodePhase("approval", "approve").equals("Running"));

    LocalCli.Run suspend = argo4j("suspend", "approval");
    LocalCli.Run resumeNode =
        argo4j("resume", "approval", "--node-field-selector", "displayName=approve");

    assertThat(suspend.out()).isEqualTo("workflow approval suspended\n");
    assertThat(resumeNode.exitCode()).as(resumeNode.err()).isZero();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> nodePhase("approval", "approve").equals("Succeeded"));
    // still suspended as a whole: the next step does not start
    assertThat(nodePhase("approval", "ship")).isEmpty();

    LocalCli.Run resume = argo4j("resume", "approval");
    LocalCli.Run waited = argo4j("wait", "approval");

    assertThat(resume.out()).isEqualTo("workflow approval resumed\n");
    assertThat(waited.out()).startsWith("approval Succeeded at ");
    assertThat(nodePhase("approval", "ship")).isEqualTo("Succeeded");
  }

  @Test
  void resumingAFinishedWorkflowSaysWhyAndExitsOne() {
    LocalCli.Run run = argo4j("resume", "hello");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err())
        .isEqualTo("argo4j: cannot resume workflow hello: it is already Succeeded\n");
  }
}
