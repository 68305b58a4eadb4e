package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * argo4j's argosay behaves as the entrypoint of {@code argoproj/argosay:v2} in every form the
 * upstream examples and e2e tests use. Its echo prints on stderr (the image's program uses Go's
 * builtin println), so a step's {@code result} stays empty, as in Argo.
 */
class ArgosayTest {
  private static final String IMAGE = "argoproj/argosay:v2";

  @TempDir Path tmp;

  private StepResult run(String... args) throws Exception {
    StepSpec spec = StepSpec.builder(IMAGE).args(args).captureResult(true).build();
    return Steps.run(SandboxMode.BWRAP, spec, tmp.resolve("step"));
  }

  private static String log(StepResult r) {
    return Steps.read(Path.of(r.logFile()));
  }

  @Test
  void withoutArgsItSaysHelloArgoOnStderr() throws Exception {
    StepResult r = run();

    assertThat(r.exitCode()).isZero();
    assertThat(r.result()).isEmpty();
    assertThat(log(r)).isEqualTo("hello argo\n");
  }

  @Test
  void echoWithoutStringSaysHelloArgo() throws Exception {
    StepResult r = run("echo");

    assertThat(r.exitCode()).isZero();
    assertThat(log(r)).isEqualTo("hello argo\n");
  }

  @Test
  void echoPrintsItsStringOnStderr() throws Exception {
    StepResult r = run("echo", "consumer got: [fallback] and 'quotes' $HOME");

    assertThat(r.exitCode()).isZero();
    assertThat(r.result()).isEmpty();
    assertThat(log(r)).isEqualTo("consumer got: [fallback] and 'quotes' $HOME\n");
  }

  @Test
  void echoToAFileWritesTheStringWithoutNewlineAndCreatesTheDirectory() throws Exception {
    StepSpec spec =
        StepSpec.builder(IMAGE)
            .args("echo", "hello 10 @ 2026\n", "/mnt/out/deep/file")
            .outputParameter("output", "/mnt/out/deep/file")
            .outputArtifact("file", "/mnt/out/deep/file")
            .build();

    StepResult r = Steps.run(SandboxMode.BWRAP, spec, tmp.resolve("step"));

    assertThat(r.succeeded()).as(r.message()).isTrue();
    assertThat(Path.of(r.outputArtifacts().get("file"))).hasContent("hello 10 @ 2026\n");
    assertThat(r.outputParameters()).containsEntry("output", "hello 10 @ 2026");
  }

  @Test
  void echoWithTooManyArgumentsIsAUsageError() throws Exception {
    StepResult r = run("echo", "a", "/tmp/f", "garbage");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(log(r)).contains("usage: argosay echo [string] [file]");
  }

  @Test
  void catCopiesItsFilesToStdout() throws Exception {
    StepSpec spec =
        StepSpec.builder(IMAGE)
            .inputFile("/tmp/file", "hello\n")
            .inputFile("/tmp/other", "world")
            .args("cat", "/tmp/file", "/tmp/other")
            .captureResult(true)
            .build();

    StepResult r = Steps.run(SandboxMode.BWRAP, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.result()).isEqualTo("hello\nworld");
  }

  @Test
  void catOfAMissingFileFails() throws Exception {
    StepResult r = run("cat", "/tmp/non");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(log(r)).contains("argosay: open /tmp/non: no such file or directory");
  }

  @Test
  void sleepTakesAGoDuration() throws Exception {
    StepResult r = run("sleep", "100ms");

    assertThat(r.exitCode()).isZero();
  }

  @Test
  void sleepRefusesANumberWithoutUnitAsGoDoes() throws Exception {
    StepResult r = run("sleep", "10");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(log(r)).contains("invalid duration \"10\"");
  }

  @Test
  void exitExitsWithItsCode() throws Exception {
    assertThat(run("exit", "1").exitCode()).isEqualTo(1);
  }

  @Test
  void exitWithoutCodeSucceeds() throws Exception {
    assertThat(run("exit").exitCode()).isZero();
  }

  @Test
  void exitWithAnInvalidCodeFails() throws Exception {
    StepResult r = run("exit", "one");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(log(r)).contains("parsing \"one\": invalid syntax");
  }

  @Test
  void assertContainsSucceedsWhenTheFileContainsTheText() throws Exception {
    StepSpec spec =
        StepSpec.builder(IMAGE)
            .inputFile("/tmp/foo", "a foo b")
            .args("assert_contains", "/tmp/foo", "foo")
            .build();

    assertThat(Steps.run(SandboxMode.BWRAP, spec, tmp.resolve("step")).exitCode()).isZero();
  }

  @Test
  void assertContainsFailsWithWhatTheFileHeld() throws Exception {
    StepSpec spec =
        StepSpec.builder(IMAGE)
            .inputFile("/tmp/foo", "foo")
            .args("assert_contains", "/tmp/foo", "bar")
            .build();

    StepResult r = Steps.run(SandboxMode.BWRAP, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(log(r)).contains("expected \"/tmp/foo\" to contain \"bar\", but was \"foo\"");
  }

  @Test
  void anUnknownSubcommandIsAUsageError() throws Exception {
    StepResult r = run("garbage");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(log(r)).contains("usage: argosay [assert_contains");
  }

  @Test
  void theImagesEntrypointPathWorksAsCommand() throws Exception {
    // intermediate-parameters.yaml: command: [/argosay], args: [echo, deploying]
    StepSpec spec = StepSpec.builder(IMAGE).command("/argosay").args("echo", "deploying").build();

    StepResult r = Steps.run(SandboxMode.BWRAP, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).as(r.message()).isZero();
    assertThat(log(r)).isEqualTo("deploying\n");
  }

  @Test
  void shellCommandsRunInTheArgosayImage() throws Exception {
    // artifact-gc-workflow.yaml and others: command: [sh, -c]
    StepSpec spec =
        StepSpec.builder(IMAGE)
            .command("sh", "-c")
            .args("echo \"hello world\" > /tmp/on-completion.txt")
            .outputArtifact("on-completion", "/tmp/on-completion.txt")
            .build();

    StepResult r = Steps.run(SandboxMode.BWRAP, spec, tmp.resolve("step"));

    assertThat(r.succeeded()).as(r.message()).isTrue();
    assertThat(Path.of(r.outputArtifacts().get("on-completion"))).hasContent("hello world");
  }

  @Test
  void argosayWorksWithoutSandboxToo() throws Exception {
    String file = Steps.scratch() + "/out";
    StepSpec spec =
        StepSpec.builder(IMAGE)
            .args("echo", "real-value", file)
            .outputParameter("out", file)
            .build();

    StepResult r = Steps.run(SandboxMode.NONE, spec, tmp.resolve("step"));

    assertThat(r.outputParameters()).containsEntry("out", "real-value");
  }
}
