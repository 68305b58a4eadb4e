package io.argo4j.executor.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Names and small record files of a step directory (layout in docs/executor.md). */
public final class StepFiles {
  private StepFiles() {}

  public static final String SPEC = "spec.json";
  public static final String LAUNCH = "launch.json";
  public static final String FAILURE = "failure.json";
  public static final String WRAPPER = "wrapper.sh";
  public static final String BWRAP_ARGS = "bwrap.args";
  public static final String BWRAP_INFO = "bwrap.info";
  public static final String COLLECT = "collect.sh";
  public static final String PID = "pid";
  public static final String STARTED = "started";
  public static final String STDOUT = "stdout";
  public static final String MAIN_LOG = "main.log";
  public static final String WRAPPER_LOG = "wrapper.log";
  public static final String STOPPED = "stopped";
  public static final String EXITCODE = "exitcode";
  public static final String FS = "fs";
  public static final String WORK = "work";

  /** Where argosay and the script source live, below {@code fs/}; {@code /argo} in a sandbox. */
  public static final String ARGO_DIR = "argo";

  /** The wrapper pid file: which process runs the step, and since when. */
  public record PidRecord(long pid, Instant processStart, Instant startedAt) {
    public void write(Path dir) throws IOException {
      StringBuilder s = new StringBuilder();
      s.append("pid=").append(pid).append('\n');
      if (processStart != null) {
        s.append("processStart=").append(processStart).append('\n');
      }
      s.append("startedAt=").append(startedAt).append('\n');
      AtomicFiles.write(dir.resolve(PID), s.toString());
    }

    public static Optional<PidRecord> read(Path dir) throws IOException {
      Optional<Map<String, String>> p = properties(dir.resolve(PID));
      if (p.isEmpty() || !p.get().containsKey("pid")) {
        return Optional.empty();
      }
      Map<String, String> m = p.get();
      return Optional.of(
          new PidRecord(
              Long.parseLong(m.get("pid")),
              instant(m.get("processStart")),
              instant(m.get("startedAt"))));
    }
  }

  /** The exit file the wrapper writes when the command ends. */
  public record ExitRecord(int exitCode, Instant finishedAt) {
    public void write(Path dir) throws IOException {
      long nanos = finishedAt.getEpochSecond() * 1_000_000_000L + finishedAt.getNano();
      AtomicFiles.write(
          dir.resolve(EXITCODE), "exitCode=" + exitCode + "\nfinishedAt=" + nanos + "\n");
    }

    public static Optional<ExitRecord> read(Path dir) throws IOException {
      Path file = dir.resolve(EXITCODE);
      Optional<Map<String, String>> p = properties(file);
      if (p.isEmpty() || !p.get().containsKey("exitCode")) {
        return Optional.empty();
      }
      Instant at = epoch(p.get().get("finishedAt"));
      if (at == null) {
        at = Files.getLastModifiedTime(file).toInstant();
      }
      return Optional.of(new ExitRecord(Integer.parseInt(p.get().get("exitCode").trim()), at));
    }
  }

  /** Why a step could not be started. */
  public record FailureRecord(String message, Instant at) {}

  /** {@code key=value} lines; empty if the file does not exist. */
  public static Optional<Map<String, String>> properties(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return Optional.of(out);
  }

  private static Instant instant(String value) {
    return value == null || value.isBlank() ? null : Instant.parse(value);
  }

  /** Epoch nanoseconds ({@code date +%s%N}) or seconds ({@code date +%s}). */
  static Instant epoch(String value) {
    if (value == null || !value.matches("[0-9]+")) {
      return null;
    }
    if (value.length() > 12) {
      long nanos = Long.parseLong(value);
      return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }
    return Instant.ofEpochSecond(Long.parseLong(value));
  }
}
