package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.engine.locks.LockName;
import io.argo4j.runtime.kubernetes.Cluster;
import io.argo4j.runtime.kubernetes.ClusterException;
import io.argo4j.runtime.kubernetes.LockRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grants and releases permits by compare-and-swap on the cluster's {@link LockRecord} of each lock.
 * The controller's in-memory table decides who is next; this makes the decision count only if no
 * other controller handed the permit out first. Remembers the last version of each record it saw,
 * so that a controller alone pays one write per grant or release; a decision that writes nothing is
 * made on a fresh read.
 */
final class LockLedger {
  private static final int MAX_ATTEMPTS = 8;

  private final Cluster cluster;
  private final Map<LockName, LockRecord> known = new HashMap<>();

  LockLedger(Cluster cluster) {
    this.cluster = cluster;
  }

  /** What a grant or release left: whether the holder holds the lock, and who holds it. */
  record Outcome(boolean holds, List<String> holders) {}

  /**
   * Adds a holder to a lock's record if a permit is free there.
   *
   * @return whether it holds the lock now, and the record's holders
   * @throws ClusterException when the server cannot be reached (a write that timed out is read back
   *     and tried again; if that fails too, the holder may be recorded)
   */
  Outcome acquire(LockName lock, String holder, int limit) {
    return change(
        lock,
        r -> {
          if (r.holders().contains(holder) || r.holders().size() >= limit) {
            return null;
          }
          List<String> hs = new ArrayList<>(r.holders());
          hs.add(holder);
          return hs;
        },
        holder);
  }

  /** Removes a holder from a lock's record; a holder not recorded is left as it is. */
  Outcome release(LockName lock, String holder) {
    return change(
        lock,
        r -> {
          if (!r.holders().contains(holder)) {
            return null;
          }
          List<String> hs = new ArrayList<>(r.holders());
          hs.remove(holder);
          return hs;
        },
        holder);
  }

  private interface Change {
    /** The new holders, or null when the record needs no write. */
    List<String> apply(LockRecord current);
  }

  private Outcome change(LockName lock, Change change, String holder) {
    LockRecord r = known.get(lock);
    boolean fresh = false;
    if (r == null) {
      r = fresh(lock);
      fresh = true;
    }
    for (int attempt = 1; ; attempt++) {
      List<String> next = change.apply(r);
      if (next == null) {
        if (!fresh) {
          // a remembered record may be stale: only the server's says nothing needs writing
          r = fresh(lock);
          fresh = true;
          continue;
        }
        return new Outcome(r.holders().contains(holder), r.holders());
      }
      try {
        LockRecord stored = cluster.writeLockRecord(r.withHolders(next));
        known.put(lock, stored);
        return new Outcome(stored.holders().contains(holder), stored.holders());
      } catch (ClusterException.Conflict e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        r = fresh(lock);
        fresh = true;
      } catch (ClusterException.Timeout e) {
        // the write may have landed: the record says; a compare-and-swap is safe to try again
        known.remove(lock);
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        r = fresh(lock);
        fresh = true;
      } catch (ClusterException e) {
        known.remove(lock);
        throw e;
      }
    }
  }

  private LockRecord fresh(LockName lock) {
    LockRecord r = cluster.readLockRecord(lock.namespace(), lock.toString());
    known.put(lock, r);
    return r;
  }
}
