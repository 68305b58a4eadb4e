package io.argo4j.executor;

import io.argo4j.executor.internal.AtomicFiles;
import io.argo4j.executor.internal.CollectScript;
import io.argo4j.executor.internal.HostTools;
import io.argo4j.executor.internal.Json;
import io.argo4j.executor.internal.LaunchPlanner;
import io.argo4j.executor.internal.LaunchRecord;
import io.argo4j.executor.internal.SandboxPaths;
import io.argo4j.executor.internal.StepFailure;
import io.argo4j.executor.internal.StepFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The step directory of a step that runs in the main container of a Kubernetes pod, under the same
 * wrapper as local steps (mode {@code none}, watch {@code pod}; see {@code docs/executor.md}). The
 * pod's init container {@link #prepare prepares} the directory in a volume shared by all
 * containers; the main container runs the wrapper, which copies the declared outputs into the
 * directory when the command ends; the wait container {@link #requestSignal signals} the step and
 * reads its {@link StepDirectory#readResult result} with the same code as the local runtime.
 */
public final class PodStep {

  /** Touched every second by the wrapper in a pod while the command runs. */
  public static final String HEARTBEAT = "heartbeat";

  private static final AtomicLong SIGNALS = new AtomicLong();

  private PodStep() {}

  /** The POSIX wrapper script every main container runs its command under. */
  public static String wrapperScript() {
    return HostTools.resource("wrapper.sh");
  }

  /**
   * Writes {@code spec.json}, {@code launch.json} and {@code collect.sh} into {@code stepDir}
   * (created if needed). The step directory must be at the same path in every container of the pod:
   * {@code collect.sh} copies each output path, as the main container sees it, to {@code fs/} below
   * it, where {@link StepDirectory#readResult} finds it.
   *
   * @param argv the command the main container runs, recorded for people reading {@code
   *     launch.json}
   * @throws IllegalArgumentException when the spec declares a path that is not absolute (or is
   *     {@code /}, or holds a newline)
   */
  public static void prepare(StepSpec spec, Path stepDir, List<String> argv) throws IOException {
    try {
      LaunchPlanner.validate(spec);
    } catch (StepFailure f) {
      throw new IllegalArgumentException(f.getMessage(), f);
    }
    Files.createDirectories(stepDir);
    Path fs = stepDir.resolve(StepFiles.FS);
    Files.createDirectories(fs);
    List<String> outputs = new ArrayList<>();
    spec.outputParameters().forEach(p -> outputs.add(SandboxPaths.normalize(p.path())));
    spec.outputArtifacts().forEach(a -> outputs.add(SandboxPaths.normalize(a.path())));
    List<String> outermost = SandboxPaths.outermost(outputs);
    List<List<String>> declared = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    spec.outputParameters().forEach(p -> seen.add(p.path()));
    spec.outputArtifacts().forEach(a -> seen.add(a.path()));
    for (String p : seen) {
      declared.add(List.of(p, SandboxPaths.normalize(p)));
    }
    // Every output is copied, never moved: the container's files are its own, and one path may be
    // both an input and an output.
    AtomicFiles.write(
        stepDir.resolve(StepFiles.COLLECT),
        CollectScript.render(outermost, List.of(), Set.copyOf(outermost), fs.toString()));
    Json.write(stepDir.resolve(StepFiles.SPEC), spec);
    Json.write(
        stepDir.resolve(StepFiles.LAUNCH),
        new LaunchRecord(
            SandboxMode.NONE,
            spec.image(),
            "pod",
            argv,
            spec.workingDir(),
            outermost,
            declared,
            stepDir.getParent() == null ? null : stepDir.getParent().toString()));
  }

  /**
   * Asks the wrapper to send {@code signal} to the command's process group. In a pod nothing can
   * signal the wrapper across containers, so it picks the request up within about a second.
   */
  public static void requestSignal(Path stepDir, StepSignal signal) throws IOException {
    String name =
        String.format(
            "signal.%013d.%06d", System.currentTimeMillis(), SIGNALS.incrementAndGet() % 1_000_000);
    AtomicFiles.write(stepDir.resolve(name), signal.name());
  }

  /**
   * Writes {@code content} to {@code file} whole or not at all, with permission bits {@code mode}
   * (such as {@code 0755}), creating parent directories: how the init container places the wrapper,
   * a script source or a raw input artifact.
   */
  public static void placeFile(Path file, String content, int mode) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, content);
    Files.setPosixFilePermissions(file, AtomicFiles.Modes.permissions(mode));
  }

  /**
   * Records that the step could not do its work ({@code failure.json}): {@link
   * StepDirectory#readResult} then reports {@code message} as the step's failure. For commands that
   * run inside the wrapper and know better than their exit code, such as {@code argo4j-exec
   * resource}.
   */
  public static void recordFailure(Path stepDir, String message, Instant at) throws IOException {
    Json.write(stepDir.resolve(StepFiles.FAILURE), new StepFiles.FailureRecord(message, at));
  }

  /** Whether the wrapper has recorded the command's exit code. */
  public static boolean exited(Path stepDir) {
    return Files.exists(stepDir.resolve(StepFiles.EXITCODE));
  }

  /** When the wrapper last showed it was alive, if it ever did. */
  public static Optional<Instant> lastHeartbeat(Path stepDir) throws IOException {
    try {
      return Optional.of(Files.getLastModifiedTime(stepDir.resolve(HEARTBEAT)).toInstant());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
