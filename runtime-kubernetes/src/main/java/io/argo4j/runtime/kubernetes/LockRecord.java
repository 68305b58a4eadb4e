package io.argo4j.runtime.kubernetes;

import java.util.List;
import java.util.Objects;

/**
 * The cluster's record of who holds the permits of one mutex or semaphore. Every grant and release
 * is a compare-and-swap on it, so two controllers running at once (a rollout surge, a lease that
 * both believe they hold) cannot hand out the same permit twice.
 *
 * @param namespace the lock's namespace, where the record lives
 * @param lock the lock's full name ({@code <namespace>/Mutex/<name>} and so on)
 * @param holders the holder keys, in the order they got a permit
 * @param resourceVersion the version read, which a write must match; null for a record not stored
 *     yet (the write creates it)
 */
public record LockRecord(
    String namespace, String lock, List<String> holders, String resourceVersion) {

  public LockRecord {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(lock, "lock");
    holders = List.copyOf(holders);
  }

  /** A lock nobody has held yet. */
  public static LockRecord empty(String namespace, String lock) {
    return new LockRecord(namespace, lock, List.of(), null);
  }

  /** The same record with other holders, to write back at the version it was read. */
  public LockRecord withHolders(List<String> newHolders) {
    return new LockRecord(namespace, lock, newHolders, resourceVersion);
  }
}
