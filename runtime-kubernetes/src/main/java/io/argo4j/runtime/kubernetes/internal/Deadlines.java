package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.runtime.kubernetes.ClusterException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a call on a virtual thread and gives up on it after its deadline, so that a hung connection
 * never holds the caller: the caller gets {@link ClusterException.Timeout} and the call is
 * interrupted.
 */
public final class Deadlines implements AutoCloseable {

  private final Duration timeout;
  private final ExecutorService calls =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("argo4j-api-", 0).factory());

  public Deadlines(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("API call timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Runs {@code call}; exceptions it throws are rethrown unchanged when unchecked. */
  public <T> T call(String what, Callable<T> call) {
    Future<T> future = calls.submit(call);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ClusterException.Timeout(what + " did not complete within " + timeout);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ClusterException(what + " interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new ClusterException(what + " failed: " + e.getCause(), e.getCause());
    }
  }

  public void run(String what, Runnable call) {
    call(
        what,
        () -> {
          call.run();
          return null;
        });
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }
}
