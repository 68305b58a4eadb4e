package io.argo4j.executor.internal;

import java.util.concurrent.CompletableFuture;

/**
 * Completes when a process has ended, without the common ForkJoinPool. {@link Process#onExit} and
 * {@link ProcessHandle#onExit} hand their completion to that pool, so anything in the same JVM that
 * blocks it (a test polling inside {@code supplyAsync}, a parallel stream doing I/O) would hold up
 * the end of every step for as long: the contract suite saw steps "running" a minute after their
 * command had exited.
 */
final class ProcessExits {

  /** How often a process that is not this JVM's child is looked at, at most. */
  private static final long MAX_POLL_MILLIS = 500;

  /**
   * {@link Process#waitFor} waits on a monitor: from JDK 24 a virtual thread waiting there lets go
   * of its carrier; before, it pins one (and the scheduler adds carriers only up to 256), so on JDK
   * 21 to 23 each waiter is a small platform thread, as the JDK's own reaper threads are.
   */
  private static final boolean WAIT_UNMOUNTS = Runtime.version().feature() >= 24;

  private ProcessExits() {}

  /**
   * A child of this JVM: {@link Process#waitFor} returns as soon as the JDK's reaper thread has
   * seen the exit, on a thread of its own.
   */
  static CompletableFuture<Void> of(Process process) {
    return of(process, WAIT_UNMOUNTS);
  }

  /** As {@link #of(Process)}, waiting on a virtual thread or on a small platform thread. */
  static CompletableFuture<Void> of(Process process, boolean onVirtualThread) {
    CompletableFuture<Void> exited = new CompletableFuture<>();
    Thread.Builder waiter =
        onVirtualThread ? Thread.ofVirtual() : Thread.ofPlatform().daemon().stackSize(128 * 1024);
    waiter
        .name("argo4j-exit-" + process.pid())
        .start(() -> {
          try {
            process.waitFor();
            exited.complete(null);
          } catch (InterruptedException e) {
            exited.completeExceptionally(e);
          }
        });
    return exited;
  }

  /**
   * A process an earlier runner started (no child of this JVM, so nothing can wait for it): polled,
   * every 20 ms at first and then less often, up to every {@value #MAX_POLL_MILLIS} ms.
   */
  static CompletableFuture<Void> of(ProcessHandle handle) {
    CompletableFuture<Void> exited = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("argo4j-exit-" + handle.pid())
        .start(() -> {
          long delay = 20;
          try {
            while (handle.isAlive()) {
              Thread.sleep(delay);
              delay = Math.min(delay * 2, MAX_POLL_MILLIS);
            }
            exited.complete(null);
          } catch (InterruptedException e) {
            exited.completeExceptionally(e);
          }
        });
    return exited;
  }
}
