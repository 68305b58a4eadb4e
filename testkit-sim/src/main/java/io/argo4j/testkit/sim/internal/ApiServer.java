package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.ReportedOutputs;
import io.argo4j.model.CronWorkflow;
import io.argo4j.model.Workflow;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The in-memory API server: the one source of truth. Every object has a resourceVersion from one
 * global counter, also written into the stored object's metadata; workflow and CronWorkflow updates
 * are compare-and-swap on it (a stale writer gets a 409); every change is announced to the watch
 * streams. Pods keep their finalizers: a deleted pod goes only once the last one is removed.
 */
public final class ApiServer {

  /** What watches the API server: the watch streams and the invariant checker. */
  public interface Listener {
    default void onEvent(WatchEvent event) {}

    default void onWorkflowWrite(String writer, StoredWorkflow before, StoredWorkflow after) {}

    default void onPodCreated(SimPod pod) {}

    default void onPodRemoved(SimPod pod) {}
  }

  /** The result of a compare-and-swap update. */
  public sealed interface WriteResult {
    record Ok(StoredWorkflow stored) implements WriteResult {}

    record Conflict(long currentRv) implements WriteResult {}

    record NotFound() implements WriteResult {}
  }

  /** A lock's record of holders (a Lease in a real cluster), with its resourceVersion. */
  public record StoredLock(String lock, List<String> holders, long rv) {
    public StoredLock {
      holders = List.copyOf(holders);
    }
  }

  /** A CronWorkflow as stored, with its resourceVersion. */
  public record StoredCron(CronWorkflow cron, long rv) {}

  private final Scheduler scheduler;
  private final Map<String, StoredWorkflow> workflows = new TreeMap<>();
  private final Map<String, StoredCron> crons = new TreeMap<>();
  private final Map<String, SimPod> pods = new TreeMap<>();
  private final Map<String, TaskResultSnapshot> taskResults = new TreeMap<>();
  private final Map<String, StoredLock> locks = new TreeMap<>();
  private final List<Listener> listeners = new ArrayList<>();
  private Consumer<SimPod> ownerDeleted = this::requestDeletion;
  private long rv;

