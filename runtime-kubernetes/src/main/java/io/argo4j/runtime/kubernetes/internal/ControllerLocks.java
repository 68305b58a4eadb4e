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
import io.argo4j.runtime.kubernetes.LockRecord;
import io.argo4j.runtime.kubernetes.WorkflowKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 *
 * <p>Unlike Argo, a grant counts only once the cluster's record of the lock ({@link LockLedger})
 * takes it: two controllers running at once (a rollout surge, a leader that has not noticed it lost
 * its lease) each keep a table, and without a shared fence each would hand out the same permit. A
 * refused grant makes the table adopt the record's holders; a record's holder whose workflow is
 * gone or finished is removed from it (a release that failed, or a controller that died in
 * between).
 */
public final class ControllerLocks {
  private static final System.Logger LOG = System.getLogger(ControllerLocks.class.getName());

  /** Rounds of grant, fence and adopt before giving up until the next update. */
  private static final int MAX_ROUNDS = 16;

  private final Cluster cluster;
  private final Consumer<WorkflowKey> requeue;
  private final Consumer<WorkflowKey> retryLater;
  private final LockLedger ledger;
  private final HolderCheck holderCheck;
  private LockTable table;

  /** The resourceVersion whose claims were last applied, by workflow. */
  private final Map<WorkflowKey, Long> versions = new HashMap<>();

  /**
   * @param requeue reconciles a workflow soon (it was granted a lock)
   * @param retryLater reconciles a workflow after a back-off (its grant could not be recorded)
   */
  public ControllerLocks(
      Cluster cluster, Consumer<WorkflowKey> requeue, Consumer<WorkflowKey> retryLater) {
    this.cluster = cluster;
    this.requeue = requeue;
    this.retryLater = retryLater;
    this.ledger = new LockLedger(cluster);
    this.holderCheck = new HolderCheck(cluster);
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
    // the holders the statuses record are checked against the lock records, as grants are
    requeueAll(settle(Map.of()));
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
    replaceClaims(key, claims);
  }

  /** Gives the table a workflow's claims, fences what changed, and requeues what was granted. */
  private void replaceClaims(WorkflowKey key, List<LockClaim> claims) {
    Map<LockName, List<String>> before = table.holders();
    Set<String> granted =
        new HashSet<>(table.update(HeldLocks.workflowKey(key.namespace(), key.name()), claims));
    granted.addAll(settle(before));
    requeueAll(granted);
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
    replaceClaims(key, List.of());
  }

