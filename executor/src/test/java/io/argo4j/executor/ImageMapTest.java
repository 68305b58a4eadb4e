package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageMapTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "argoproj/argosay:v2, ARGOSAY",
    "docker.io/argoproj/argosay:v2, ARGOSAY",
    "argoproj/argosay:v1, COWSAY",
    "docker/whalesay, COWSAY",
    "docker/whalesay:latest, COWSAY",
    "python:3.8-alpine, PLAIN",
    "docker.io/library/alpine:3.7, PLAIN",
    "busybox@sha256:0123, PLAIN",
    "quay.io/someone/tool:1.0, UNKNOWN"
  })
  void builtInRules(String image, ImageMap.Kind kind) {
    assertThat(ImageMap.builtIn().resolve(image).kind()).isEqualTo(kind);
  }

  @Test
  void argosayIsTheEntrypointOfItsImage() {
    ImageMap.Resolution r = ImageMap.builtIn().resolve("argoproj/argosay:v2");

    assertThat(r.entrypoint()).containsExactly("argosay");
    assertThat(r.aliases()).containsEntry("/argosay", "argosay");
    assertThat(r.extraPath()).containsExactly("/usr/games");
  }

  @Test
  void userMappingsComeFirstExactNamesBeforeGlobs() throws Exception {
    ImageMap map =
        ImageMap.parse(
            """
            log: {level: info}   # other keys belong to other parts of argo4j
            images:
              "myorg/*":
                command: [/opt/glob]
              "myorg/tool:1.0":
                command: [/opt/tool/bin/tool]
                args: [--verbose]
                env: {TOOL_HOME: /opt/tool}
                aliases: {/usr/local/bin/tool: /opt/tool/bin/tool}
              python:
                command: [/usr/bin/python3.99]
            """,
            "config.yaml");

    ImageMap.Resolution exact = map.resolve("docker.io/myorg/tool:1.0");
    assertThat(exact.kind()).isEqualTo(ImageMap.Kind.USER);
    assertThat(exact.pattern()).isEqualTo("myorg/tool:1.0");
    assertThat(exact.entrypoint()).containsExactly("/opt/tool/bin/tool");
    assertThat(exact.defaultArgs()).containsExactly("--verbose");
    assertThat(exact.env()).containsEntry("TOOL_HOME", "/opt/tool");
    assertThat(map.resolve("myorg/other:2").pattern()).isEqualTo("myorg/*");
    assertThat(map.resolve("python:3.12").entrypoint()).containsExactly("/usr/bin/python3.99");
    assertThat(map.configPath()).isEqualTo("config.yaml");
  }

  @Test
  void anUnknownFieldIsReportedWithFileLineAndTheValidFields() {
    assertThatThrownBy(() ->
            ImageMap.parse(
                "images:\n  alpine:\n    comand: [sh]\n", "/home/me/.argo4j/config.yaml"))
        .isInstanceOf(ExecutorConfigException.class)
        .hasMessageStartingWith("/home/me/.argo4j/config.yaml:3:")
        .hasMessageContaining("images.alpine")
        .hasMessageContaining("unknown field 'comand' (valid: command, args, env, aliases)");
  }

  @Test
  void anEmptyMappingIsRefused() {
    assertThatThrownBy(() -> ImageMap.parse("images:\n  alpine:\n", "c.yaml"))
        .isInstanceOf(ExecutorConfigException.class)
        .hasMessage(
            "c.yaml: images.alpine: empty mapping; give at least one of command, args, env,"
                + " aliases");
  }

  @Test
  void theConfigFileIsFoundThroughArgo4jHomeOrHome() throws Exception {
    Files.writeString(tmp.resolve("config.yaml"), "images:\n  x/y: {command: [/bin/true]}\n");

    ImageMap fromHome = ImageMap.fromEnvironment(Map.of("ARGO4J_HOME", tmp.toString()));
    ImageMap missing = ImageMap.fromEnvironment(Map.of("HOME", tmp.resolve("nobody").toString()));

    assertThat(fromHome.resolve("x/y").kind()).isEqualTo(ImageMap.Kind.USER);
    assertThat(missing.resolve("x/y").kind()).isEqualTo(ImageMap.Kind.UNKNOWN);
    assertThat(missing.configPath())
        .isEqualTo(tmp.resolve("nobody/.argo4j/config.yaml").toString());
  }

  @Test
  void theSandboxIsChosenByArgo4jSandbox() throws Exception {
    assertThat(ExecutorConfig.sandboxFrom(Map.of())).isNull();
    assertThat(ExecutorConfig.sandboxFrom(Map.of("ARGO4J_SANDBOX", "auto"))).isNull();
    assertThat(ExecutorConfig.sandboxFrom(Map.of("ARGO4J_SANDBOX", " None ")))
        .isEqualTo(SandboxMode.NONE);
    assertThat(ExecutorConfig.sandboxFrom(Map.of("ARGO4J_SANDBOX", "bwrap")))
        .isEqualTo(SandboxMode.BWRAP);
    assertThatThrownBy(() -> ExecutorConfig.sandboxFrom(Map.of("ARGO4J_SANDBOX", "docker")))
        .hasMessage("ARGO4J_SANDBOX=docker: expected bwrap, none or auto");
  }

  @Test
  void anImageWithoutCommandThatArgo4jDoesNotKnowFailsSayingHowToMapIt() throws Exception {
    StepHandle h =
        Steps.executor(SandboxMode.BWRAP)
            .start(StepSpec.builder("quay.io/acme/tool:2").args("--x").build(), tmp.resolve("s"));

    assertThat(h.isAlive()).isFalse();
    assertThat(h.pid()).isEqualTo(-1);
    StepResult r = Steps.finish(h);
    assertThat(r.exitCode()).isNull();
    assertThat(r.failure())
        .startsWith("image 'quay.io/acme/tool:2': the template gives no command")
        .contains("~/.argo4j/config.yaml")
        .contains("images:\n  \"quay.io/acme/tool:2\":\n    command: [/path/to/program]")
        .doesNotContain("Exception");
    assertThat(Steps.read(Path.of(r.logFile()))).contains("argo4j: image 'quay.io/acme/tool:2'");
    assertThat(StepDirectory.of(tmp.resolve("s")).state()).isEqualTo(StepState.FINISHED);
  }

  @Test
  void aCommandNotOnThisHostFailsNamingImageCommandAndHowToMapIt() throws Exception {
    StepResult r =
        Steps.run(
            SandboxMode.BWRAP,
            StepSpec.builder("acme/tool:1").command("acme-tool-xyz", "run").build(),
            tmp.resolve("s"));

    assertThat(r.failure())
        .startsWith("image 'acme/tool:1': command 'acme-tool-xyz' is not on this host (PATH=")
        .contains("map the image to a host program in ~/.argo4j/config.yaml")
        .contains(
            "\"acme/tool:1\":\n    aliases:\n      \"acme-tool-xyz\": /path/to/acme-tool-xyz");
  }

  @Test
  void aMissingWellKnownProgramSuggestsItsPackage() throws Exception {
    StepResult r =
        Steps.run(
            SandboxMode.NONE,
            StepSpec.builder("docker/whalesay").command("cowsay", "hi").build(),
            tmp.resolve("s"));

    // cowsay is not installed on the build machines; where it is, the step simply runs
    if (r.failure() != null) {
      assertThat(r.failure()).contains("command 'cowsay'").contains("apt-get install cowsay");
    } else {
      assertThat(r.exitCode()).isZero();
    }
  }

  @Test
  void aUserAliasMapsATemplatesProgramToAHostOne() throws Exception {
    ImageMap images =
        ImageMap.builtIn()
            .with(
                "acme/*",
                new ImageMapping(
                    List.of(), List.of(), Map.of("GREETING", "hi"), Map.of("/usr/bin/acme", "sh")));
    StepExecutor executor =
        Steps.newExecutor(Steps.config(SandboxMode.BWRAP).images(images).build());

    StepResult r =
        Steps.finish(
            executor.start(
                StepSpec.builder("acme/tool:1")
                    .command("/usr/bin/acme", "-c", "echo $GREETING from $0")
                    .captureResult(true)
                    .build(),
                tmp.resolve("s")));

    assertThat(r.result()).isEqualTo("hi from sh");
  }

  @Test
  void aUserEntrypointRunsWhenTheTemplateGivesOnlyArgs() throws Exception {
    ImageMap images = ImageMap.builtIn().with("acme/echo", ImageMapping.command("echo", "-n"));
    StepExecutor executor =
        Steps.newExecutor(Steps.config(SandboxMode.NONE).images(images).build());

    StepResult r =
        Steps.finish(
            executor.start(
                StepSpec.builder("acme/echo").args("a", "b").captureResult(true).build(),
                tmp.resolve("s")));

    assertThat(r.result()).isEqualTo("a b");
  }

  @Test
  void aRelativeOutputPathIsRefusedBeforeAnythingRuns() throws Exception {
    StepResult r =
        Steps.run(
            SandboxMode.BWRAP,
            StepSpec.builder("alpine").command("true").outputParameter("p", "out.txt").build(),
            tmp.resolve("s"));

    assertThat(r.failure()).isEqualTo("output parameter 'p': path 'out.txt' is not absolute");
  }
}
