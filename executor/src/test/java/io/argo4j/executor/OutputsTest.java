package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutputsTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void outputParametersAreReadFromFilesWithOneTrailingNewlineRemoved(SandboxMode mode)
      throws Exception {
    String dir = Steps.scratch();
    StepSpec spec =
        StepSpec.builder("alpine")
            .command(
                "sh",
                "-c",
                "mkdir -p "
                    + dir
                    + "/nested && echo hello world > "
                    + dir
                    + "/a.txt && printf 'x\\n\\n' > "
                    + dir
                    + "/nested/b.txt && printf '' > "
                    + dir
                    + "/empty")
            .outputParameter("a", dir + "/a.txt")
            .outputParameter("b", dir + "/nested/b.txt")
            .outputParameter("empty", dir + "/empty")
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.succeeded()).as(r.message()).isTrue();
    assertThat(r.outputParameters())
        .containsExactly(
            java.util.Map.entry("a", "hello world"),
            java.util.Map.entry("b", "x\n"),
            java.util.Map.entry("empty", ""));
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aMissingParameterFileTakesTheDefault(SandboxMode mode) throws Exception {
    StepSpec spec =
        StepSpec.builder("alpine")
            .command("true")
            .outputParameter("p", Steps.scratch() + "/never-written", "the default\n")
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.succeeded()).as(r.message()).isTrue();
    assertThat(r.outputParameters()).containsEntry("p", "the default\n");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aMissingParameterFileWithoutDefaultFailsTheStepNamingParameterAndPath(SandboxMode mode)
      throws Exception {
    String path = Steps.scratch() + "/never-written";
    StepSpec spec = StepSpec.builder("alpine").command("true").outputParameter("p", path).build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.succeeded()).isFalse();
    assertThat(r.outputParameters()).doesNotContainKey("p");
    assertThat(r.errors())
        .containsExactly("output parameter 'p': file " + path + " not found and no default given");
    assertThat(r.message()).isEqualTo(r.errors().get(0));
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aParameterPathThatIsADirectoryIsAnError(SandboxMode mode) throws Exception {
    String path = Steps.scratch() + "/dir";
    StepSpec spec =
        StepSpec.builder("alpine").command("mkdir", "-p", path).outputParameter("p", path).build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.errors()).containsExactly("output parameter 'p': " + path + " is a directory");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void outputArtifactsAreFoundAsFilesAndDirectories(SandboxMode mode) throws Exception {
    String dir = Steps.scratch();
    StepSpec spec =
        StepSpec.builder("alpine")
            .command(
                "sh",
                "-c",
                "mkdir -p "
                    + dir
                    + "/out/sub && echo one > "
                    + dir
                    + "/out/one.txt && echo two > "
                    + dir
                    + "/out/sub/two.txt && echo file > "
                    + dir
                    + "/file.txt")
            .outputArtifact("file", dir + "/file.txt")
            .outputArtifact("dir", dir + "/out")
            .outputArtifact("maybe", dir + "/not-there", true)
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.succeeded()).as(r.message()).isTrue();
    assertThat(r.outputArtifacts()).containsOnlyKeys("file", "dir");
    Path file = Path.of(r.outputArtifacts().get("file"));
    Path out = Path.of(r.outputArtifacts().get("dir"));
    assertThat(file).startsWith(tmp.resolve("step")).hasContent("file");
    assertThat(out).startsWith(tmp.resolve("step")).isDirectory();
    assertThat(out.resolve("one.txt")).hasContent("one");
    assertThat(out.resolve("sub/two.txt")).hasContent("two");
    assertThat(Path.of(dir + "/file.txt")).as("moved off the host").doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void aMissingRequiredArtifactFailsTheStep(SandboxMode mode) throws Exception {
    String path = Steps.scratch() + "/missing.tgz";
    StepSpec spec = StepSpec.builder("alpine").command("true").outputArtifact("art", path).build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.succeeded()).isFalse();
    assertThat(r.errors()).containsExactly("output artifact 'art': " + path + " not found");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void anArtifactBelowAnInputDirectoryIsTheStepsOwnFile(SandboxMode mode) throws Exception {
    String dir = Steps.scratch();
    StepSpec spec =
        StepSpec.builder("alpine")
            .inputFile(dir + "/in.txt", "input")
            .command("sh", "-c", "tr a-z A-Z < " + dir + "/in.txt > " + dir + "/out.txt")
            .outputParameter("upper", dir + "/out.txt")
            .build();

    StepResult r = Steps.run(mode, spec, tmp.resolve("step"));

    assertThat(r.outputParameters()).containsEntry("upper", "INPUT");
  }

  @ParameterizedTest
  @EnumSource(SandboxMode.class)
  void outputsAreReadableLaterFromTheStepDirectoryAlone(SandboxMode mode) throws Exception {
    String path = Steps.scratch() + "/p";
    StepSpec spec =
        StepSpec.builder("argoproj/argosay:v2")
            .args("echo", "value", path)
            .outputParameter("p", path)
            .captureResult(true)
            .build();
    StepResult first = Steps.run(mode, spec, tmp.resolve("step"));

    StepDirectory sd = StepDirectory.of(tmp.resolve("step"));

    assertThat(sd.state()).isEqualTo(StepState.FINISHED);
    assertThat(sd.readResult()).contains(first);
    assertThat(sd.readSpec()).contains(spec);
    assertThat(first.outputParameters()).containsEntry("p", "value");
    assertThat(Files.readString(sd.hostPath(path))).isEqualTo("value");
  }
}