  /**
   * Brings the lock records in line with the table's changes since {@code before}: releases what
   * the table released, and records what it granted. A grant the record refuses (another
   * controller's holder took the permit) is taken back, and the table adopts the record's holders;
   * one that cannot be recorded (the call failed) is taken back and its workflow retried later.
   *
   * @return the workflows granted a lock on the way
   */
  private Set<String> settle(Map<LockName, List<String>> before) {
    Set<String> granted = new HashSet<>();
    // holders the table took from a record: they are recorded (or were, if released since), and
    // must not be written back
    Set<Permit> adopted = new HashSet<>();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Map<LockName, List<String>> after = table.holders();
      List<Permit> released = minus(before, after);
      List<Permit> added = minus(after, before);
      if (released.isEmpty() && added.isEmpty()) {
        return granted;
      }
      before = after;
      for (Permit p : released) {
        unrecordIfReleased(p.lock(), p.holder());
      }
      for (Permit p : added) {
        if (adopted.contains(p) || !table.holds(p.lock(), p.holder())) {
          continue; // adopted, or taken back this round with another lock of the same holder
        }
        List<String> recorded;
        try {
          LockLedger.Outcome o =
              ledger.acquire(p.lock(), p.holder(), table.stateOf(p.lock()).limit());
          if (o.holds()) {
            continue;
          }
          recorded = o.holders();
        } catch (ClusterException e) {
          LOG.log(
              System.Logger.Level.WARNING,
              "could not record " + p.lock() + " for " + p.holder() + ": " + e.getMessage());
          List<String> hs = new ArrayList<>(after.getOrDefault(p.lock(), List.of()));
          hs.remove(p.holder());
          recorded = hs;
          retryLater.accept(workflowOf(p.holder()));
        }
        List<String> holders = live(p.lock(), recorded);
        holders.forEach(h -> adopted.add(new Permit(p.lock(), h)));
        granted.addAll(table.adopt(p.lock(), holders));
      }
    }
    // not settled: grants not yet confirmed by a record are taken back (their workflows try again
    // later), so that the table never shows a permit the records do not
    for (Permit p : minus(table.holders(), before)) {
      if (!adopted.contains(p)) {
        table.revoke(p.holder());
        granted.remove(HeldLocks.workflowKeyOfHolder(p.holder()));
        retryLater.accept(workflowOf(p.holder()));
      }
    }
    for (Permit p : minus(before, table.holders())) {
      unrecordIfReleased(p.lock(), p.holder());
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "lock grants did not settle in "
            + MAX_ROUNDS
            + " rounds; unconfirmed ones were taken back");
    return granted;
  }

  /**
   * The recorded holders that may still hold the lock. A holder this table does not know is checked
   * on the server: if it no longer claims the lock, its release was lost (a failed call, a
   * controller that died in between), and it is removed from the record. One that stays (it claims
   * the lock, the read failed, or the removal failed) is adopted with no claim here, so its
   * workflow is reconciled: its plan confirms the holder, and a workflow that is gone or finished
   * lets go of it; nothing else would until the sweep.
   */
  private List<String> live(LockName lock, List<String> recorded) {
    List<String> out = new ArrayList<>();
    for (String h : recorded) {
      if (table.holds(lock, h)) {
        out.add(h);
        continue;
      }
      if (unrecordIfReleased(lock, h)) {
        continue;
      }
      out.add(h);
      // at once, not after its back-off: a workflow whose pod clean-up keeps failing (a stuck
      // finalizer) waits minutes between reconciles, and would keep the permit all that time
      requeue.accept(workflowOf(h));
    }
    return out;
  }

  /**
   * Removes from the lock records every holder that no longer claims its lock and that this table
   * does not hold: releases that failed or were never made. Called on each resync; the record is
   * read before the holder's workflow, so a grant made in between fails the compare-and-swap.
   */
  public synchronized void sweep() {
    // this table's own holders first: one whose workflow finished or went while the cache showed
    // an older copy (a lost or reordered watch event) would keep its permit until a relist
    Set<WorkflowKey> owners = new java.util.LinkedHashSet<>();
    table.holders().values().forEach(hs -> hs.forEach(h -> owners.add(workflowOf(h))));
    for (WorkflowKey key : owners) {
      if (holderCheck.finished(key)) {
        release(key);
      }
    }
    List<LockRecord> records;
    try {
      records = cluster.listLockRecords();
    } catch (ClusterException e) {
      LOG.log(System.Logger.Level.WARNING, "could not list lock records: " + e.getMessage());
      return;
    }
    for (LockRecord r : records) {
      LockName lock;
      try {
        lock = LockName.parse(r.lock());
      } catch (IllegalArgumentException e) {
        continue; // not a lock this controller could have granted
      }
      for (String h : r.holders()) {
        if (!table.holds(lock, h)) {
          unrecordIfReleased(lock, h);
        }
      }
    }
  }

  /**
   * Removes a holder from its lock's record once a fresh read shows that it no longer claims the
   * lock. The table may have let go on a stale copy (a lagging or relisting cache), so its word is
   * not enough. A failed removal leaves the holder recorded, for a later refused grant or the sweep
   * to find.
   *
   * @return whether the holder is gone from the record
   */
  private boolean unrecordIfReleased(LockName lock, String holder) {
    if (holderCheck.stillClaims(lock, holder)) {
      return false;
    }
    try {
      ledger.release(lock, holder);
      return true;
    } catch (ClusterException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "could not release " + lock + " of " + holder + ": " + e.getMessage());
      return false;
    }
  }

  private record Permit(LockName lock, String holder) {}

  private static List<Permit> minus(Map<LockName, List<String>> a, Map<LockName, List<String>> b) {
    List<Permit> out = new ArrayList<>();
    a.forEach((lock, hs) -> {
      List<String> other = b.getOrDefault(lock, List.of());
      for (String h : hs) {
        if (!other.contains(h)) {
          out.add(new Permit(lock, h));
        }
      }
    });
    return out;
  }

  private static WorkflowKey workflowOf(String holder) {
    String k = HeldLocks.workflowKeyOfHolder(holder);
    int slash = k.indexOf('/');
    return new WorkflowKey(k.substring(0, slash), k.substring(slash + 1));
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
