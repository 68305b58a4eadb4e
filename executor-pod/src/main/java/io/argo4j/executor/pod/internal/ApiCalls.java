package io.argo4j.executor.pod.internal;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs API calls with a deadline each, retrying failures with exponential back-off until a total
 * budget is spent. A call that hangs is abandoned (and interrupted) at its deadline; requests the
 * server refuses for good (bad request, forbidden, not found, invalid) are not retried.
 */
public final class ApiCalls implements AutoCloseable {

  /** Timing of the calls. */
  public record Policy(
      Duration callTimeout, Duration firstBackoff, Duration maxBackoff, Duration budget) {
    public static Policy defaults() {
      return new Policy(
          Duration.ofSeconds(30),
          Duration.ofMillis(200),
          Duration.ofSeconds(10),
          Duration.ofMinutes(5));
    }
  }

  /** A call that failed for good, or whose budget was spent. */
  public static final class ApiCallFailed extends Exception {
    private static final long serialVersionUID = 1L;

    ApiCallFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Codes that a retry cannot fix. 409 is the caller's to handle (it re-reads). */
  private static final Set<Integer> FINAL = Set.of(400, 401, 403, 404, 405, 409, 410, 422);

  private final Policy policy;
  private final ExecutorService threads =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("argo4j-exec-api-", 0).factory());

  public ApiCalls(Policy policy) {
    this.policy = policy;
  }

  /**
   * Runs {@code call} until it succeeds.
   *
   * @param what a description for the error message, such as "create task result x"
   * @throws KubernetesClientException when the server refused the request for good (its code is one
   *     a retry cannot change, 409 included)
   * @throws ApiCallFailed when the budget is spent
   */
  public <T> T call(String what, Callable<T> call) throws ApiCallFailed, InterruptedException {
    long giveUp = System.nanoTime() + policy.budget().toNanos();
    Duration backoff = policy.firstBackoff();
    int attempt = 0;
    while (true) {
      attempt++;
      Throwable failure;
      Future<T> f = threads.submit(call);
      try {
        return f.get(policy.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        f.cancel(true);
        failure = new TimeoutException("no answer within " + policy.callTimeout());
      } catch (ExecutionException e) {
        failure = e.getCause();
        if (failure instanceof KubernetesClientException k && FINAL.contains(k.getCode())) {
          throw k;
        }
      }
      long left = giveUp - System.nanoTime();
      if (left <= 0) {
        throw new ApiCallFailed(
            what + " failed " + attempt + " times within " + policy.budget() + "; last: " + failure,
            failure);
      }
      Thread.sleep(Math.min(backoff.toMillis(), TimeUnit.NANOSECONDS.toMillis(left) + 1));
      backoff = backoff.multipliedBy(2);
      if (backoff.compareTo(policy.maxBackoff()) > 0) {
        backoff = policy.maxBackoff();
      }
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
