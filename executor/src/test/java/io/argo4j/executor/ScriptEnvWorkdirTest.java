package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScriptEnvWorkdirTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aPythonScriptRunsThroughTheTemplatesCommand(SandboxMode mode) throws Exception {
    // Argo's script templates say `command: [python]`; hosts often only have python3
    StepSpec spec =
        StepSpec.builder("python:alpine3.6")
            .command("python")
            .script("import sys\nprint('py', sys.version_info[0])\nprint(sys.argv[1:])\n")
            .args("-u")
            .captureResult(true)
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).as(Steps.read(Path.of(r.logFile()))).isZero();
    assertThat(r.result()).isEqualTo("py 3\n[]");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aShellScriptGetsTheScriptFileAfterTheArgs(SandboxMode mode) throws Exception {
    StepSpec spec =
        StepSpec.builder("alpine:3.7")
            .command("sh")
            .args("-e")
            .script("echo \"first line\"\nfalse\necho never\n")
            .captureResult(true)
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.result()).isEqualTo("first line");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aScriptWithoutCommandUsesTheImagesShell(SandboxMode mode) throws Exception {
    StepSpec spec = StepSpec.builder("alpine").script("echo from $0").captureResult(true).build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.result()).startsWith("from /").endsWith("/staging/script");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void theTemplatesEnvIsSetAndTheRunnersIsNot(SandboxMode mode) throws Exception {
    ExecutorConfig config =
        Steps.config(mode)
            .hostEnvironment(
                withHost(java.util.Map.of("RUNNER_SECRET", "s3cr3t", "LC_TEST_LOCALE", "C")))
            .build();
    StepExecutor executor = Steps.newExecutor(config);
    StepSpec spec =
        StepSpec.builder("alpine")
            .env("GREETING", "hello world")
            .env("EMPTY", "")
            .command(
                "sh",
                "-c",
                "echo \"$GREETING|${EMPTY-unset}|${RUNNER_SECRET-unset}|$LC_TEST_LOCALE|$HOME\";"
                    + " command -v argosay >/dev/null && echo argosay-on-path")
            .captureResult(true)
            .build();

    StepResult r = Steps.finish(executor.start(spec, tmp.resolve("step")));

    assertThat(r.result())
        .isEqualTo("hello world||unset|C|" + System.getenv("HOME") + "\nargosay-on-path");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void theTemplatesPathReplacesTheHostsButArgosayStaysReachable(SandboxMode mode) throws Exception {
    StepSpec spec =
        StepSpec.builder("alpine")
            .env("PATH", "/usr/bin:/bin")
            .command("sh", "-c", "echo \"$PATH\"")
            .captureResult(true)
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.result()).endsWith("/bin:/usr/bin:/bin").contains("argo");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void theWorkingDirectoryIsCreatedAndUsed(SandboxMode mode) throws Exception {
    String wd = Steps.scratch() + "/work/dir";
    StepSpec spec =
        StepSpec.builder("alpine")
            .workingDir(wd)
            .command("sh", "-c", "pwd; echo data > relative.txt")
            .outputArtifact("file", wd + "/relative.txt")
            .captureResult(true)
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).as(Steps.read(Path.of(r.logFile()))).isZero();
    assertThat(r.result()).isEqualTo(wd);
    assertThat(Steps.read(Path.of(r.outputArtifacts().get("file")))).isEqualTo("data\n");
    assertThat(Path.of(wd + "/relative.txt")).as("nothing left on the host").doesNotExist();
  }

  @Test
  void withoutWorkingDirectoryASandboxedStepRunsInTheRootLikeAnImageWithoutWorkdir()
      throws Exception {
    StepSpec spec = StepSpec.builder("alpine").command("pwd").captureResult(true).build();

    StepResult r = Steps.run(SandboxMode.BWRAP, spec, tmp.resolve("step"));

    assertThat(r.result()).isEqualTo("/");
  }

  @Test
  void withoutWorkingDirectoryAnUnsandboxedStepRunsInAnEmptyDirectoryOfItsOwn() throws Exception {
    StepSpec spec =
        StepSpec.builder("alpine")
            .command("sh", "-c", "pwd; ls -A | wc -l")
            .captureResult(true)
            .build();

    StepResult r = Steps.run(SandboxMode.NONE, spec, tmp.resolve("step"));

    assertThat(r.result()).isEqualTo(tmp.resolve("step/work") + "\n0");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void inputFilesArePlacedWithTheirModes(SandboxMode mode) throws Exception {
    String dir = Steps.scratch();
    StepSpec spec =
        StepSpec.builder("alpine")
            .inputFile(dir + "/bin/tool", "#!/bin/sh\necho tool says \"$1\"\n", 0755)
            .inputFile(dir + "/secret", "s", 0600)
            .inputFile(dir + "/data.txt", "line1\nline2\n")
            .command(
                "sh",
                "-c",
                "stat -c %a "
                    + dir
                    + "/bin/tool "
                    + dir
                    + "/secret "
                    + dir
                    + "/data.txt; "
                    + dir
                    + "/bin/tool hi; cat "
                    + dir
                    + "/data.txt")
            .captureResult(true)
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).as(Steps.read(Path.of(r.logFile()))).isZero();
    assertThat(r.result()).isEqualTo("755\n600\n644\ntool says hi\nline1\nline2");
    assertThat(Path.of(dir, "bin/tool")).as("inputs are cleared from the host").doesNotExist();
    assertThat(Path.of(dir, "secret")).doesNotExist();
    assertThat(Path.of(dir, "data.txt")).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void anInputFileCanBeTheCommand(SandboxMode mode) throws Exception {
    String tool = Steps.scratch() + "/tool";
    StepSpec spec =
        StepSpec.builder("some/unknown-image:1")
            .inputFile(tool, "#!/bin/sh\necho ran \"$@\"\n", 0755)
            .command(tool)
            .args("a", "b c")
            .captureResult(true)
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.failure()).isNull();
    assertThat(r.result()).isEqualTo("ran a b c");
  }

  private static java.util.Map<String, String> withHost(java.util.Map<String, String> extra) {
    java.util.Map<String, String> env = new java.util.HashMap<>(Steps.hostEnv());
    env.putAll(extra);
    return env;
  }
}
