package io.argo4j.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code argo4j watch}: follows a workflow another process runs, until it completes. */
class WatchCommandTest {
  @TempDir Path dir;

  private LocalCli.Run argo4j(String... args) {
    return new LocalCli(dir.resolve("state")).argo4j(args);
  }

  private static final String TWO_STEPS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: slow}
      spec:
        entrypoint: main
        templates:
          - name: main
            steps:
              - - {name: first, template: nap}
              - - {name: second, template: nap}
          - name: nap
            container: {image: alpine, command: [sleep, "1"]}
      """;

  @Test
  void watchFollowsABackgroundRunToItsEndAndPrintsTheTree() throws Exception {
    Path file = dir.resolve("slow.yaml");
    Files.writeString(file, TWO_STEPS);
    assertThat(argo4j("submit", file.toString(), "-o", "name").exitCode()).isZero();

    LocalCli.Run watch = argo4j("watch", "slow");

    assertThat(watch.exitCode()).as(watch.err()).isZero();
    assertThat(watch.out())
        .contains(" slow[0].first ")
        .contains(" slow[1].second Succeeded")
        .contains("slow Succeeded in ")
        .contains("STEP");
    // each change once: the second step succeeds on one line only
    assertThat(watch.out().lines().filter(l -> l.endsWith(" slow[1].second Succeeded"))).hasSize(1);
  }

  @Test
  void watchingAFinishedWorkflowShowsItOnceAndAMissingOneFails() throws Exception {
    Path file = dir.resolve("slow.yaml");
    Files.writeString(file, TWO_STEPS);
    argo4j("run", file.toString());

    LocalCli.Run watch = argo4j("watch", "@latest", "--node-field-selector", "displayName=second");
    LocalCli.Run missing = argo4j("watch", "nope");

    assertThat(watch.exitCode()).isZero();
    assertThat(watch.out()).contains(" slow[1].second Succeeded").doesNotContain("first");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).contains("workflow default/nope not found");
  }

  @Test
  void submitWatchRunsHereWithProgressThenTheTree() throws Exception {
    Path file = dir.resolve("slow.yaml");
    Files.writeString(file, TWO_STEPS.replace("sleep, \"1\"", "sleep, \"0\""));

    LocalCli.Run submit = argo4j("submit", file.toString(), "--watch");

    assertThat(submit.exitCode()).as(submit.err()).isZero();
    assertThat(submit.out())
        .contains("Name:")
        .contains(" slow[0].first Succeeded")
        .contains("STEP")
        .endsWith(
            "slow Succeeded in "
                + submit.out().replaceAll("(?s).*Succeeded in (\\S+):.*", "$1")
                + ": 2 steps, 2 succeeded\n");
    assertThat(submit.err()).isEmpty();
  }
}
