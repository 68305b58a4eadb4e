package io.argo4j.engine.internal;

import io.argo4j.engine.locks.HeldLocks;
import io.argo4j.engine.locks.LockClaim;
import io.argo4j.engine.locks.LockName;
import io.argo4j.engine.locks.LockState;
import io.argo4j.model.Mutex;
import io.argo4j.model.MutexHolding;
import io.argo4j.model.MutexStatus;
import io.argo4j.model.SemaphoreHolding;
import io.argo4j.model.SemaphoreRef;
import io.argo4j.model.SemaphoreStatus;
import io.argo4j.model.Synchronization;
import io.argo4j.model.SynchronizationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workflow's side of synchronization in one reconcile. What the status records as held stays
 * held while its holder (the workflow, or a node) is unfinished; a holder asking for locks it does
 * not hold gets them once the runtime's lock table has granted them (seen in the observations), and
 * waits otherwise. At the end, the held and waited-for locks become the plan's claims and {@code
 * status.synchronization}. Release needs no code path of its own: a finished holder simply stops
 * being claimed, whatever finished it (success, failure, stop, terminate, deadline).
 */
final class SyncLocks {

  /** What asking for a template's or the workflow's locks gave. */
  sealed interface Outcome {
    /** Every lock is held: go on. */
    record Acquired() implements Outcome {}

    /** Some lock is held by others: stay Pending with the message. */
    record Waiting(String lock, String message) implements Outcome {}

    /** A lock cannot be had at all (no limit for a semaphore). */
    record Failed(String message) implements Outcome {}
  }

  private record Wait(LockName lock, Instant since) {}

  private final Operation op;
  private final String workflowHolder;
  private final Map<String, Set<LockName>> held = new LinkedHashMap<>();
  private final Map<String, List<Wait>> waiting = new LinkedHashMap<>();

  SyncLocks(Operation op) {
    this.op = op;
    this.workflowHolder = HeldLocks.workflowKey(op.namespace, op.wfName);
    for (LockClaim c : HeldLocks.of(op.wf)) {
      held.computeIfAbsent(c.holder(), k -> new LinkedHashSet<>()).add(c.lock());
    }
  }

  String workflowHolder() {
    return workflowHolder;
  }

  String nodeHolder(String nodeId) {
    return workflowHolder + "/" + nodeId;
  }

  /** Whether a synchronization asks for anything. */
  static boolean asksForLocks(Synchronization sync) {
    return sync != null && !(sync.allMutexes().isEmpty() && sync.allSemaphores().isEmpty());
  }

  /**
   * Asks for the locks of a synchronization on behalf of a holder.
   *
   * @param since when the holder started waiting (orders waiters of one workflow)
   * @throws EngineException when the synchronization names a lock Argo4j cannot provide
   */
  Outcome tryAcquire(String holder, Synchronization sync, Instant since) {
    List<LockName> locks = lockNames(sync);
    if (op.obs.locks() == null) {
      return new Outcome.Failed(
          "this runtime has no lock table, so it cannot grant mutexes or semaphores");
    }
    Set<LockName> mine = held.getOrDefault(holder, Set.of());
    List<LockName> granted = new ArrayList<>();
    Outcome.Waiting firstWait = null;
    for (LockName lock : locks) {
      if (mine.contains(lock)) {
        continue;
      }
      LockState state = op.obs.locks().get(lock.toString());
      if (state != null && state.error() != null) {
        return new Outcome.Failed(state.error());
      }
      if (state != null && state.heldBy(holder)) {
        granted.add(lock);
        continue;
      }
      if (firstWait == null) {
        firstWait = new Outcome.Waiting(lock.toString(), waitingMessage(lock, state));
      }
    }
    if (firstWait == null) {
      held.computeIfAbsent(holder, k -> new LinkedHashSet<>()).addAll(granted);
      waiting.remove(holder);
      return new Outcome.Acquired();
    }
    List<Wait> wanted = new ArrayList<>();
    for (LockName lock : locks) {
      if (!mine.contains(lock)) {
        wanted.add(new Wait(lock, since));
      }
    }
    waiting.put(holder, wanted);
    return firstWait;
  }

  /** Argo's message for a holder waiting on a lock. */
  private static String waitingMessage(LockName lock, LockState state) {
    if (state == null) {
      // The lock table has not seen this claim yet; it answers before the next reconcile.
      return "Waiting for " + lock + " lock.";
    }
    return "Waiting for " + lock + " lock. Lock status: " + state.available() + "/" + state.limit();
  }

