package io.argo4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Argo's upstream examples, at {@code ${argo4j.repoRoot}/../shared/argo-upstream/examples}. Tests
 * that use it fail (they are not skipped) when it is missing: lint's promise is measured on it.
 */
final class Corpus {
  private Corpus() {}

  static Path examples() {
    String root = System.getProperty("argo4j.repoRoot");
    Path base =
        root == null || root.isBlank() || root.contains("${")
            ? Path.of("").toAbsolutePath().getParent()
            : Path.of(root).toAbsolutePath();
    Path examples = base.resolve("../shared/argo-upstream/examples").normalize();
    assertThat(examples)
        .as("Argo's upstream examples (argo4j.repoRoot=%s); lint's corpus tests need them", root)
        .isDirectory();
    return examples;
  }

  static List<Path> files() {
    try (Stream<Path> walk = Files.walk(examples())) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> {
            String n = f.getFileName().toString();
            return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
