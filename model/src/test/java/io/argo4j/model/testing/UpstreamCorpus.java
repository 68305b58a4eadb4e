package io.argo4j.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Argo's upstream corpus ({@code examples/}, {@code api/schema.json}) for tests, at {@code
 * ${argo4j.repoRoot}/../shared/argo-upstream} (the build sets the property) or, failing that, in a
 * {@code shared/argo-upstream} folder of the working directory or one of its parents.
 *
 * <p>When the corpus is missing, {@link #root()} fails the calling test if the environment variable
 * {@code CI} is set, and otherwise aborts it (JUnit reports it skipped) with the reason.
 */
public final class UpstreamCorpus {
  /** The system property naming the repository root. */
  public static final String REPO_ROOT_PROPERTY = "argo4j.repoRoot";

  private static final String RELATIVE = "shared/argo-upstream";

  private UpstreamCorpus() {}

  /** The corpus folder, if it can be found. */
  public static Optional<Path> locate() {
    String repoRoot = System.getProperty(REPO_ROOT_PROPERTY);
    if (repoRoot != null && !repoRoot.isBlank() && !repoRoot.contains("${")) {
      Path candidate = Path.of(repoRoot).toAbsolutePath().resolve("../" + RELATIVE).normalize();
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether the corpus can be found. */
  public static boolean isPresent() {
    return locate().isPresent();
  }

  /** The corpus folder; fails (on CI) or skips (elsewhere) the calling test when it is missing. */
  public static Path root() {
    Optional<Path> root = locate();
    if (root.isPresent()) {
      return root.get();
    }
    String reason =
        "Argo's upstream corpus was not found: looked at ${"
            + REPO_ROOT_PROPERTY
            + "}/../"
            + RELATIVE
            + " ("
            + REPO_ROOT_PROPERTY
            + "="
            + System.getProperty(REPO_ROOT_PROPERTY)
            + ") and in "
            + RELATIVE
            + " of the working directory and its parents";
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank()) {
      return Assertions.fail(reason);
    }
    Assumptions.abort(reason);
    throw new IllegalStateException("unreachable");
  }

  /** The {@code examples/} folder. */
  public static Path examplesDir() {
    return root().resolve("examples");
  }

  /** Argo's JSON schema, {@code api/schema.json}. */
  public static Path schemaFile() {
    return root().resolve("api/schema.json");
  }

  /** Every YAML and JSON file under {@code examples/}, sorted by path. */
  public static List<Path> exampleFiles() {
    Path examples = examplesDir();
    try (Stream<Path> files = Files.walk(examples)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> {
            String name = f.getFileName().toString();
            return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code file}'s path relative to {@code examples/}, for messages. */
  public static String name(Path file) {
    return examplesDir().relativize(file).toString();
  }
}
