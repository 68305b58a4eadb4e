package io.argo4j.executor;

import io.argo4j.executor.internal.Json;
import io.argo4j.executor.internal.LaunchRecord;
import io.argo4j.executor.internal.SandboxPaths;
import io.argo4j.executor.internal.StepFiles;
import io.argo4j.executor.internal.StepFiles.ExitRecord;
import io.argo4j.executor.internal.StepFiles.FailureRecord;
import io.argo4j.executor.internal.StepFiles.PidRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A step directory, read from disk alone: what a runner uses after a restart to learn whether its
 * steps still run and what the finished ones produced. The layout is described in {@code
 * docs/executor.md}.
 */
public final class StepDirectory {

  /** Argo keeps the last 256 kB of stdout as {@code outputs.result}. */
  public static final int MAX_RESULT_BYTES = 256 * 1024;

  private final Path dir;

  private StepDirectory(Path dir) {
    this.dir = dir;
  }

  public static StepDirectory of(Path dir) {
    return new StepDirectory(dir);
  }

  public Path path() {
    return dir;
  }

  /** The step's stdout and stderr, interleaved as they were written ({@code main.log}). */
  public Path logFile() {
    return dir.resolve(StepFiles.MAIN_LOG);
  }

  /** The step's stdout alone. */
  public Path stdoutFile() {
    return dir.resolve(StepFiles.STDOUT);
  }

  /** The spec the step was started with. */
  public Optional<StepSpec> readSpec() throws IOException {
    Path file = dir.resolve(StepFiles.SPEC);
    return Files.exists(file) ? Optional.of(Json.read(file, StepSpec.class)) : Optional.empty();
  }

  /**
   * Where a path, as the step sees it, is on the host: its private copy in the step directory if
   * the path is private to the step, else the host path itself.
   */
  public Path hostPath(String stepPath) throws IOException {
    Optional<LaunchRecord> launch = launch();
    if (launch.isEmpty()) {
      return Path.of(stepPath);
    }
    return SandboxPaths.locate(
        dir.resolve(StepFiles.FS),
        launch.get().privateRoots(),
        launch.get().canonical(SandboxPaths.normalize(stepPath)));
  }

  /** Where the step stands. A step whose wrapper died without recording its end is LOST. */
  public StepState state() throws IOException {
    if (finished()) {
      return StepState.FINISHED;
    }
    Optional<PidRecord> pid = PidRecord.read(dir);
    if (pid.isEmpty()) {
      return StepState.PENDING;
    }
    if (alive(pid.get())) {
      return StepState.RUNNING;
    }
    // it may have ended between the two looks
    return finished() ? StepState.FINISHED : StepState.LOST;
  }

  private boolean finished() {
    return Files.exists(dir.resolve(StepFiles.EXITCODE))
        || Files.exists(dir.resolve(StepFiles.FAILURE));
  }

  /** Whether the recorded wrapper process is alive (the same process: pid and start time). */
  static boolean alive(PidRecord pid) {
    Optional<ProcessHandle> ph = ProcessHandle.of(pid.pid());
    if (ph.isEmpty() || !ph.get().isAlive()) {
      return false;
    }
    if (pid.processStart() == null) {
      return true;
    }
    return ph.get()
        .info()
        .startInstant()
        .map(
            s -> Duration.between(s, pid.processStart()).abs().compareTo(Duration.ofSeconds(1)) < 0)
        .orElse(true);
  }

