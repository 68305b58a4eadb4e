package io.argo4j.runtime.local.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * A workflow promised to a runner process that has not taken its {@link RunnerLock} yet ({@code
 * argo4j submit} starts one in the background). While that process lives, the workflow is not
 * interrupted: another argo4j command must not take it over in the meantime. The process is named
 * by its pid and start time, so a reused pid does not count.
 */
public final class RunnerHandover {

  /** The file's name in the workflow's directory. */
  public static final String FILE_NAME = ".runner.handover";

  private RunnerHandover() {}

  /** Records that {@code runner} is to run the workflow whose directory is {@code workflowDir}. */
  public static void record(Path workflowDir, ProcessHandle runner) throws IOException {
    Files.createDirectories(workflowDir);
    String started =
        runner.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("-");
    Path tmp = workflowDir.resolve(FILE_NAME + ".tmp");
    Files.writeString(tmp, runner.pid() + " " + started + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, workflowDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Whether the runner the workflow was handed to is another process, still alive (it may yet take
   * the workflow).
   */
  public static boolean pending(Path workflowDir) throws IOException {
    String text;
    try {
      text = Files.readString(workflowDir.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      return false;
    }
    String[] parts = text.split(" ");
    if (parts.length != 2) {
      return false; // unreadable: recovery must not be blocked by a damaged file
    }
    Optional<ProcessHandle> runner;
    try {
      runner = ProcessHandle.of(Long.parseLong(parts[0]));
    } catch (NumberFormatException e) {
      return false;
    }
    if (runner.isEmpty()
        || !runner.get().isAlive()
        || runner.get().pid() == ProcessHandle.current().pid()) {
      return false;
    }
    if (parts[1].equals("-")) {
      return true;
    }
    long recorded;
    try {
      recorded = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<Instant> started = runner.get().info().startInstant();
    return started.isEmpty() || started.get().toEpochMilli() == recorded;
  }
}
