package io.argo4j.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.executor.ExecutorConfig;
import io.argo4j.runtime.local.LoadedWorkflow;
import io.argo4j.runtime.local.LocalRuntime;
import io.argo4j.runtime.local.LocalRuntimeConfig;
import io.argo4j.runtime.local.SubmitOptions;
import io.argo4j.runtime.local.WorkflowFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow whose runner died (here: stored, never run) is handed to a background runner by the
 * next command, which goes on at once even when the workflow then waits at a suspend node.
 */
class RecoveryCommandsTest {
  @TempDir Path state;

  private LocalCli.Run argo4j(String... args) {
    return new LocalCli(state).argo4j(args);
  }

  private void storeWithoutRunner(String yaml) throws Exception {
    try (LocalRuntime runtime =
        LocalRuntime.open(LocalRuntimeConfig.of(state, ExecutorConfig.builder().build()))) {
      LoadedWorkflow w = WorkflowFiles.load(yaml, "test.yaml", null, Map.of(), null);
      runtime.create(w.workflow(), w.templates(), SubmitOptions.defaults());
    }
  }

  private String runnerLogs() {
    try (var files = java.nio.file.Files.walk(state)) {
      StringBuilder b = new StringBuilder();
      for (Path p : files.filter(f -> f.getFileName().toString().equals("runner.log")).toList()) {
        b.append(p).append(":\n").append(java.nio.file.Files.readString(p));
      }
      return b.toString();
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  @Test
  void anInterruptedSuspendedWorkflowDoesNotHoldTheNextCommand() throws Exception {
    storeWithoutRunner(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: parked}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: approve, template: approve}
            - - {name: ship, template: ship}
          - name: approve
            suspend: {}
          - name: ship
            container: {image: alpine, command: [echo, shipped]}
        """);

    LocalCli.Run list = argo4j("list", "-o", "name");

    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).isEqualTo("parked\n");
    assertThat(list.err())
        .contains("parked was interrupted when its runner stopped; resuming it in the background");
    // the background runner has it now: a second command does not hand it over again
    assertThat(argo4j("get", "parked").err()).doesNotContain("interrupted");

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> argo4j("get", "parked").out().contains("approve"));
    LocalCli.Run resume = argo4j("resume", "parked");
    assertThat(resume.exitCode()).as(resume.err()).isZero();
    LocalCli.Run waited = argo4j("wait", "parked");
    assertThat(waited.out())
        .as(() -> waited.exitCode() + " " + waited.err() + "\nrunner logs:\n" + runnerLogs())
        .startsWith("parked Succeeded at ");
  }
}