  public ApiServer(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  public void listen(Listener l) {
    listeners.add(l);
  }

  /**
   * Who carries out the garbage collector's deletion of a deleted workflow's pods: the kubelet,
   * which stops their containers (by default the pods are only marked deleted).
   */
  public void onOwnerDeleted(Consumer<SimPod> deletion) {
    this.ownerDeleted = deletion;
  }

  // ---- lock records --------------------------------------------------------------------------

  /** A lock's record, or null if none was written. */
  public StoredLock getLock(String lock) {
    return locks.get(lock);
  }

  public Collection<StoredLock> locks() {
    return List.copyOf(locks.values());
  }

  /**
   * Compare-and-swap write of a lock's record: {@code expectedRv} null creates it. Null when the
   * record changed (or exists) since.
   */
  public StoredLock writeLock(String lock, List<String> holders, Long expectedRv) {
    StoredLock current = locks.get(lock);
    if (expectedRv == null ? current != null : current == null || current.rv() != expectedRv) {
      return null;
    }
    StoredLock s = new StoredLock(lock, holders, ++rv);
    locks.put(lock, s);
    return s;
  }

  // ---- workflows ---------------------------------------------------------------------------

  public StoredWorkflow createWorkflow(Workflow wf) {
    return createWorkflow("submit", wf);
  }

  /** Creates the workflow; null when one of that name exists (Kubernetes' AlreadyExists). */
  public StoredWorkflow createWorkflow(String writer, Workflow wf) {
    if (workflows.containsKey(wf.metadata().getName())) {
      return null;
    }
    StoredWorkflow s = stamp(wf, ++rv);
    workflows.put(s.name(), s);
    for (Listener l : listeners) {
      l.onWorkflowWrite(writer, null, s);
      l.onEvent(new WatchEvent.OfWorkflow(s, false));
    }
    return s;
  }

  /** A quorum read: the latest version. */
  public StoredWorkflow getWorkflow(String name) {
    return workflows.get(name);
  }

  public Collection<StoredWorkflow> workflows() {
    return workflows.values();
  }

  public WriteResult updateWorkflow(String writer, Workflow wf, long expectedRv) {
    StoredWorkflow current = workflows.get(wf.metadata().getName());
    if (current == null) {
      return new WriteResult.NotFound();
    }
    if (current.rv() != expectedRv) {
      return new WriteResult.Conflict(current.rv());
    }
    StoredWorkflow s = stamp(wf, ++rv);
    workflows.put(s.name(), s);
    for (Listener l : listeners) {
      l.onWorkflowWrite(writer, current, s);
      l.onEvent(new WatchEvent.OfWorkflow(s, false));
    }
    return new WriteResult.Ok(s);
  }

  /** Deletes the workflow (ttlStrategy, cron history); its pods go with it (owner reference). */
  public void deleteWorkflow(String name) {
    StoredWorkflow current = workflows.remove(name);
    if (current == null) {
      return;
    }
    StoredWorkflow gone = new StoredWorkflow(current.workflow(), ++rv);
    emit(new WatchEvent.OfWorkflow(gone, true));
    for (SimPod p : List.copyOf(pods.values())) {
      if (p.workflow.equals(name) && !p.removed) {
        ownerDeleted.accept(p);
      }
    }
  }

  private static StoredWorkflow stamp(Workflow wf, long rv) {
    return new StoredWorkflow(
        wf.withMetadata(
            new ObjectMetaBuilder(wf.metadata()).withResourceVersion(Long.toString(rv)).build()),
        rv);
  }

  // ---- cron workflows ----------------------------------------------------------------------

  public void createCron(CronWorkflow cron) {
    long v = ++rv;
    crons.put(
        cron.metadata().getName(),
        new StoredCron(
            cron.withMetadata(
                new ObjectMetaBuilder(cron.metadata())
                    .withResourceVersion(Long.toString(v))
                    .build()),
            v));
  }

  public List<StoredCron> crons() {
    return List.copyOf(crons.values());
  }

  /** Compare-and-swap on the CronWorkflow's resourceVersion; false on a conflict. */
  public boolean updateCron(CronWorkflow cron, long expectedRv) {
    StoredCron current = crons.get(cron.metadata().getName());
    if (current == null || current.rv() != expectedRv) {
      return false;
    }
    long v = ++rv;
    crons.put(
        cron.metadata().getName(),
        new StoredCron(
            cron.withMetadata(
                new ObjectMetaBuilder(cron.metadata())
                    .withResourceVersion(Long.toString(v))
                    .build()),
            v));
    return true;
  }

  // ---- pods --------------------------------------------------------------------------------

  /** Creates the pod unless one of that name exists (Kubernetes' AlreadyExists). */
  public boolean createPod(SimPod pod) {
    SimPod existing = pods.get(pod.name);
    if (existing != null && !existing.removed) {
      return false;
    }
    pods.put(pod.name, pod);
    for (Listener l : listeners) {
      l.onPodCreated(pod);
    }
    podChanged(pod);
    return true;
  }

  public SimPod pod(String name) {
    SimPod p = pods.get(name);
    return p == null || p.removed ? null : p;
  }

  /** Every pod ever created and not replaced, including removed ones (for the checker). */
  public Collection<SimPod> allPods() {
    return pods.values();
  }

  void podChanged(SimPod pod) {
    pod.rv = ++rv;
    emit(new WatchEvent.OfPod(pod.snapshot(), false));
  }

  /** Marks the pod deleted (deletionTimestamp); the kubelet then stops it and confirms. */
  void requestDeletion(SimPod pod) {
    if (pod.deletionRequestedAt == null) {
      pod.deletionRequestedAt = scheduler.instant();
    }
    pod.deleting = true;
    podChanged(pod);
  }

  /**
   * The kubelet is done with a deleted pod (or the pod GC force-deletes it): the object goes now,
   * or once its finalizers are removed.
   */
  void removePod(SimPod pod) {
    if (pod.removed) {
      return;
    }
    if (pod.deletionRequestedAt == null) {
      pod.deletionRequestedAt = scheduler.instant();
    }
    pod.deleting = true;
    if (!pod.finalizers.isEmpty()) {
      pod.awaitingFinalizers = true;
      podChanged(pod);
      return;
    }
    pod.removed = true;
    pod.rv = ++rv;
    for (Listener l : listeners) {
      l.onPodRemoved(pod);
    }
    emit(new WatchEvent.OfPod(pod.snapshot(), true));
  }

  /** Removes a finalizer and sets labels in one write; a pod awaiting it then goes. */
  void releasePod(SimPod pod, String finalizer, Map<String, String> labels) {
    boolean changed = pod.finalizers.remove(finalizer);
    for (Map.Entry<String, String> e : labels.entrySet()) {
      changed |= !e.getValue().equals(pod.labels.put(e.getKey(), e.getValue()));
    }
    if (pod.awaitingFinalizers && pod.finalizers.isEmpty()) {
      removePod(pod);
    } else if (changed) {
      podChanged(pod);
    }
  }

  void annotatePod(SimPod pod, Map<String, String> annotations) {
    pod.annotations.putAll(annotations);
    podChanged(pod);
  }

  public List<PodSnapshot> listPods() {
    List<PodSnapshot> out = new ArrayList<>();
    for (SimPod p : pods.values()) {
      if (!p.removed) {
        out.add(p.snapshot());
      }
    }
    return out;
  }

  // ---- task results ------------------------------------------------------------------------

  void putTaskResult(String nodeId, String workflow, ReportedOutputs outputs) {
    if (!workflows.containsKey(workflow)) {
      return; // its owner is gone: the garbage collector would delete it at once
    }
    TaskResultSnapshot t = new TaskResultSnapshot(nodeId, workflow, outputs, ++rv);
    taskResults.put(nodeId, t);
    emit(new WatchEvent.OfTaskResult(t, false));
  }

  void deleteTaskResults(String workflow) {
    for (TaskResultSnapshot t : List.copyOf(taskResults.values())) {
      if (t.workflow().equals(workflow)) {
        taskResults.remove(t.nodeId());
        emit(
            new WatchEvent.OfTaskResult(
                new TaskResultSnapshot(t.nodeId(), t.workflow(), t.outputs(), ++rv), true));
      }
    }
  }

  public Collection<TaskResultSnapshot> listTaskResults() {
    return List.copyOf(taskResults.values());
  }

  Instant now() {
    return scheduler.instant();
  }

  private void emit(WatchEvent e) {
    for (Listener l : listeners) {
      l.onEvent(e);
    }
  }
}
