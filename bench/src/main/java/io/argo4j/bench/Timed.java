package io.argo4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Runs a command to completion and measures its wall time; a non-zero exit is an error. */
final class Timed {

  private Timed() {}

  /**
   * The result of one run.
   *
   * @param startEpochNanos when the process was started, in nanoseconds since the epoch
   * @param wall from start to exit
   * @param output what it wrote on stdout
   */
  record Run(long startEpochNanos, Duration wall, String output) {}

  static Run run(List<String> command, Path dir, Map<String, String> env)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("bench-out", ".txt");
    Path err = Files.createTempFile("bench-err", ".txt");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      pb.environment().putAll(env);
      java.time.Instant wallClock = java.time.Instant.now();
      long start = System.nanoTime();
      Process p = pb.start();
      int exit = p.waitFor();
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      if (exit != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " exited "
                + exit
                + ":\n"
                + Files.readString(out)
                + Files.readString(err));
      }
      long epochNanos = wallClock.getEpochSecond() * 1_000_000_000L + wallClock.getNano();
      return new Run(epochNanos, wall, Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static Duration median(List<Duration> values) {
    List<Duration> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1
        ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }

  static String ms(Duration d) {
    return String.format(java.util.Locale.ROOT, "%,d ms", d.toMillis());
  }

  static String ratio(Duration a, Duration b) {
    return String.format(java.util.Locale.ROOT, "%.1f×", (double) a.toNanos() / b.toNanos());
  }
}