  /**
   * The step's result once it has ended (FINISHED) or is known to be gone (LOST); empty while it is
   * PENDING or RUNNING.
   */
  public Optional<StepResult> readResult() throws IOException {
    StepState state = state();
    if (state == StepState.PENDING || state == StepState.RUNNING) {
      return Optional.empty();
    }
    String log = logFile().toString();
    Instant startedAt = PidRecord.read(dir).map(PidRecord::startedAt).orElse(null);
    Path failureFile = dir.resolve(StepFiles.FAILURE);
    if (Files.exists(failureFile)) {
      FailureRecord f = Json.read(failureFile, FailureRecord.class);
      return Optional.of(
          new StepResult(null, null, null, null, null, f.message(), log, startedAt, f.at()));
    }
    Optional<ExitRecord> exit = ExitRecord.read(dir);
    if (exit.isEmpty()) {
      long pid = PidRecord.read(dir).map(PidRecord::pid).orElse(-1L);
      return Optional.of(
          new StepResult(
              null,
              null,
              null,
              null,
              null,
              "process lost: the step's wrapper (pid "
                  + pid
                  + ") ended without recording the command's exit code (it was killed, or the"
                  + " machine restarted); its outputs were not collected. Run the step again"
                  + " (Argo's retryStrategy does so).",
              log,
              startedAt,
              null));
    }
    StepSpec spec = readSpec().orElseThrow(() -> new IOException(dir + ": no " + StepFiles.SPEC));
    LaunchRecord launch =
        launch().orElseThrow(() -> new IOException(dir + ": no " + StepFiles.LAUNCH));
    int code = exit.get().exitCode();
    String result = spec.captureResult() ? readResultText(stdoutFile()) : null;

    Path fsRoot = dir.resolve(StepFiles.FS);
    Map<String, String> params = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (StepSpec.OutputParameter p : spec.outputParameters()) {
      Path file = locate(fsRoot, launch, p.path());
      if (Files.isRegularFile(file)) {
        params.put(p.name(), trimNewline(Files.readString(file, StandardCharsets.UTF_8)));
      } else if (p.defaultValue() != null) {
        params.put(p.name(), p.defaultValue());
      } else if (Files.isDirectory(file)) {
        errors.add("output parameter '" + p.name() + "': " + p.path() + " is a directory");
      } else {
        errors.add(
            "output parameter '"
                + p.name()
                + "': file "
                + p.path()
                + " not found and no default given");
      }
    }
    Map<String, String> artifacts = new LinkedHashMap<>();
    for (StepSpec.OutputArtifact a : spec.outputArtifacts()) {
      Path file = locate(fsRoot, launch, a.path());
      if (Files.exists(file)) {
        artifacts.put(a.name(), file.toString());
      } else if (!a.optional()) {
        errors.add("output artifact '" + a.name() + "': " + a.path() + " not found");
      }
    }
    return Optional.of(
        new StepResult(
            code,
            result,
            params,
            artifacts,
            errors,
            diagnose(code, launch),
            log,
            startedAt,
            exit.get().finishedAt()));
  }

  private static Path locate(Path fsRoot, LaunchRecord launch, String path) {
    return SandboxPaths.locate(
        fsRoot, launch.privateRoots(), launch.canonical(SandboxPaths.normalize(path)));
  }

  private Optional<LaunchRecord> launch() throws IOException {
    Path file = dir.resolve(StepFiles.LAUNCH);
    return Files.exists(file) ? Optional.of(Json.read(file, LaunchRecord.class)) : Optional.empty();
  }

  /** Why a recorded exit is a failure of the step rather than of its command, if it is. */
  private String diagnose(int code, LaunchRecord launch) throws IOException {
    if (code == 0) {
      return null;
    }
    if (Files.exists(dir.resolve(StepFiles.STOPPED))) {
      return "stopped because the runner that started the step exited (exit code " + code + ")";
    }
    List<String> tail = tailLines(logFile(), 8192);
    if (launch.mode() == SandboxMode.BWRAP) {
      Path info = dir.resolve(StepFiles.BWRAP_INFO);
      if (!Files.exists(info) || Files.size(info) == 0) {
        List<String> bwrap = tail.stream().filter(l -> l.startsWith("bwrap:")).toList();
        return "bubblewrap could not start the step"
            + (bwrap.isEmpty() ? " (exit code " + code + ")" : ": " + String.join("; ", bwrap));
      }
    }
    if ((code == 126 || code == 127 || code == 1) && !tail.isEmpty()) {
      String last = tail.get(tail.size() - 1);
      if (last.startsWith("bwrap: execvp")
          || last.startsWith("setsid: failed to execute")
          || last.startsWith("env: ")) {
        return "cannot run the command: " + last;
      }
    }
    return null;
  }

  /** Argo's rule: one trailing newline removed, then the last 256 kB kept. */
  static String readResultText(Path stdout) throws IOException {
    if (!Files.exists(stdout)) {
      return "";
    }
    try (RandomAccessFile f = new RandomAccessFile(stdout.toFile(), "r")) {
      long size = f.length();
      int want = (int) Math.min(size, MAX_RESULT_BYTES + 1L);
      byte[] buf = new byte[want];
      f.seek(size - want);
      f.readFully(buf);
      int end = want;
      if (end > 0 && buf[end - 1] == '\n') {
        end--;
      }
      int start = Math.max(0, end - MAX_RESULT_BYTES);
      // A cut in the middle of a UTF-8 character drops the character's remaining bytes.
      if (start > 0 || size > want) {
        while (start < end && (buf[start] & 0xC0) == 0x80) {
          start++;
        }
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(buf, start, end - start))
          .toString();
    }
  }

  private static String trimNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  private static List<String> tailLines(Path file, int bytes) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      int want = (int) Math.min(size, bytes);
      byte[] buf = new byte[want];
      f.seek(size - want);
      f.readFully(buf);
      String text = new String(buf, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>();
      for (String l : text.split("\n")) {
        if (!l.isBlank()) {
          lines.add(l.strip());
        }
      }
      return lines;
    }
  }
}
