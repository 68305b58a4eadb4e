package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TerminateTest {
  @TempDir Path tmp;

  private StepHandle start(SandboxMode mode, String script) throws Exception {
    StepHandle h =
        Steps.executor(mode)
            .start(
                StepSpec.builder("alpine")
                    .command("sh", "-c", script + "; echo ready; while :; do sleep 0.1; done")
                    .build(),
                tmp.resolve("step"));
    Steps.awaitLog(h, "ready");
    return h;
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aStepThatHandlesTermEndsItsOwnWay(SandboxMode mode) throws Exception {
    StepHandle h = start(mode, "trap 'echo got TERM; exit 7' TERM");

    // a grace far longer than the test: the step must end on TERM alone
    StepResult r = h.terminate(Steps.WAIT);

    assertThat(r.exitCode()).isEqualTo(7);
    assertThat(Steps.read(Path.of(r.logFile()))).contains("got TERM");
    assertThat(h.isAlive()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aStepThatTrapsTermAndGoesOnIsKilledAfterTheGracePeriod(SandboxMode mode) throws Exception {
    StepHandle h = start(mode, "trap 'echo got TERM' TERM");
    h.signal(StepSignal.TERM);
    Steps.awaitLog(h, "got TERM");

    StepResult r = h.terminate(Duration.ofMillis(500));

    assertThat(r.exitCode()).isEqualTo(128 + 9);
    assertThat(r.failure()).isNull();
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aStepThatIgnoresTermStillEnds(SandboxMode mode) throws Exception {
    StepHandle h = start(mode, "trap '' TERM");

    StepResult r = h.terminate(Duration.ofMillis(500));

    assertThat(r.exitCode()).isEqualTo(128 + 9);
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void signalsReachTheCommandAndItsChildren(SandboxMode mode) throws Exception {
    StepHandle h =
        start(
            mode,
            "trap 'echo got USR1' USR1; sh -c 'trap \"echo child got USR1\" USR1; echo child-ready; while :; do sleep 0.1; done' & true");
    Steps.awaitLog(h, "child-ready");

    h.signal(StepSignal.USR1);

    Steps.awaitLog(h, "got USR1");
    Steps.awaitLog(h, "child got USR1");
    assertThat(h.isAlive()).isTrue();
    assertThat(h.terminate(Duration.ofMillis(500)).exitCode()).isEqualTo(128 + 15);
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void killEndsAStepAtOnce(SandboxMode mode) throws Exception {
    StepHandle h = start(mode, "trap '' TERM INT");

    h.kill();

    assertThat(Steps.finish(h).exitCode()).isEqualTo(128 + 9);
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void runStopsAStepThatExceedsItsDeadline(SandboxMode mode) throws Exception {
    StepSpec spec =
        StepSpec.builder("argoproj/argosay:v2")
            .args("sleep", "1h")
            .outputParameter("p", "/tmp/never", "default")
            .build();

    StepResult r = Steps.executor(mode).run(spec, tmp.resolve("step"), Duration.ofMillis(300));

    assertThat(r.succeeded()).isFalse();
    assertThat(r.failure()).isEqualTo("Step exceeded its deadline of 300ms");
    assertThat(r.exitCode()).isEqualTo(128 + 15);
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void signalsToAnEndedStepAreIgnored(SandboxMode mode) throws Exception {
    StepHandle h =
        Steps.executor(mode)
            .start(StepSpec.builder("alpine").command("true").build(), tmp.resolve("step"));
    StepResult r = Steps.finish(h);

    h.signal(StepSignal.TERM);
    h.kill();

    assertThat(h.terminate(Duration.ZERO)).isEqualTo(r);
  }
}
