package io.argo4j.executor.internal;

import io.argo4j.executor.StepHandle;
import io.argo4j.executor.StepResult;
import io.argo4j.executor.StepSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A step that has already ended, or never started: its result is known. */
public final class FinishedStepHandle implements StepHandle {
  private final Path dir;
  private final long pid;
  private final StepResult result;

  public FinishedStepHandle(Path dir, long pid, StepResult result) {
    this.dir = dir;
    this.pid = pid;
    this.result = result;
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public Path directory() {
    return dir;
  }

  @Override
  public boolean isAlive() {
    return false;
  }

  @Override
  public void signal(StepSignal signal) {}

  @Override
  public void kill() {}

  @Override
  public Optional<StepResult> awaitExit(Duration timeout) {
    return Optional.of(result);
  }

  @Override
  public CompletableFuture<StepResult> onExit() {
    return CompletableFuture.completedFuture(result);
  }

  @Override
  public StepResult terminate(Duration grace) {
    return result;
  }
}
