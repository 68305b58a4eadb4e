package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExitCodeTest {
  @TempDir Path tmp;

  static Stream<Arguments> modesAndCodes() {
    return Stream.of(SandboxMode.values())
        .flatMap(m -> Stream.of(0, 1, 3, 255).map(c -> Arguments.of(m, c)));
  }

  @ParameterizedTest(name = "{0}: exit {1}")
  @MethodSource("modesAndCodes")
  void theCommandsExitCodeIsTheStepsExitCode(SandboxMode mode, int code) throws Exception {
    StepSpec spec = StepSpec.builder("alpine").command("sh", "-c", "exit " + code).build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).isEqualTo(code);
    assertThat(r.failure()).isNull();
    assertThat(r.succeeded()).isEqualTo(code == 0);
    assertThat(r.message()).isEqualTo(code == 0 ? "" : "Error (exit code " + code + ")");
    assertThat(r.startedAt()).isNotNull();
    assertThat(r.finishedAt()).isNotNull().isAfterOrEqualTo(r.startedAt());
  }

  static Stream<Arguments> modesAndSignals() {
    return Stream.of(SandboxMode.values())
        .flatMap(
            m -> Stream.of("KILL:9", "TERM:15", "INT:2", "SEGV:11").map(s -> Arguments.of(m, s)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("modesAndSignals")
  void aCommandKilledBySignalNExitsWith128PlusN(SandboxMode mode, String signal) throws Exception {
    String name = signal.split(":")[0];
    int number = Integer.parseInt(signal.split(":")[1]);
    StepSpec spec =
        StepSpec.builder("alpine")
            .command("sh", "-c", "trap - INT; kill -" + name + " $$; sleep 5")
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).isEqualTo(128 + number);
    assertThat(r.succeeded()).isFalse();
    assertThat(r.failure()).isNull();
  }

  @ParameterizedTest
  @MethodSource("modes")
  void aCommandThatIsNotExecutableFailsWith126(SandboxMode mode) throws Exception {
    StepSpec spec =
        StepSpec.builder("alpine")
            .inputFile("/tmp/not-exec/run.sh", "#!/bin/sh\necho never\n", 0644)
            .command("sh", "-c", "/tmp/not-exec/run.sh")
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).isEqualTo(126);
  }

  static Stream<SandboxMode> modes() {
    return Stream.of(SandboxMode.values());
  }
}