  private List<LockName> lockNames(Synchronization sync) {
    List<LockName> out = new ArrayList<>();
    for (Mutex m : sync.allMutexes()) {
      if (Boolean.TRUE.equals(m.database())) {
        throw new EngineException(
            "mutex '"
                + m.name()
                + "' has database: true, which needs Argo's synchronization database; Argo4j"
                + " does not provide one (remove 'database' for a lock local to this runtime)");
      }
      if (m.name() == null || m.name().isEmpty()) {
        throw new EngineException("a synchronization mutex needs a name");
      }
      out.add(checked(() -> LockName.mutex(namespaceOf(m.namespace()), m.name())));
    }
    for (SemaphoreRef s : sync.allSemaphores()) {
      if (s.database() != null) {
        throw new EngineException(
            "semaphore with database key '"
                + s.database().key()
                + "' needs Argo's synchronization database; Argo4j does not provide one (use"
                + " configMapKeyRef for a semaphore local to this runtime)");
      }
      if (s.configMapKeyRef() == null) {
        throw new EngineException("a synchronization semaphore needs a configMapKeyRef");
      }
      out.add(
          checked(() ->
              LockName.configMap(
                  namespaceOf(s.namespace()),
                  s.configMapKeyRef().getName(),
                  s.configMapKeyRef().getKey())));
    }
    return out;
  }

  private static LockName checked(java.util.function.Supplier<LockName> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new EngineException("invalid synchronization: " + e.getMessage());
    }
  }

  private String namespaceOf(String given) {
    return given == null || given.isEmpty() ? op.namespace : given;
  }

  /** The claims and status of the end of the reconcile. */
  record Result(List<LockClaim> claims, SynchronizationStatus status) {}

  Result finish() {
    boolean completed = op.phaseIsCompleted();
    int priority = op.priority();
    Instant created = HeldLocks.created(op.wf);
    List<LockClaim> claims = new ArrayList<>();
    Map<String, List<String>> semaphoreHolders = new LinkedHashMap<>();
    List<MutexHolding> mutexHolding = new ArrayList<>();
    for (Map.Entry<String, Set<LockName>> e : held.entrySet()) {
      if (completed || !alive(e.getKey())) {
        continue;
      }
      for (LockName lock : e.getValue()) {
        claims.add(new LockClaim(lock, e.getKey(), priority, created, created, true));
        if (lock.isMutex()) {
          mutexHolding.add(new MutexHolding(e.getKey(), lock.toString()));
        } else {
          semaphoreHolders.computeIfAbsent(lock.toString(), k -> new ArrayList<>()).add(e.getKey());
        }
      }
    }
    Map<String, MutexHolding> mutexWaiting = new LinkedHashMap<>();
    Map<String, SemaphoreHolding> semaphoreWaiting = new LinkedHashMap<>();
    for (Map.Entry<String, List<Wait>> e : waiting.entrySet()) {
      if (completed || !alive(e.getKey())) {
        continue;
      }
      for (Wait w : e.getValue()) {
        claims.add(new LockClaim(w.lock(), e.getKey(), priority, created, w.since(), false));
        String name = w.lock().toString();
        LockState state = op.obs.locks() == null ? null : op.obs.locks().get(name);
        List<String> current = state == null ? List.of() : state.holders();
        if (w.lock().isMutex()) {
          mutexWaiting.putIfAbsent(
              name, new MutexHolding(current.isEmpty() ? null : current.get(0), name));
        } else {
          semaphoreWaiting.putIfAbsent(
              name, new SemaphoreHolding(current.isEmpty() ? null : current, name));
        }
      }
    }
    List<SemaphoreHolding> semaphoreHolding = new ArrayList<>();
    semaphoreHolders.forEach((lock, hs) -> semaphoreHolding.add(new SemaphoreHolding(hs, lock)));
    MutexStatus mutex =
        mutexHolding.isEmpty() && mutexWaiting.isEmpty()
            ? null
            : new MutexStatus(
                nullIfEmpty(mutexHolding), nullIfEmpty(new ArrayList<>(mutexWaiting.values())));
    SemaphoreStatus semaphore =
        semaphoreHolding.isEmpty() && semaphoreWaiting.isEmpty()
            ? null
            : new SemaphoreStatus(
                nullIfEmpty(semaphoreHolding),
                nullIfEmpty(new ArrayList<>(semaphoreWaiting.values())));
    SynchronizationStatus status =
        mutex == null && semaphore == null ? null : new SynchronizationStatus(semaphore, mutex);
    return new Result(claims, status);
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  /** Whether a holder is still unfinished (a holder of a finished node releases its locks). */
  private boolean alive(String holder) {
    if (holder.equals(workflowHolder)) {
      return true;
    }
    if (!holder.startsWith(workflowHolder + "/")) {
      return false;
    }
    Node n = op.nodes.get(holder.substring(workflowHolder.length() + 1));
    return n != null && !n.phase.isFulfilled();
  }
}
