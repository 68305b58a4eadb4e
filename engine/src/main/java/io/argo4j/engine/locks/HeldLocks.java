package io.argo4j.engine.locks;

import io.argo4j.model.MutexHolding;
import io.argo4j.model.SemaphoreHolding;
import io.argo4j.model.SynchronizationStatus;
import io.argo4j.model.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The locks a workflow's persisted status records as held ({@code
 * status.synchronization.*.holding}), the single source from which a restarted runtime rebuilds its
 * lock table (Argo #8684 deadlocked a mutex because it re-derived holder keys differently).
 */
public final class HeldLocks {
  private HeldLocks() {}

  /** The workflow key of a workflow: {@code <namespace>/<name>}. */
  public static String workflowKey(String namespace, String name) {
    return (namespace == null || namespace.isEmpty() ? "default" : namespace) + "/" + name;
  }

  /** The workflow key of a workflow. */
  public static String workflowKey(Workflow wf) {
    return workflowKey(wf.metadata().getNamespace(), wf.metadata().getName());
  }

  /** The workflow key part of a holder key ({@code ns/wf} of {@code ns/wf/nodeId}). */
  public static String workflowKeyOfHolder(String holder) {
    int first = holder.indexOf('/');
    int second = first < 0 ? -1 : holder.indexOf('/', first + 1);
    return second < 0 ? holder : holder.substring(0, second);
  }

  /**
   * Argo before 3.6 wrote only the node ID (or the workflow name) as holder; upgrade such keys to
   * full ones.
   */
  public static String normalizeHolder(Workflow wf, String holder) {
    if (holder.contains("/")) {
      return holder;
    }
    String wfKey = workflowKey(wf);
    return holder.equals(wf.metadata().getName()) ? wfKey : wfKey + "/" + holder;
  }

  /**
   * The held claims recorded in a workflow's status; none for a completed workflow (whatever its
   * status says, a finished workflow holds nothing). Entries whose lock name cannot be parsed are
   * skipped: they name no lock this runtime could grant.
   */
  public static List<LockClaim> of(Workflow wf) {
    List<LockClaim> claims = new ArrayList<>();
    if (wf.status() == null
        || wf.status().synchronization() == null
        || (wf.status().phase() != null && wf.status().phase().isCompleted())) {
      return claims;
    }
    SynchronizationStatus sync = wf.status().synchronization();
    int priority = wf.spec() == null || wf.spec().priority() == null ? 0 : wf.spec().priority();
    Instant created = created(wf);
    if (sync.mutex() != null && sync.mutex().holding() != null) {
      for (MutexHolding h : sync.mutex().holding()) {
        if (h.mutex() == null || h.holder() == null || h.holder().isEmpty()) {
          continue;
        }
        LockName lock = parseOrNull(h.mutex());
        if (lock == null) {
          continue;
        }
        claims.add(
            new LockClaim(lock, normalizeHolder(wf, h.holder()), priority, created, created, true));
      }
    }
    if (sync.semaphore() != null && sync.semaphore().holding() != null) {
      for (SemaphoreHolding h : sync.semaphore().holding()) {
        if (h.semaphore() == null || h.holders() == null) {
          continue;
        }
        LockName lock = parseOrNull(h.semaphore());
        if (lock == null) {
          continue;
        }
        for (String holder : h.holders()) {
          claims.add(
              new LockClaim(lock, normalizeHolder(wf, holder), priority, created, created, true));
        }
      }
    }
    return claims;
  }

  private static LockName parseOrNull(String name) {
    try {
      return LockName.parse(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The workflow's creation time (the epoch when it has none yet). */
  public static Instant created(Workflow wf) {
    String ts = wf.metadata().getCreationTimestamp();
    return ts == null || ts.isEmpty() ? Instant.EPOCH : Instant.parse(ts);
  }
}
