package io.argo4j.executor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argo4j.executor.ImageMap;
import io.argo4j.model.ContainerNode;
import io.argo4j.model.ContainerSetTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSetScriptTest {

  @TempDir Path dir;

  private static ContainerNode container(String name, String shell, String... dependencies) {
    return ContainerNode.builder()
        .name(name)
        .image("alpine")
        .command(List.of("sh", "-c", shell))
        .dependencies(List.of(dependencies))
        .build();
  }

  /** Runs the script with its status folder moved into the test's folder. */
  private Result run(ContainerSetTemplate set) throws Exception {
    String script =
        ContainerSetScript.of(set, ImageMap.builtIn())
            .replace("S=/tmp/argo4j-container-set", "S=" + dir.resolve("status"));
    Process p = new ProcessBuilder("sh", "-c", script).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out, err);
  }

  private record Result(int exit, String stdout, String stderr) {}

  private String status(String container) throws Exception {
    Path file = dir.resolve("status").resolve(container);
    return Files.exists(file) ? Files.readString(file).strip() : null;
  }

  @Test
  void runsTheGraphInDependencyOrderAndOnlyMainWritesStdout() throws Exception {
    ContainerSetTemplate set =
        ContainerSetTemplate.builder()
            .containers(
                List.of(
                    container("a", "echo a > " + dir.resolve("a.txt")),
                    container("b", "cat " + dir.resolve("a.txt") + "; echo b", "a"),
                    container("main", "echo main", "a", "b")))
            .build();

    Result r = run(set);

    assertThat(r.exit()).isZero();
    assertThat(r.stdout()).isEqualTo("main\n");
    assertThat(r.stderr()).contains("a\nb\n");
    assertThat(List.of(status("a"), status("b"), status("main"))).containsOnly("0");
  }

  @Test
  void aFailedContainerStopsItsDependentsAndFailsTheStep() throws Exception {
    ContainerSetTemplate set =
        ContainerSetTemplate.builder()
            .containers(
                List.of(
                    container("a", "exit 3"),
                    container("b", "echo independent"),
                    container("c", "echo never", "a")))
            .build();

    Result r = run(set);

    assertThat(r.exit()).isEqualTo(3);
    assertThat(status("a")).isEqualTo("3");
    assertThat(status("b")).isEqualTo("0");
    assertThat(status("c")).as("never started").isNull();
    assertThat(r.stderr()).doesNotContain("never");
  }

  @Test
  void refusesAnUnknownDependency() {
    ContainerSetTemplate set =
        ContainerSetTemplate.builder().containers(List.of(container("a", "true", "x"))).build();

    assertThatThrownBy(() -> ContainerSetScript.of(set, ImageMap.builtIn()))
        .hasMessageContaining("container 'a' depends on 'x', which is not in the set");
  }
}
