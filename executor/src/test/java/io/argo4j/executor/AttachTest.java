package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A restarted runner (a new {@link StepExecutor}) finds the steps an earlier one started: live,
 * finished while it was away, or lost.
 */
class AttachTest {
  @TempDir Path tmp;

  private static ExecutorConfig outliving(SandboxMode mode) {
    return Steps.config(mode).stepsOutliveRunner(true).build();
  }

  /** Waits for USR1, then writes its output and exits 0. */
  private static StepSpec waitsForUsr1() {
    return StepSpec.builder("alpine")
        .command(
            "sh",
            "-c",
            "trap 'echo done > /tmp/p; echo finished; exit 0' USR1; echo ready;"
                + " while :; do sleep 0.1; done")
        .outputParameter("p", "/tmp/p")
        .captureResult(true)
        .build();
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aStepStillRunningIsAttachedLiveAndItsResultCollected(SandboxMode mode) throws Exception {
    Path dir = tmp.resolve("step");
    StepExecutor first = Steps.newExecutor(outliving(mode));
    StepHandle started = first.start(waitsForUsr1(), dir);
    Steps.awaitLog(started, "ready");
    first.close();

    StepExecutor second = Steps.newExecutor(outliving(mode));
    StepHandle h = second.attach(dir).orElseThrow();

    assertThat(h.isAlive()).isTrue();
    assertThat(h.pid()).isEqualTo(started.pid());
    assertThat(StepDirectory.of(dir).state()).isEqualTo(StepState.RUNNING);
    assertThat(second.attach(dir)).containsSame(h);
    h.signal(StepSignal.USR1);
    StepResult r = Steps.finish(h);
    assertThat(r.exitCode()).isZero();
    assertThat(r.result()).isEqualTo("ready\nfinished");
    assertThat(r.outputParameters()).containsEntry("p", "done");
    second.close();
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aStepThatFinishedWhileTheRunnerWasAwayIsAttachedFinished(SandboxMode mode) throws Exception {
    Path dir = tmp.resolve("step");
    StepExecutor first = Steps.newExecutor(outliving(mode));
    StepHandle started = first.start(waitsForUsr1(), dir);
    Steps.awaitLog(started, "ready");
    first.close();
    started.signal(StepSignal.USR1);
    Awaitility.await()
        .atMost(Steps.WAIT)
        .until(() -> StepDirectory.of(dir).state() == StepState.FINISHED);

    StepHandle h = Steps.newExecutor(outliving(mode)).attach(dir).orElseThrow();

    assertThat(h.isAlive()).isFalse();
    StepResult r = Steps.finish(h);
    assertThat(r.succeeded()).as(r.message()).isTrue();
    assertThat(r.outputParameters()).containsEntry("p", "done");
    assertThat(r.result()).isEqualTo("ready\nfinished");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aStepKilledWhileTheRunnerWasAwayIsLostWithAClearMessage(SandboxMode mode) throws Exception {
    Path dir = tmp.resolve("step");
    StepExecutor first = Steps.newExecutor(outliving(mode));
    StepHandle started = first.start(waitsForUsr1(), dir);
    Steps.awaitLog(started, "ready");
    long child = Long.parseLong(Files.readString(dir.resolve("started")).trim().split("=")[1]);
    first.close();
    ProcessHandle.of(started.pid()).orElseThrow().destroyForcibly();
    Awaitility.await().atMost(Steps.WAIT).until(() -> !started.isAlive());

    StepHandle h = Steps.newExecutor(outliving(mode)).attach(dir).orElseThrow();

    assertThat(StepDirectory.of(dir).state()).isEqualTo(StepState.LOST);
    assertThat(h.isAlive()).isFalse();
    StepResult r = Steps.finish(h);
    assertThat(r.exitCode()).isNull();
    assertThat(r.succeeded()).isFalse();
    assertThat(r.failure())
        .startsWith("process lost: the step's wrapper (pid " + started.pid() + ")")
        .contains("outputs were not collected")
        .contains("Run the step again");
    Awaitility.await()
        .atMost(Steps.WAIT)
        .alias("the command the wrapper left behind is ended")
        .until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aStepThatMayNotOutliveItsRunnerIsStoppedWhenTheRunnerGoes(SandboxMode mode)
      throws Exception {
    Path dir = tmp.resolve("step");
    StepExecutor first = Steps.newExecutor(Steps.config(mode).build());
    StepHandle started = first.start(waitsForUsr1(), dir);
    Steps.awaitLog(started, "ready");

    first.close();

    Awaitility.await()
        .atMost(Steps.WAIT)
        .until(() -> StepDirectory.of(dir).state() == StepState.FINISHED);
    StepResult r = Steps.finish(Steps.newExecutor(Steps.config(mode).build()).attach(dir).get());
    assertThat(r.exitCode()).isEqualTo(128 + 15);
    assertThat(r.failure())
        .isEqualTo("stopped because the runner that started the step exited (exit code 143)");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aDirectoryWithoutAStartedStepHasNothingToAttach(SandboxMode mode) throws Exception {
    Files.createDirectories(tmp.resolve("empty"));

    assertThat(Steps.executor(mode).attach(tmp.resolve("empty"))).isEmpty();
    assertThat(StepDirectory.of(tmp.resolve("empty")).state()).isEqualTo(StepState.PENDING);
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aClosedExecutorRefusesWork(SandboxMode mode) throws Exception {
    StepExecutor e = Steps.newExecutor(Steps.config(mode).build());
    e.close();

    assertThatThrownBy(() -> e.start(waitsForUsr1(), tmp.resolve("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aStepDirectoryCannotBeReused(SandboxMode mode) throws Exception {
    StepSpec spec = StepSpec.builder("alpine").command("true").build();
    Steps.run(mode, spec, tmp.resolve("step"));

    assertThatThrownBy(() -> Steps.executor(mode).start(spec, tmp.resolve("step")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already holds a step");
    Optional<StepHandle> again = Steps.executor(mode).attach(tmp.resolve("step"));
    assertThat(again.map(StepHandle::isAlive)).contains(false);
  }
}
