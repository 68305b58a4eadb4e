package io.argo4j.lint;

import java.nio.file.Path;
import java.util.Objects;

/** Something to lint: a file or folder, or text already read (standard input). */
public sealed interface LintSource {
  /** A file, or a folder whose {@code .yaml}, {@code .yml} and {@code .json} files are linted. */
  record File(Path path) implements LintSource {
    /** Requires a path. */
    public File {
      Objects.requireNonNull(path, "path");
    }
  }

  /** Text with the name to show in findings. */
  record Text(String name, String text) implements LintSource {
    /** Requires name and text. */
    public Text {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A file or folder. */
  static LintSource of(Path path) {
    return new File(path);
  }

  /** Text named {@code name}. */
  static LintSource text(String name, String text) {
    return new Text(name, text);
  }
}
