package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StepExecutorTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void runsAnEchoStep(SandboxMode mode) throws Exception {
    StepSpec spec =
        StepSpec.builder("alpine:3.7")
            .command("sh", "-c", "echo hello; echo oops >&2")
            .captureResult(true)
            .build();
    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));
    assertThat(r.exitCode()).isZero();
    assertThat(r.result()).isEqualTo("hello");
    assertThat(r.succeeded()).isTrue();
    assertThat(Files.readString(Path.of(r.logFile()))).contains("hello", "oops");
  }
}
