package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.executor.internal.Bwrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under bubblewrap every step has its own /tmp and its own copy of the paths it declares. */
class SandboxIsolationTest {
  @TempDir Path tmp;

  /** Outside /tmp, so that sandboxed steps see it (read-only) and can wait for a "go" file. */
  private Path barrier;

  @BeforeEach
  void barrier() throws Exception {
    barrier = Files.createTempDirectory(Path.of("/var/tmp"), "argo4j-test-");
  }

  @AfterEach
  void removeBarrier() {
    Bwrap.deleteTree(barrier);
  }

  private String waitForGo() {
    return "while [ ! -e " + barrier.resolve("go") + " ]; do sleep 0.05; done";
  }

  private static void awaitHostFile(Path stepDir, String stepPath) {
    Awaitility.await()
        .atMost(Steps.WAIT)
        .until(() -> Files.exists(StepDirectory.of(stepDir).hostPath(stepPath)));
  }

  @Test
  void twoParallelStepsWritingTheSamePathEachGetTheirOwnValue() throws Exception {
    StepExecutor executor = Steps.executor(SandboxMode.BWRAP);
    StepHandle a = executor.start(writer("A"), tmp.resolve("a"));
    StepHandle b = executor.start(writer("B"), tmp.resolve("b"));
    // both have written /tmp/out and still run
    awaitHostFile(tmp.resolve("a"), "/tmp/out");
    awaitHostFile(tmp.resolve("b"), "/tmp/out");

    Files.createFile(barrier.resolve("go"));
    StepResult ra = Steps.finish(a);
    StepResult rb = Steps.finish(b);

    assertThat(ra.result()).isEqualTo("A");
    assertThat(ra.outputParameters()).containsEntry("out", "A");
    assertThat(Path.of(ra.outputArtifacts().get("out"))).hasContent("A");
    assertThat(rb.result()).isEqualTo("B");
    assertThat(rb.outputParameters()).containsEntry("out", "B");
    assertThat(Path.of(rb.outputArtifacts().get("out"))).hasContent("B");
  }

  private StepSpec writer(String value) {
    return StepSpec.builder("alpine")
        .command("sh", "-c", "echo " + value + " > /tmp/out; " + waitForGo() + "; cat /tmp/out")
        .outputParameter("out", "/tmp/out")
        .outputArtifact("out", "/tmp/out")
        .captureResult(true)
        .build();
  }

  @Test
  void aVolumeMountPathIsAnEmptyDirectoryOfTheStepsOwn() throws Exception {
    StepSpec spec =
        StepSpec.builder("alpine")
            .command("sh", "-c", "ls -A /argo4j-test-workspace; echo a > /argo4j-test-workspace/x")
            .extraPath("/argo4j-test-workspace")
            .captureResult(true)
            .build();

    StepResult r = Steps.run(SandboxMode.BWRAP, spec, tmp.resolve("a"));

    assertThat(r.exitCode()).as(Steps.read(Path.of(r.logFile()))).isZero();
    assertThat(r.result()).isEmpty();
    assertThat(Path.of("/argo4j-test-workspace")).doesNotExist();
  }

  @Test
  void aStepSeesNeitherAnotherStepsTmpNorTheHosts() throws Exception {
    StepExecutor executor = Steps.executor(SandboxMode.BWRAP);
    Path hostFile = Path.of("/tmp/argo4j-host-" + UUID.randomUUID());
    Files.writeString(hostFile, "host");
    try {
      StepHandle a =
          executor.start(
              StepSpec.builder("alpine")
                  .command("sh", "-c", "echo secret > /tmp/secret; " + waitForGo())
                  .build(),
              tmp.resolve("a"));
      awaitHostFile(tmp.resolve("a"), "/tmp/secret");

      StepResult b =
          Steps.run(
              SandboxMode.BWRAP,
              StepSpec.builder("alpine")
                  .command("sh", "-c", "ls -A /tmp | wc -l; cat /tmp/secret " + hostFile)
                  .captureResult(true)
                  .build(),
              tmp.resolve("b"));
      Files.createFile(barrier.resolve("go"));

      assertThat(b.result().lines().findFirst()).contains("0");
      assertThat(b.exitCode()).as("cat finds neither file").isNotZero();
      assertThat(Steps.finish(a).exitCode()).isZero();
    } finally {
      Files.deleteIfExists(hostFile);
    }
  }

  @Test
  void aStepCannotChangeTheHostOutsideItsDeclaredPaths() throws Exception {
    Path victim = barrier.resolve("victim");
    Files.writeString(victim, "original");

    StepResult r =
        Steps.run(
            SandboxMode.BWRAP,
            StepSpec.builder("alpine").command("sh", "-c", "echo changed > " + victim).build(),
            tmp.resolve("step"));

    assertThat(r.exitCode()).isNotZero();
    assertThat(victim).hasContent("original");
  }

  @Test
  void aDeclaredPathBelowAReadOnlyHostDirectoryIsTheStepsOwn() throws Exception {
    // the step writes into a host directory it only declares a file of
    String path = barrier.resolve("result.txt").toString();

    StepResult r =
        Steps.run(
            SandboxMode.BWRAP,
            StepSpec.builder("alpine")
                .command("sh", "-c", "echo mine > " + path)
                .outputParameter("r", path)
                .build(),
            tmp.resolve("step"));

    assertThat(r.outputParameters()).containsEntry("r", "mine");
    assertThat(Path.of(path)).as("the host directory is untouched").doesNotExist();
  }

  @Test
  void theStepsHostnameIsItsPodName() throws Exception {
    StepResult r =
        Steps.run(
            SandboxMode.BWRAP,
            StepSpec.builder("alpine")
                .podName("wf-abc-main-123")
                .command("hostname")
                .captureResult(true)
                .build(),
            tmp.resolve("step"));

    assertThat(r.result()).isEqualTo("wf-abc-main-123");
  }
}
