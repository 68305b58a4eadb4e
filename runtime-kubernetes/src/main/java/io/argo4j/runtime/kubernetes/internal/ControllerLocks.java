package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.engine.locks.HeldLocks;
import io.argo4j.engine.locks.LimitSource;
import io.argo4j.engine.locks.LockClaim;
import io.argo4j.engine.locks.LockName;
import io.argo4j.engine.locks.LockState;
import io.argo4j.engine.locks.LockTable;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.kubernetes.Cluster;
import io.argo4j.runtime.kubernetes.ClusterException;
import io.argo4j.runtime.kubernetes.WorkflowKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The controller's lock table (one per controller, as in Argo). Rebuilt from the statuses in the
 * informer cache when the controller starts, so that a restart keeps every holder (Argo #8684); a
 * workflow that is deleted or completes drops its claims at once (Argo #9: no leak on terminate or
 * delete). Workflows granted a lock are requeued. Semaphore limits are read from ConfigMaps through
 * the {@link Cluster} port; a failed read throws, and the reconcile is retried.
 */
public final class ControllerLocks {
  private final Cluster cluster;
  private final Consumer<WorkflowKey> requeue;
  private LockTable table;

  /** The resourceVersion whose claims were last applied, by workflow. */
  private final Map<WorkflowKey, Long> versions = new HashMap<>();

  public ControllerLocks(Cluster cluster, Consumer<WorkflowKey> requeue) {
    this.cluster = cluster;
    this.requeue = requeue;
    this.table = new LockTable(this::limitOf);
  }

  /** Rebuilds the table from the cached workflows' statuses (call once the caches are filled). */
  public synchronized void rebuild() {
    List<Workflow> workflows = new ArrayList<>();
    for (WorkflowKey key : cluster.cachedWorkflowKeys()) {
      try {
        cluster.cachedWorkflow(key).ifPresent(workflows::add);
      } catch (ClusterException.Unreadable e) {
        // an unreadable workflow is failed by its reconcile; it holds nothing
      }
    }
    table = LockTable.rebuild(workflows, this::limitOf);
    versions.clear();
    for (Workflow w : workflows) {
      Long v = number(w.metadata().getResourceVersion());
      if (v != null) {
        versions.put(new WorkflowKey(w.metadata().getNamespace(), w.metadata().getName()), v);
      }
    }
  }

  /** The table's view of a workflow's locks, for its observations. */
  public synchronized Map<String, LockState> view(WorkflowKey key) {
    return table.view(HeldLocks.workflowKey(key.namespace(), key.name()));
  }

  /**
   * Hands over the claims of a plan computed from the workflow at {@code resourceVersion}; requeues
   * the workflows granted something. Claims from a copy older than the last one applied (a stale,
   * replayed watch event) are ignored: they could take back a lock released since, and nothing
   * would release it again. Versions that are not numbers are always applied.
   */
  public synchronized void update(WorkflowKey key, List<LockClaim> claims, String resourceVersion) {
    Long version = number(resourceVersion);
    Long applied = versions.get(key);
    if (version != null && applied != null && version < applied) {
      return;
    }
    if (version != null) {
      versions.put(key, version);
    }
    requeueAll(table.update(HeldLocks.workflowKey(key.namespace(), key.name()), claims));
  }

  /** The workflow is gone from the cluster: nothing of it is remembered. */
  public synchronized void forget(WorkflowKey key) {
    release(key);
    versions.remove(key);
  }

  private static Long number(String resourceVersion) {
    if (resourceVersion == null) {
      return null;
    }
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The workflow is gone, going or completed: whatever it held goes to the next waiters. */
  public synchronized void release(WorkflowKey key) {
    requeueAll(table.remove(HeldLocks.workflowKey(key.namespace(), key.name())));
  }

  /** Who holds what now. */
  public synchronized Map<LockName, List<String>> holders() {
    return table.holders();
  }

  private void requeueAll(Set<String> workflowKeys) {
    for (String k : workflowKeys) {
      int slash = k.indexOf('/');
      requeue.accept(new WorkflowKey(k.substring(0, slash), k.substring(slash + 1)));
    }
  }

  private LimitSource.Limit limitOf(LockName lock) {
    Optional<Map<String, String>> data =
        cluster.readConfigMapData(lock.namespace(), lock.resourceName());
    if (data.isEmpty()) {
      return LimitSource.missingConfigMap(lock);
    }
    return LimitSource.parse(lock, data.get().get(lock.key()));
  }
}
