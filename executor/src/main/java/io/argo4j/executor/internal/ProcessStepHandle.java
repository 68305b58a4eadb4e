package io.argo4j.executor.internal;

import io.argo4j.executor.StepDirectory;
import io.argo4j.executor.StepHandle;
import io.argo4j.executor.StepResult;
import io.argo4j.executor.StepSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** A step whose wrapper process runs (or ran) on this host. */
public final class ProcessStepHandle implements StepHandle {

  private static final AtomicLong SIGNALS = new AtomicLong();
  private static final long READY_WAIT_MILLIS = 2000;

  private final Path dir;
  private final ProcessHandle wrapper;
  private final Process process;
  private final Duration killTimeout;
  private final Executor executor;
  private final InstantSource clock;
  private final Runnable onEnd;
  private final String shell;
  private final CompletableFuture<StepResult> done;
  private volatile boolean detached;

  /**
   * @param process the wrapper as started by this runner, or null when attached to a step that an
   *     earlier runner started
   * @param shell the shell that runs collect.sh if the wrapper could not
   * @param onEnd run once when the step has ended and its result is collected
   */
  public ProcessStepHandle(
      Path dir,
      ProcessHandle wrapper,
      Process process,
      Duration killTimeout,
      Executor executor,
      InstantSource clock,
      String shell,
      Runnable onEnd) {
    this.dir = dir;
    this.wrapper = wrapper;
    this.process = process;
    this.killTimeout = killTimeout;
    this.executor = executor;
    this.clock = clock;
    this.onEnd = onEnd;
    this.shell = shell;
    this.done = new CompletableFuture<>();
  }

  /** Starts watching for the end of the wrapper (separate, so the caller can register first). */
  public void begin() {
    CompletableFuture<?> exited =
        process != null ? ProcessExits.of(process) : ProcessExits.of(wrapper);
    exited
        .handleAsync((p, t) -> finish(), executor)
        .whenComplete((result, error) -> {
          // an end that cannot be collected must still end the step for its watchers
          if (error != null) {
            done.completeExceptionally(error);
          } else {
            done.complete(result);
          }
        });
  }

  /**
   * Stops acting for the step without stopping it, as a runner that exits does: the end of the
   * wrapper is no longer recorded by this runner, and the pipe that tells the wrapper its runner is
   * alive is closed (a wrapper told to stop with its runner then stops the step).
   */
  public void detach() {
    detached = true;
    closeRunnerPipe();
  }

  private void closeRunnerPipe() {
    if (process != null) {
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        // the pipe only told the wrapper this runner is alive
      }
    }
  }

  @Override
  public long pid() {
    return wrapper.pid();
  }

  @Override
  public Path directory() {
    return dir;
  }

  @Override
  public boolean isAlive() {
    return wrapper.isAlive();
  }

  @Override
  public void signal(StepSignal signal) {
    if (!wrapper.isAlive()) {
      return;
    }
    awaitReady();
    try {
      String name =
          String.format(
              "signal.%013d.%06d",
              System.currentTimeMillis(), SIGNALS.incrementAndGet() % 1_000_000);
      AtomicFiles.write(dir.resolve(name), signal.name());
    } catch (IOException e) {
      // Without the request file the wrapper forwards TERM, the safe default.
    }
    // The wrapper traps TERM and forwards each requested signal to the command's process group.
    wrapper.destroy();
  }

  /** Waits briefly until the wrapper has installed its signal trap (it then writes "started"). */
  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_WAIT_MILLIS);
    while (!Files.exists(dir.resolve(StepFiles.STARTED))
        && wrapper.isAlive()
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void kill() {
    signal(StepSignal.KILL);
    CompletableFuture.delayedExecutor(killTimeout.toMillis(), TimeUnit.MILLISECONDS, executor)
        .execute(this::killTree);
  }

  /** The last resort: the wrapper did not end after SIGKILL reached its command. */
  private void killTree() {
    if (wrapper.isAlive()) {
      List<ProcessHandle> below = wrapper.descendants().toList();
      wrapper.destroyForcibly();
      below.forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Override
  public Optional<StepResult> awaitExit(Duration timeout) throws InterruptedException {
    try {
      return Optional.of(done.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("collecting the step's result failed", e.getCause());
    }
  }

  @Override
  public CompletableFuture<StepResult> onExit() {
    return done.copy();
  }

  @Override
  public StepResult terminate(Duration grace) throws InterruptedException {
    signal(StepSignal.TERM);
    Optional<StepResult> r = awaitExit(grace);
    if (r.isPresent()) {
      return r.get();
    }
    kill();
    r = awaitExit(killTimeout.plusSeconds(5));
    return r.orElseGet(() ->
        new StepResult(
            null,
            null,
            Map.of(),
            Map.of(),
            List.of(),
            "the step did not exit after SIGKILL (wrapper pid " + pid() + ")",
            dir.resolve(StepFiles.MAIN_LOG).toString(),
            null,
            null));
  }

  private StepResult finish() {
    try {
      if (process != null && !detached && !Files.exists(dir.resolve(StepFiles.EXITCODE))) {
        recordAbnormalEnd();
      }
      return StepDirectory.of(dir)
          .readResult()
          .orElseGet(() -> failed("the step ended but its directory shows no result"));
    } catch (IOException | RuntimeException e) {
      return failed("cannot read the step's result from " + dir + ": " + e);
    } finally {
      closeRunnerPipe();
      onEnd.run();
    }
  }

  /**
   * The wrapper died without recording the exit (it was killed): end what it left behind, collect
   * the outputs as it would have, and record its own exit status.
   */
  private void recordAbnormalEnd() throws IOException {
    Optional<Map<String, String>> started = StepFiles.properties(dir.resolve(StepFiles.STARTED));
    if (started.isPresent() && started.get().containsKey("child")) {
      try {
        ProcessHandle.of(Long.parseLong(started.get().get("child")))
            .ifPresent(child -> {
              List<ProcessHandle> below = child.descendants().toList();
              child.destroyForcibly();
              below.forEach(ProcessHandle::destroyForcibly);
            });
      } catch (NumberFormatException e) {
        // nothing recorded to clean up
      }
    }
    Path collect = dir.resolve(StepFiles.COLLECT);
    if (Files.exists(collect)) {
      try {
        HostTools.run(List.of(shell, collect.toString()), 60);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    new StepFiles.ExitRecord(process.exitValue(), clock.instant()).write(dir);
  }

  private StepResult failed(String message) {
    return new StepResult(
        null,
        null,
        Map.of(),
        Map.of(),
        List.of(),
        message,
        dir.resolve(StepFiles.MAIN_LOG).toString(),
        null,
        clock.instant());
  }
}
