package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResultCaptureTest {
  @TempDir Path tmp;

  private StepResult run(SandboxMode mode, String script) throws Exception {
    StepSpec spec =
        StepSpec.builder("alpine").command("sh", "-c", script).captureResult(true).build();
    return Steps.run(mode, spec, tmp.resolve("step"));
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void exactlyOneTrailingNewlineIsRemoved(SandboxMode mode) throws Exception {
    assertThat(run(mode, "printf 'a\\nb\\n\\n'").result()).isEqualTo("a\nb\n");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void outputWithoutTrailingNewlineIsKeptAsIs(SandboxMode mode) throws Exception {
    assertThat(run(mode, "printf 'no newline'").result()).isEqualTo("no newline");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void noOutputIsAnEmptyResult(SandboxMode mode) throws Exception {
    assertThat(run(mode, "true").result()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void onlyTheLast256KilobytesOfStdoutAreKept(SandboxMode mode) throws Exception {
    // 300 000 bytes of x, then a marker and a newline
    StepResult r = run(mode, "head -c 300000 /dev/zero | tr '\\0' x; echo END");

    assertThat(r.result()).hasSize(StepDirectory.MAX_RESULT_BYTES).endsWith("xEND");
    assertThat(r.result().substring(0, r.result().length() - 3)).matches("x+");
    assertThat(Files.size(StepDirectory.of(tmp.resolve("step")).stdoutFile()))
        .as("the stdout file keeps everything")
        .isEqualTo(300_004);
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aTruncatedResultNeverStartsInsideAMultiByteCharacter(SandboxMode mode) throws Exception {
    // é is two bytes: 200 000 of them do not fit, and the cut falls on a character boundary or
    // drops the half character
    StepResult r =
        run(
            mode,
            "i=0; while [ $i -lt 2000 ]; do printf 'éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé'; i=$((i+1)); done");

    assertThat(r.result()).matches("é+");
    assertThat(r.result().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isBetween(StepDirectory.MAX_RESULT_BYTES - 1, StepDirectory.MAX_RESULT_BYTES);
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void stderrIsInTheLogButNotInTheResult(SandboxMode mode) throws Exception {
    StepResult r = run(mode, "echo to-stdout; echo to-stderr >&2; echo more-stdout");

    assertThat(r.result()).isEqualTo("to-stdout\nmore-stdout");
    assertThat(Files.readString(Path.of(r.logFile())))
        .contains("to-stdout", "to-stderr", "more-stdout");
    assertThat(Path.of(r.logFile())).isEqualTo(tmp.resolve("step").resolve("main.log"));
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void withoutCaptureTheResultIsNull(SandboxMode mode) throws Exception {
    StepSpec spec = StepSpec.builder("alpine").command("sh", "-c", "echo hi").build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.result()).isNull();
    assertThat(Files.readString(Path.of(r.logFile()))).contains("hi");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aFailingStepStillHasItsResult(SandboxMode mode) throws Exception {
    StepResult r = run(mode, "echo partial; exit 4");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.result()).isEqualTo("partial");
  }
}
