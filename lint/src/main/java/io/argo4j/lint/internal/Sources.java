package io.argo4j.lint.internal;

import io.argo4j.lint.Finding;
import io.argo4j.lint.LintSource;
import io.argo4j.lint.Rule;
import io.argo4j.model.io.ManifestReader;
import io.argo4j.model.io.ReadResult;
import io.argo4j.model.io.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads lint sources: files, folders (recursively) and text, reporting what cannot be read. */
final class Sources {
  private Sources() {}

  /** Reads every source; unreadable ones become findings in {@code problems}. */
  static List<ReadResult> read(
      List<LintSource> sources, ManifestReader reader, List<Finding> problems) {
    List<ReadResult> results = new ArrayList<>();
    for (LintSource source : sources) {
      switch (source) {
        case LintSource.Text text -> results.add(reader.read(text.text(), text.name()));
        case LintSource.File file -> readPath(file.path(), reader, results, problems);
      }
    }
    return results;
  }

  private static void readPath(
      Path path, ManifestReader reader, List<ReadResult> results, List<Finding> problems) {
    String name = path.toString();
    if (Files.isDirectory(path)) {
      List<Path> files = manifestFiles(path, problems);
      if (files.isEmpty()) {
        problems.add(
            new Finding(
                name,
                0,
                0,
                "",
                Rule.IO,
                Severity.WARNING,
                "folder has no .yaml, .yml or .json files",
                null));
      }
      for (Path f : files) {
        readFile(f, reader, results, problems);
      }
      return;
    }
    readFile(path, reader, results, problems);
  }

  private static void readFile(
      Path file, ManifestReader reader, List<ReadResult> results, List<Finding> problems) {
    String name = file.toString();
    try {
      results.add(reader.read(file));
    } catch (NoSuchFileException e) {
      problems.add(
          new Finding(name, 0, 0, "", Rule.IO, Severity.ERROR, "no such file or folder", null));
    } catch (IOException | UncheckedIOException e) {
      problems.add(
          new Finding(
              name, 0, 0, "", Rule.IO, Severity.ERROR, "cannot read: " + e.getMessage(), null));
    }
  }

  /** The manifest files under {@code dir}, sorted. */
  static List<Path> manifestFiles(Path dir, List<Finding> problems) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> {
            String n = f.getFileName().toString();
            return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
          })
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      problems.add(
          new Finding(
              dir.toString(),
              0,
              0,
              "",
              Rule.IO,
              Severity.ERROR,
              "cannot list folder: " + e.getMessage(),
              null));
      return List.of();
    }
  }
}
