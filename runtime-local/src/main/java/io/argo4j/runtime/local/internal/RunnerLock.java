package io.argo4j.runtime.local.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock a runner holds on a workflow for as long as it runs it, so that two argo4j processes (or
 * two runs in one process) never run the same workflow. The operating system releases it when the
 * process dies, which is how recovery tells an interrupted workflow from one that is running.
 */
public final class RunnerLock implements AutoCloseable {

  /** The lock file's name in the workflow's directory. */
  public static final String FILE_NAME = ".runner.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private RunnerLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of the workflow whose directory is {@code workflowDir}, if nobody holds it. */
  public static Optional<RunnerLock> tryAcquire(Path workflowDir) throws IOException {
    Files.createDirectories(workflowDir);
    FileChannel channel =
        FileChannel.open(
            workflowDir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new RunnerLock(channel, lock));
    } catch (OverlappingFileLockException e) {
      channel.close();
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Whether some runner holds the lock of {@code workflowDir} now. */
  public static boolean isHeld(Path workflowDir) throws IOException {
    if (!Files.exists(workflowDir.resolve(FILE_NAME))) {
      return false;
    }
    Optional<RunnerLock> probe = tryAcquire(workflowDir);
    probe.ifPresent(RunnerLock::close);
    return probe.isEmpty();
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel below releases it too
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }
}
