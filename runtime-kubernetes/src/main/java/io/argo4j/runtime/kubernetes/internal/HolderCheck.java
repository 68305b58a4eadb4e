package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.engine.locks.HeldLocks;
import io.argo4j.engine.locks.LockName;
import io.argo4j.model.CompressedNodes;
import io.argo4j.model.MutexHolding;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.SemaphoreHolding;
import io.argo4j.model.SynchronizationStatus;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.kubernetes.Cluster;
import io.argo4j.runtime.kubernetes.ClusterException;
import io.argo4j.runtime.kubernetes.WorkflowKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the server, read fresh, says about a lock holder's workflow: the test that tells a lost
 * release from a live holder. A cached copy could be older than the grant it is asked about, so
 * every answer costs one read; when the read fails, the answer keeps the permit where it is.
 */
final class HolderCheck {
  private final Cluster cluster;

  HolderCheck(Cluster cluster) {
    this.cluster = cluster;
  }

  /** Whether the workflow is gone, being deleted or completed; false when the read fails. */
  boolean finished(WorkflowKey key) {
    try {
      return cluster.readWorkflow(key).map(HolderCheck::done).orElse(true);
    } catch (ClusterException e) {
      return false;
    }
  }

  /**
   * Whether a holder still holds or waits for the lock: its workflow exists and is unfinished, and
   * the holder is an unfinished node (a template's lock) or the workflow's status names the lock (a
   * workflow's lock). True when the read fails.
   */
  boolean stillClaims(LockName lock, String holder) {
    String wfKey = HeldLocks.workflowKeyOfHolder(holder);
    int slash = wfKey.indexOf('/');
    Optional<Workflow> read;
    try {
      read =
          cluster.readWorkflow(
              new WorkflowKey(wfKey.substring(0, slash), wfKey.substring(slash + 1)));
    } catch (ClusterException e) {
      return true;
    }
    if (read.isEmpty() || done(read.get())) {
      return false;
    }
    Workflow wf;
    try {
      wf = CompressedNodes.hydrate(read.get());
    } catch (IllegalArgumentException e) {
      return false; // unreadable: its reconcile fails it, and it holds nothing
    }
    if (wf.status() == null) {
      return false;
    }
    if (holder.length() > wfKey.length()) {
      String nodeId = holder.substring(wfKey.length() + 1);
      NodeStatus node = wf.status().nodes() == null ? null : wf.status().nodes().get(nodeId);
      return node != null && (node.phase() == null || !node.phase().isFulfilled());
    }
    SynchronizationStatus sync = wf.status().synchronization();
    String name = lock.toString();
    if (sync == null) {
      return false;
    }
    if (sync.mutex() != null
        && (names(sync.mutex().holding(), MutexHolding::mutex).contains(name)
            || names(sync.mutex().waiting(), MutexHolding::mutex).contains(name))) {
      return true;
    }
    return sync.semaphore() != null
        && (names(sync.semaphore().holding(), SemaphoreHolding::semaphore).contains(name)
            || names(sync.semaphore().waiting(), SemaphoreHolding::semaphore).contains(name));
  }

  private static boolean done(Workflow wf) {
    return wf.metadata().getDeletionTimestamp() != null
        || (wf.status() != null
            && wf.status().phase() != null
            && wf.status().phase().isCompleted());
  }

  private static <T> List<String> names(List<T> entries, Function<T, String> name) {
    return entries == null ? List.of() : entries.stream().map(name).toList();
  }
}
