package io.argo4j.runtime.kubernetes.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A delaying, de-duplicating, rate-limited work queue, like client-go's: a key is held at most
 * once, at the earliest time it was asked for; a key being processed is never handed to a second
 * worker, and if it is added meanwhile it comes back once the first worker is done. Keys that keep
 * failing back off exponentially.
 */
public final class WorkQueue<K> {

  private final InstantSource clock;
  private final Duration baseBackoff;
  private final Duration maxBackoff;
  private final Map<K, Instant> due = new HashMap<>();
  private final Set<K> processing = new HashSet<>();
  private final Map<K, Instant> dueAfterProcessing = new HashMap<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private boolean shutdown;

  public WorkQueue(InstantSource clock, Duration baseBackoff, Duration maxBackoff) {
    this.clock = clock;
    this.baseBackoff = baseBackoff;
    this.maxBackoff = maxBackoff;
  }

  /** Process {@code key} as soon as possible. */
  public void add(K key) {
    addAt(key, clock.instant());
  }

  /** Process {@code key} at {@code at}, or earlier if it is already due earlier. */
  public synchronized void addAt(K key, Instant at) {
    if (shutdown) {
      return;
    }
    Map<K, Instant> target = processing.contains(key) ? dueAfterProcessing : due;
    target.merge(key, at, (a, b) -> a.isBefore(b) ? a : b);
    notifyAll();
  }

  /** Process {@code key} again after a back-off that doubles with each consecutive failure. */
  public void addAfterFailure(K key) {
    int n;
    synchronized (this) {
      n = failures.merge(key, 1, Integer::sum);
    }
    addAt(key, clock.instant().plus(backoff(n)));
  }

  /** The key succeeded: its back-off starts over. */
  public synchronized void forget(K key) {
    failures.remove(key);
  }

  Duration backoff(int failureCount) {
    Duration d = baseBackoff;
    for (int i = 1; i < failureCount && d.compareTo(maxBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  /**
   * Waits for a due key and marks it as processing. Returns empty once the queue is shut down.
   * Callers must call {@link #done} with the key afterwards.
   */
  public synchronized Optional<K> take() throws InterruptedException {
    while (!shutdown) {
      Optional<K> due = poll();
      if (due.isPresent()) {
        return due;
      }
      Instant now = clock.instant();
      Optional<Instant> next = nextDue();
      long waitMillis =
          next.map(at -> Math.max(1, Duration.between(now, at).toMillis())).orElse(1000L);
      wait(Math.min(waitMillis, 1000));
    }
    return Optional.empty();
  }

  /**
   * The key due first, if one is due now, marked as processing; never waits (for a caller that
   * drives time itself, like the deterministic simulation). Callers must call {@link #done}.
   */
  public synchronized Optional<K> poll() {
    if (shutdown) {
      return Optional.empty();
    }
    K best = null;
    Instant bestAt = null;
    for (Map.Entry<K, Instant> e : due.entrySet()) {
      if (bestAt == null || e.getValue().isBefore(bestAt)) {
        best = e.getKey();
        bestAt = e.getValue();
      }
    }
    if (best == null || bestAt.isAfter(clock.instant())) {
      return Optional.empty();
    }
    due.remove(best);
    processing.add(best);
    return Optional.of(best);
  }

  /** When the earliest waiting key is due, if any key waits. */
  public synchronized Optional<Instant> nextDue() {
    Instant min = null;
    for (Instant at : due.values()) {
      if (min == null || at.isBefore(min)) {
        min = at;
      }
    }
    return Optional.ofNullable(min);
  }

  /** The worker finished with {@code key}. */
  public synchronized void done(K key) {
    processing.remove(key);
    Instant again = dueAfterProcessing.remove(key);
    if (again != null && !shutdown) {
      due.merge(key, again, (a, b) -> a.isBefore(b) ? a : b);
      notifyAll();
    }
  }

  /** Keys waiting (due or not), for metrics. */
  public synchronized int depth() {
    return due.size() + dueAfterProcessing.size();
  }

  /** When {@code key} is next due, if it is queued. */
  public synchronized Optional<Instant> dueAt(K key) {
    return Optional.ofNullable(due.getOrDefault(key, dueAfterProcessing.get(key)));
  }

  /** Stops handing out keys; {@link #take} returns empty. */
  public synchronized void shutdown() {
    shutdown = true;
    due.clear();
    dueAfterProcessing.clear();
    notifyAll();
  }
}
