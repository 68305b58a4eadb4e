package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a sandbox, steps declaring the same path run one at a time and still get their own. */
class FallbackModeTest {
  @TempDir Path tmp;

  @Test
  void aVolumeMountPathThatDoesNotExistIsCreatedForTheStep() throws Exception {
    String mount = Steps.scratch() + "/workspace";
    StepSpec spec =
        StepSpec.builder("alpine")
            .command("sh", "-c", "echo a > " + mount + "/x && cat " + mount + "/x")
            .extraPath(mount)
            .captureResult(true)
            .build();

    StepResult r = Steps.run(SandboxMode.NONE, spec, tmp.resolve("a"));

    assertThat(r.exitCode()).as(Steps.read(Path.of(r.logFile()))).isZero();
    assertThat(r.result()).isEqualTo("a");
  }

  @Test
  void stepsDeclaringTheSamePathRunOneAtATimeWithCorrectOutputs() throws Exception {
    StepExecutor executor = Steps.newExecutor(Steps.config(SandboxMode.NONE).build());
    String shared = Steps.scratch() + "/out";
    Path log = tmp.resolve("order.log");
    Path go = tmp.resolve("go");
    StepHandle a =
        executor.start(
            step(
                shared,
                "echo A-start >> "
                    + log
                    + "; echo A > "
                    + shared
                    + "; while [ ! -e "
                    + go
                    + " ]; do sleep 0.05; done; cat "
                    + shared
                    + "; echo A-end >> "
                    + log),
            tmp.resolve("a"));
    Steps.awaitText(log, "A-start");

    AtomicReference<StepHandle> b = new AtomicReference<>();
    CompletableFuture<Void> startedB = new CompletableFuture<>();
    Thread starter =
        Thread.ofPlatform()
            .start(() -> {
              try {
                b.set(
                    executor.start(
                        step(
                            shared,
                            "echo B-start >> "
                                + log
                                + "; test -e "
                                + shared
                                + " && echo leftover; echo B > "
                                + shared
                                + "; cat "
                                + shared
                                + "; echo B-end >> "
                                + log),
                        tmp.resolve("b")));
                startedB.complete(null);
              } catch (Exception e) {
                startedB.completeExceptionally(e);
              }
            });
    // B waits for A's path
    Awaitility.await().atMost(Steps.WAIT).until(() -> starter.getState() == Thread.State.WAITING);
    assertThat(executor.pathLocks().held()).contains(shared);
    assertThat(startedB).isNotDone();

    Files.createFile(go);
    StepResult ra = Steps.finish(a);
    startedB.get();
    StepResult rb = Steps.finish(b.get());

    assertThat(Files.readString(log)).isEqualTo("A-start\nA-end\nB-start\nB-end\n");
    assertThat(ra.result()).isEqualTo("A");
    assertThat(ra.outputParameters()).containsEntry("out", "A");
    assertThat(rb.result()).isEqualTo("B");
    assertThat(rb.outputParameters()).containsEntry("out", "B");
    assertThat(Path.of(shared)).as("outputs are moved into the step directories").doesNotExist();
    assertThat(executor.pathLocks().held()).isEmpty();
  }

  @Test
  void stepsDeclaringDifferentPathsRunAtTheSameTime() throws Exception {
    StepExecutor executor = Steps.newExecutor(Steps.config(SandboxMode.NONE).build());
    Path go = tmp.resolve("go");
    StepHandle a =
        executor.start(
            step(Steps.scratch() + "/a", "while [ ! -e " + go + " ]; do sleep 0.05; done"),
            tmp.resolve("a"));

    // finishes while A still waits: it was not held back by A
    StepResult rb =
        Steps.finish(executor.start(step(Steps.scratch() + "/b", "true"), tmp.resolve("b")));
    assertThat(a.isAlive()).isTrue();

    Files.createFile(go);
    assertThat(rb.exitCode()).isZero();
    assertThat(Steps.finish(a).exitCode()).isZero();
  }

  @Test
  void aStepDoesNotOverwriteAnInputFileAlreadyOnTheHost() throws Exception {
    String dir = Steps.scratch();
    Path existing = Path.of(dir, "in.txt");
    Files.createDirectories(existing.getParent());
    Files.writeString(existing, "the host's");
    try {
      StepResult r =
          Steps.run(
              SandboxMode.NONE,
              StepSpec.builder("alpine")
                  .inputFile(existing.toString(), "the step's")
                  .command("true")
                  .build(),
              tmp.resolve("step"));

      assertThat(r.failure())
          .contains("input file " + existing + " already exists on this host")
          .contains("bubblewrap");
      assertThat(existing).hasContent("the host's");
    } finally {
      Files.deleteIfExists(existing);
      Files.deleteIfExists(existing.getParent());
    }
  }

  @Test
  void anOutputThatWasOnTheHostBeforeIsCopiedNotMoved() throws Exception {
    Path existing = tmp.resolve("host-dir/report.txt");
    Files.createDirectories(existing.getParent());
    Files.writeString(existing, "before");

    StepResult r =
        Steps.run(
            SandboxMode.NONE,
            StepSpec.builder("alpine")
                .command("sh", "-c", "echo after > " + existing)
                .outputParameter("p", existing.toString())
                .build(),
            tmp.resolve("step"));

    assertThat(r.outputParameters()).containsEntry("p", "after");
    assertThat(existing).as("the host's file stays").exists();
  }

  private static StepSpec step(String declared, String script) {
    return StepSpec.builder("alpine")
        .command("sh", "-c", "mkdir -p " + Path.of(declared).getParent() + "; " + script)
        .outputParameter("out", declared, "none")
        .captureResult(true)
        .build();
  }
}
