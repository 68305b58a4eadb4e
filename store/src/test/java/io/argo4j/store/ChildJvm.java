package io.argo4j.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A second JVM running {@link StoreChildProcess} on this test's classpath, to show what the store
 * does when several processes share a state directory. Its standard output is read line by line;
 * its standard error goes to a file that failures quote.
 */
final class ChildJvm implements AutoCloseable {

  private static final String END = "\u0000end of output";

  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final PrintWriter stdin;
  private final Thread reader;

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.reader = Thread.ofPlatform().daemon().name("child-stdout").start(this::pump);
  }

  static ChildJvm start(Path logDirectory, String... arguments) throws IOException {
    Files.createDirectories(logDirectory);
    Path stderr = Files.createTempFile(logDirectory, "child-", ".err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-XX:+UseSerialGC");
    command.add(StoreChildProcess.class.getName());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    return new ChildJvm(process, stderr);
  }

  private void pump() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The process died: what it printed before is all there is.
    } finally {
      lines.add(END);
    }
  }

  /** Waits for a line that satisfies {@code wanted}; fails, quoting stderr, if none comes. */
  String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(END)) {
        if (line != null) {
          lines.add(END);
        }
        throw new AssertionError(
            (line == null ? "timed out" : "the child ended")
                + " waiting for a line; it printed "
                + seen
                + "; its stderr:\n"
                + stderr());
      }
      seen.add(line);
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /** The next line if one is ready now. */
  Optional<String> pollLine() {
    String line = lines.poll();
    if (line == null) {
      return Optional.empty();
    }
    if (line.equals(END)) {
      lines.add(END);
      return Optional.empty();
    }
    seen.add(line);
    return Optional.of(line);
  }

  /** Every line the child printed, once its output ended. */
  List<String> remainingLines() throws InterruptedException {
    reader.join(Duration.ofMinutes(1));
    List<String> rest = new ArrayList<>();
    for (String line = lines.poll(); line != null; line = lines.poll()) {
      if (!line.equals(END)) {
        rest.add(line);
        seen.add(line);
      }
    }
    return rest;
  }

  void send(String line) {
    stdin.println(line);
  }

  /** SIGKILL: no shutdown hook, no flush, no close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(1, TimeUnit.MINUTES);
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the child did not exit in " + timeout + "; stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** Kills the child if it still runs. */
  @Override
  public void close() {
    stdin.close();
    process.destroyForcibly();
    try {
      process.waitFor(1, TimeUnit.MINUTES);
      reader.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
