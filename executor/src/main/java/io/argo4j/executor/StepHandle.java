package io.argo4j.executor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A started step. Every wait takes a timeout; no method blocks on a stuck child beyond it.
 *
 * <p>Dropping a handle does not stop the step: its result stays readable from {@link #directory()}
 * through {@link StepDirectory}.
 */
public interface StepHandle {

  /** The pid of the step's wrapper process, or -1 when the step never started. */
  long pid();

  /** The step directory. */
  Path directory();

  /** Whether the step's wrapper is still running. */
  boolean isAlive();

  /**
   * Sends {@code signal} to the step's command and its process group (as Argo's executor does),
   * through the wrapper. Does nothing once the step has ended.
   */
  void signal(StepSignal signal);

  /**
   * Sends SIGKILL to the step's process group; if the wrapper has not exited shortly after, kills
   * it and every process below it. Returns at once.
   */
  void kill();

  /** Waits up to {@code timeout} for the step to end; empty if it is still running. */
  Optional<StepResult> awaitExit(Duration timeout) throws InterruptedException;

  /** Completes with the result when the step ends. */
  CompletableFuture<StepResult> onExit();

  /**
   * Stops the step the way Kubernetes stops a container: SIGTERM, then SIGKILL after {@code grace},
   * then waits for the result. If even SIGKILL does not end it within a bounded time the returned
   * result says so in {@link StepResult#failure()}.
   */
  StepResult terminate(Duration grace) throws InterruptedException;
}
