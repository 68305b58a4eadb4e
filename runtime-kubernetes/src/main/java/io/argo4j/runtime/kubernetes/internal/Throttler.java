package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowStatus;
import io.argo4j.runtime.kubernetes.ControllerSettings;
import io.argo4j.runtime.kubernetes.WorkflowKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Argo's workflow {@code parallelism} and {@code namespaceParallelism}: a workflow that has not
 * started yet may start only while fewer than the limit run (in the controller, in its namespace);
 * the others wait, and start in creation order as running ones complete or go away. A workflow that
 * has started is never held back. The state lives in memory and is rebuilt from the cache when the
 * controller starts.
 */
public final class Throttler {

  /** Argo's message on a workflow held back by the limits. */
  public static final String POSTPONED =
      "Workflow processing has been postponed because too many workflows are already running";

  private record Waiting(String created, WorkflowKey key) {}

  private static final Comparator<Waiting> ORDER =
      Comparator.comparing(Waiting::created)
          .thenComparing(w -> w.key().namespace())
          .thenComparing(w -> w.key().name());

  private final Supplier<ControllerSettings> settings;
  private final Consumer<WorkflowKey> wake;
  private final Set<WorkflowKey> running = new HashSet<>();
  private final Map<String, Integer> runningPerNamespace = new HashMap<>();
  private final TreeSet<Waiting> waiting = new TreeSet<>(ORDER);
  private final Map<WorkflowKey, Waiting> waitingByKey = new HashMap<>();

  /**
   * @param settings the limits in force (read on every decision, so a reload applies at once)
   * @param wake called with each waiting workflow that may now start
   */
  public Throttler(Supplier<ControllerSettings> settings, Consumer<WorkflowKey> wake) {
    this.settings = settings;
    this.wake = wake;
  }

  /** Whether the workflow has been held back by the limits and nothing else happened to it. */
  public static boolean isPostponed(Workflow wf) {
    WorkflowStatus s = wf.status();
    return s != null
        && s.phase() == WorkflowPhase.PENDING
        && POSTPONED.equals(s.message())
        && (s.nodes() == null || s.nodes().isEmpty())
        && s.compressedNodes() == null;
  }

  private static boolean started(Workflow wf) {
    WorkflowStatus s = wf.status();
    return s != null && s.phase() != null && s.phase() != WorkflowPhase.UNKNOWN && !isPostponed(wf);
  }

  /** Registers the workflows the controller finds at start-up (running ones take their slots). */
  public synchronized void init(List<Workflow> workflows) {
    for (Workflow wf : workflows) {
      WorkflowKey key = key(wf);
      if (started(wf)) {
        markRunning(key);
      } else {
        addWaiting(key, wf);
      }
    }
  }

  /**
   * Whether the (not completed) workflow may run now. A workflow being terminated or stopped is
   * always let through, so that it ends at once instead of waiting for a slot.
   */
  public boolean admit(Workflow wf) {
    WorkflowKey key = key(wf);
    List<WorkflowKey> woken;
    boolean admitted;
    synchronized (this) {
      if (running.contains(key)) {
        return true;
      }
      if (started(wf)) {
        markRunning(key);
        return true;
      }
      if (wf.spec() != null && wf.spec().shutdown() != null && !wf.spec().shutdown().isEmpty()) {
        removeWaiting(key);
        return true;
      }
      addWaiting(key, wf);
      woken = fill();
      admitted = running.contains(key);
    }
    woken.stream().filter(k -> !k.equals(key)).forEach(wake);
    return admitted;
  }

  /** The workflow completed or went away: its slot goes to the next waiting workflow. */
  public void release(WorkflowKey key) {
    List<WorkflowKey> woken;
    synchronized (this) {
      boolean was = running.remove(key);
      if (was) {
        runningPerNamespace.merge(key.namespace(), -1, Integer::sum);
      }
      removeWaiting(key);
      if (!was) {
        return;
      }
      woken = fill();
    }
    woken.forEach(wake);
  }

  /** The limits may have changed: start whatever now fits. */
  public void settingsChanged() {
    List<WorkflowKey> woken;
    synchronized (this) {
      woken = fill();
    }
    woken.forEach(wake);
  }

  /** How many workflows hold a slot. */
  public synchronized int running() {
    return running.size();
  }

  /** How many workflows wait for a slot. */
  public synchronized int waiting() {
    return waiting.size();
  }

  /** Moves waiting workflows, oldest first, into the free slots; returns those moved. */
  private List<WorkflowKey> fill() {
    ControllerSettings s = settings.get();
    int limit = s.parallelism() == 0 ? Integer.MAX_VALUE : s.parallelism();
    int nsLimit = s.namespaceParallelism() == 0 ? Integer.MAX_VALUE : s.namespaceParallelism();
    List<WorkflowKey> moved = new ArrayList<>();
    for (Waiting w : List.copyOf(waiting)) {
      if (running.size() >= limit) {
        break;
      }
      if (runningPerNamespace.getOrDefault(w.key().namespace(), 0) >= nsLimit) {
        continue; // its namespace is full; an older workflow of another namespace may still go
      }
      removeWaiting(w.key());
      markRunning(w.key());
      moved.add(w.key());
    }
    return moved;
  }

  private void markRunning(WorkflowKey key) {
    removeWaiting(key);
    if (running.add(key)) {
      runningPerNamespace.merge(key.namespace(), 1, Integer::sum);
    }
  }

  private void addWaiting(WorkflowKey key, Workflow wf) {
    if (waitingByKey.containsKey(key)) {
      return;
    }
    String created = wf.metadata().getCreationTimestamp();
    Waiting w = new Waiting(created == null ? "" : created, key);
    waiting.add(w);
    waitingByKey.put(key, w);
  }

  private void removeWaiting(WorkflowKey key) {
    Waiting w = waitingByKey.remove(key);
    if (w != null) {
      waiting.remove(w);
    }
  }

  private static WorkflowKey key(Workflow wf) {
    return new WorkflowKey(wf.metadata().getNamespace(), wf.metadata().getName());
  }
}
