package io.argo4j.engine.locks;

import io.argo4j.model.Workflow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides who holds which mutex and semaphore permit, across all workflows of one runtime. Pure and
 * deterministic (no I/O but the {@link LimitSource}, no clock, no threads; callers serialise
 * access): the same claims always give the same grants.
 *
 * <p>Each workflow's plan declares all its claims ({@link #update}); the table replaces that
 * workflow's previous claims, releases what is no longer claimed, and grants free permits to
 * waiters in Argo's order: higher {@code spec.priority} first, then older workflows, then earlier
 * waiters. A holder that needs several locks gets all of them at once or none, and a waiter that
 * cannot be served blocks those behind it on the same lock, so nobody starves. Grants are sticky: a
 * holder keeps its permits until its workflow stops claiming them, is removed, or finishes.
 *
 * <p>After a restart, {@link #rebuild} restores holders from persisted workflow statuses alone;
 * waiters come back when their workflows are reconciled again.
 */
public final class LockTable {
  private static final Comparator<Request> ORDER =
      Comparator.comparingInt((Request r) -> -r.priority)
          .thenComparing(r -> r.created)
          .thenComparing(r -> r.since)
          .thenComparing(r -> r.holder);

  private final LimitSource limits;
  private final Map<String, List<LockClaim>> claims = new TreeMap<>();
  private final Map<LockName, LinkedHashSet<String>> holders = new HashMap<>();
  private final Map<LockName, Integer> knownLimits = new HashMap<>();

  public LockTable(LimitSource limits) {
    this.limits = limits;
  }

  /**
   * A table holding what the given workflows' statuses record as held. Completed workflows hold
   * nothing; workflows not given (deleted) hold nothing.
   */
  public static LockTable rebuild(Collection<Workflow> workflows, LimitSource limits) {
    LockTable table = new LockTable(limits);
    for (Workflow wf : workflows) {
      List<LockClaim> held = HeldLocks.of(wf);
      if (!held.isEmpty()) {
        table.claims.put(HeldLocks.workflowKey(wf), List.copyOf(held));
        for (LockClaim c : held) {
          table.holdersOf(c.lock()).add(c.holder());
        }
      }
    }
    return table;
  }

  /**
   * Replaces a workflow's claims with those of its latest plan, releases what it no longer claims,
   * and grants what can be granted.
   *
   * @param workflowKey {@code <namespace>/<name>} (see {@link HeldLocks#workflowKey})
   * @return the workflows to reconcile again: those granted a lock, and this one if it claims a
   *     lock it did not claim before (its next reconcile sees the lock's state and says so)
   */
  public Set<String> update(String workflowKey, List<LockClaim> newClaims) {
    List<LockClaim> old = newClaims.isEmpty() ? claims.remove(workflowKey) : null;
    if (!newClaims.isEmpty()) {
      old = claims.put(workflowKey, List.copyOf(newClaims));
    }
    Set<LockName> before = new java.util.HashSet<>();
    if (old != null) {
      old.forEach(c -> before.add(c.lock()));
    }
    boolean newLock = newClaims.stream().anyMatch(c -> !before.contains(c.lock()));
    Set<String> kept = new java.util.HashSet<>();
    for (LockClaim c : newClaims) {
      kept.add(c.lock() + "\n" + c.holder());
      if (c.held()) {
        holdersOf(c.lock()).add(c.holder());
      }
    }
    if (old != null) {
      for (LockClaim c : old) {
        if (!kept.contains(c.lock() + "\n" + c.holder())) {
          release(c.lock(), c.holder());
        }
      }
    }
    // holders adopted from a shared record (see adopt) have no claim here until their workflow's
    // plan arrives: one that the plan does not claim is released as well
    for (Map.Entry<LockName, LinkedHashSet<String>> e : holders.entrySet()) {
      e.getValue()
          .removeIf(h ->
              HeldLocks.workflowKeyOfHolder(h).equals(workflowKey)
                  && !kept.contains(e.getKey() + "\n" + h));
    }
    Set<String> reconcile = grant();
    if (newLock) {
      reconcile.add(workflowKey);
    }
    return reconcile;
  }

  /**
   * Drops every claim of a workflow (deleted, or finished): its permits go to the next waiters.
   *
   * @return the workflows that were granted a lock
   */
  public Set<String> remove(String workflowKey) {
    return update(workflowKey, List.of());
  }

  /**
   * Makes a lock's holders those a shared record says (the cluster's lock ledger, which two
   * controllers running at once both fence their grants with), and grants what that frees. A holder
   * whose workflow's status records the lock as held keeps it: it may be running already. A holder
   * that loses a lock loses all its permits not recorded as held, since a holder gets all its locks
   * or none. Holders unknown here are added, and released when their workflow's plan no longer
   * claims them.
   *
   * @return the workflows that were granted a lock
   */
  public Set<String> adopt(LockName lock, Collection<String> recorded) {
    Set<String> keep = new java.util.HashSet<>(recorded);
    for (String h : List.copyOf(holders.getOrDefault(lock, new LinkedHashSet<>()))) {
      if (!keep.contains(h) && !recordedHeld(lock, h)) {
        for (LockName other : List.copyOf(holders.keySet())) {
          if (other.equals(lock) || !recordedHeld(other, h)) {
            release(other, h);
          }
        }
      }
    }
    for (String h : recorded) {
      holdersOf(lock).add(h);
    }
    return grant();
  }

  /**
   * Takes back every permit of a holder that its workflow's status does not record as held, without
   * granting anything: for a grant that could not be confirmed.
   */
  public void revoke(String holder) {
    for (LockName lock : List.copyOf(holders.keySet())) {
      if (!recordedHeld(lock, holder)) {
        release(lock, holder);
      }
    }
  }

  /** Whether the holder's workflow status records this lock as held (its claim says so). */
  private boolean recordedHeld(LockName lock, String holder) {
    for (LockClaim c : claims.getOrDefault(HeldLocks.workflowKeyOfHolder(holder), List.of())) {
      if (c.held() && c.lock().equals(lock) && c.holder().equals(holder)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the limits again (a ConfigMap changed) and grants what a raised limit frees.
   *
   * @return the workflows that were granted a lock
   */
  public Set<String> refreshLimits() {
    knownLimits.clear();
    return grant();
  }

  /** The state of every lock a workflow claims, by lock name, for its {@code Observations}. */
  public Map<String, LockState> view(String workflowKey) {
    Map<String, LockState> out = new LinkedHashMap<>();
    for (LockClaim c : claims.getOrDefault(workflowKey, List.of())) {
      out.computeIfAbsent(c.lock().toString(), k -> stateOf(c.lock()));
    }
    return out;
  }

  /** Who holds each lock now (locks with no holder are left out). */
  public Map<LockName, List<String>> holders() {
    Map<LockName, List<String>> out = new TreeMap<>(Comparator.comparing(LockName::toString));
    holders.forEach((lock, hs) -> {
      if (!hs.isEmpty()) {
        out.put(lock, List.copyOf(hs));
      }
    });
    return out;
  }

  /** Whether a holder holds a permit of the lock now. */
  public boolean holds(LockName lock, String holder) {
    LinkedHashSet<String> hs = holders.get(lock);
    return hs != null && hs.contains(holder);
  }

  /** The workflows with claims (held or waiting). */
  public Set<String> workflows() {
    return new TreeSet<>(claims.keySet());
  }

  /** The limit and holders of one lock. */
  public LockState stateOf(LockName lock) {
    LimitSource.Limit limit = limit(lock);
    List<String> hs = List.copyOf(holders.getOrDefault(lock, new LinkedHashSet<>()));
    return switch (limit) {
      case LimitSource.Limit.Known k -> new LockState(k.value(), hs, null);
      case LimitSource.Limit.Unavailable u -> new LockState(0, hs, u.reason());
    };
  }

  // ---- internals ---------------------------------------------------------------------------

  private LinkedHashSet<String> holdersOf(LockName lock) {
    return holders.computeIfAbsent(lock, k -> new LinkedHashSet<>());
  }

  private void release(LockName lock, String holder) {
    LinkedHashSet<String> hs = holders.get(lock);
    if (hs != null) {
      hs.remove(holder);
      if (hs.isEmpty()) {
        holders.remove(lock);
      }
    }
  }

  private LimitSource.Limit limit(LockName lock) {
    if (lock.isMutex()) {
      return new LimitSource.Limit.Known(1);
    }
    Integer known = knownLimits.get(lock);
    if (known != null) {
      return new LimitSource.Limit.Known(known);
    }
    LimitSource.Limit l = limits.limitOf(lock);
    if (l instanceof LimitSource.Limit.Known k) {
      knownLimits.put(lock, k.value());
    }
    // An unavailable limit is read again next time: the ConfigMap may appear.
    return l;
  }

  /** A holder waiting for one or more locks. */
  private record Request(
      String workflowKey,
      String holder,
      int priority,
      java.time.Instant created,
      java.time.Instant since,
      List<LockName> locks) {}

  private Set<String> grant() {
    Map<String, Request> byHolder = new LinkedHashMap<>();
    for (Map.Entry<String, List<LockClaim>> e : claims.entrySet()) {
      for (LockClaim c : e.getValue()) {
        Request r = byHolder.get(c.holder());
        if (r == null) {
          r =
              new Request(
                  e.getKey(), c.holder(), c.priority(), c.created(), c.since(), new ArrayList<>());
          byHolder.put(c.holder(), r);
        }
        if (!r.locks.contains(c.lock())) {
          r.locks.add(c.lock());
        }
      }
    }
    List<Request> waiting = new ArrayList<>();
    for (Request r : byHolder.values()) {
      for (LockName lock : r.locks) {
        if (!holdersOf(lock).contains(r.holder)) {
          waiting.add(r);
          break;
        }
      }
    }
    waiting.sort(ORDER);
    Set<String> granted = new TreeSet<>();
    Set<LockName> blocked = new java.util.HashSet<>();
    for (Request r : waiting) {
      boolean all = true;
      for (LockName lock : r.locks) {
        LinkedHashSet<String> hs = holdersOf(lock);
        if (hs.contains(r.holder)) {
          continue;
        }
        if (blocked.contains(lock)
            || !(limit(lock) instanceof LimitSource.Limit.Known k)
            || hs.size() >= k.value()) {
          all = false;
          break;
        }
      }
      if (all) {
        for (LockName lock : r.locks) {
          holdersOf(lock).add(r.holder);
        }
        granted.add(r.workflowKey);
      } else {
        for (LockName lock : r.locks) {
          if (!holdersOf(lock).contains(r.holder)) {
            blocked.add(lock);
          }
        }
      }
    }
    holders.values().removeIf(Set::isEmpty);
    return granted;
  }
}
