package io.argo4j.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.executor.ExecutorConfig;
import io.argo4j.model.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workflow of the project's {@code examples/} runs through the local runtime and ends in the
 * phase its {@code argo4j.io/expect} label promises.
 */
class ExamplesTest {

  static final String EXPECT_LABEL = "argo4j.io/expect";

  @TempDir static Path state;

  static Path examples() {
    return Path.of(System.getProperty("argo4j.repoRoot", "..")).resolve("examples");
  }

  static Stream<Path> examplesFiles() throws Exception {
    try (Stream<Path> list = Files.list(examples())) {
      List<Path> files =
          list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
      assertThat(files).as("examples in %s", examples()).hasSizeGreaterThanOrEqualTo(10);
      return files.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examplesFiles")
  void reachesItsExpectedPhase(Path file) throws Exception {
    LoadedWorkflow loaded =
        WorkflowFiles.load(
            Files.readString(file),
            file.getFileName().toString(),
            examples().resolve("templates"),
            Map.of(),
            null);
    String expected = loaded.workflow().metadata().getLabels().get(EXPECT_LABEL);
    assertThat(expected).as("%s has the label %s", file, EXPECT_LABEL).isNotNull();

    LocalRuntimeConfig config =
        LocalRuntimeConfig.of(
                state, ExecutorConfig.builder().runnerGoneGrace(Duration.ofSeconds(1)).build())
            .withStopGrace(Duration.ofSeconds(2));
    try (LocalRuntime runtime = LocalRuntime.open(config)) {
      Workflow done =
          runtime
              .submit(
                  loaded.workflow(),
                  loaded.templates(),
                  SubmitOptions.defaults(),
                  RunListener.none())
              .run();

      assertThat(done.status().phase().value())
          .as("%s: %s", file.getFileName(), done.status().message())
          .isEqualTo(expected);
      assertThat(done.status().nodes().values())
          .as("no node is left Running or Pending")
          .allSatisfy(n -> assertThat(n.phase().isFulfilled()).isTrue());
    }
  }
}
