package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.ReportedOutputs;
import io.argo4j.model.Workflow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The in-memory API server: the one source of truth. Every object has a resourceVersion from one
 * global counter; workflow updates are compare-and-swap on it (a stale writer gets a 409); every
 * change is announced to the watch stream.
 */
public final class ApiServer {

  /** What watches the API server: the watch stream and the invariant checker. */
  public interface Listener {
    default void onEvent(WatchEvent event) {}

    default void onWorkflowWrite(String writer, StoredWorkflow before, StoredWorkflow after) {}

    default void onPodCreated(SimPod pod) {}
  }

  /** The result of a compare-and-swap update. */
  public sealed interface WriteResult {
    record Ok(StoredWorkflow stored) implements WriteResult {}

    record Conflict(long currentRv) implements WriteResult {}

    record NotFound() implements WriteResult {}
  }

  private final Map<String, StoredWorkflow> workflows = new TreeMap<>();
  private final Map<String, SimPod> pods = new TreeMap<>();
  private final Map<String, TaskResultSnapshot> taskResults = new TreeMap<>();
  private final List<Listener> listeners = new ArrayList<>();
  private long rv;

  public void listen(Listener l) {
    listeners.add(l);
  }

  // ---- workflows ---------------------------------------------------------------------------

  public StoredWorkflow createWorkflow(Workflow wf) {
    StoredWorkflow s = new StoredWorkflow(wf, ++rv);
    workflows.put(s.name(), s);
    for (Listener l : listeners) {
      l.onWorkflowWrite("submit", null, s);
      l.onEvent(new WatchEvent.OfWorkflow(s));
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
    StoredWorkflow s = new StoredWorkflow(wf, ++rv);
    workflows.put(s.name(), s);
    for (Listener l : listeners) {
      l.onWorkflowWrite(writer, current, s);
      l.onEvent(new WatchEvent.OfWorkflow(s));
    }
    return new WriteResult.Ok(s);
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

  void removePod(SimPod pod) {
    pod.removed = true;
    pod.rv = ++rv;
    emit(new WatchEvent.OfPod(pod.snapshot(), true));
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
    TaskResultSnapshot t = new TaskResultSnapshot(nodeId, workflow, outputs, ++rv);
    taskResults.put(nodeId, t);
    emit(new WatchEvent.OfTaskResult(t));
  }

  public Collection<TaskResultSnapshot> listTaskResults() {
    return List.copyOf(taskResults.values());
  }

  private void emit(WatchEvent e) {
    for (Listener l : listeners) {
      l.onEvent(e);
    }
  }
}
