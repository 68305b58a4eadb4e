package io.argo4j.testkit.sim.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The controller's informer cache: what it reads instead of the API server. It only learns of
 * changes through (possibly late, duplicated, reordered or lost) watch events and periodic relists,
 * so every read may be stale. Each event enqueues the workflow it concerns.
 */
public final class Informer {
  final int generation;
  private final Map<String, StoredWorkflow> workflows = new TreeMap<>();
  private final Map<String, PodSnapshot> pods = new TreeMap<>();
  private final Map<String, TaskResultSnapshot> taskResults = new HashMap<>();
  private final Consumer<String> enqueue;

  Informer(int generation, Consumer<String> enqueue) {
    this.generation = generation;
    this.enqueue = enqueue;
  }

  /**
   * Applies an event. An event older than what the cache holds is ignored, unless {@code replay}
   * forces it in (the stale-replay fault: the cache goes back in time).
   */
  void apply(WatchEvent e, boolean replay) {
    long cached = cachedRv(e);
    if (!replay && e.rv() <= cached) {
      // older: ignored; the same version again (a duplicate): nothing changed, nothing to do
      return;
    }
    switch (e) {
      case WatchEvent.OfWorkflow w -> workflows.put(w.object().name(), w.object());
      case WatchEvent.OfPod p -> {
        if (p.deleted()) {
          pods.remove(p.object().podName());
        } else {
          pods.put(p.object().podName(), p.object());
        }
      }
      case WatchEvent.OfTaskResult t -> taskResults.put(t.object().nodeId(), t.object());
    }
    enqueue.accept(e.workflow());
  }

  private long cachedRv(WatchEvent e) {
    return switch (e) {
      case WatchEvent.OfWorkflow w -> {
        StoredWorkflow c = workflows.get(w.key());
        yield c == null ? -1 : c.rv();
      }
      case WatchEvent.OfPod p -> {
        PodSnapshot c = pods.get(p.key());
        yield c == null ? -1 : c.rv();
      }
      case WatchEvent.OfTaskResult t -> {
        TaskResultSnapshot c = taskResults.get(t.key());
        yield c == null ? -1 : c.rv();
      }
    };
  }

  /** Replaces the whole cache with the API server's current state (list), enqueuing everything. */
  void relist(ApiServer api) {
    workflows.clear();
    pods.clear();
    taskResults.clear();
    for (StoredWorkflow w : api.workflows()) {
      workflows.put(w.name(), w);
    }
    for (PodSnapshot p : api.listPods()) {
      pods.put(p.podName(), p);
    }
    for (TaskResultSnapshot t : api.listTaskResults()) {
      taskResults.put(t.nodeId(), t);
    }
    for (String name : workflows.keySet()) {
      enqueue.accept(name);
    }
  }

  /** After a successful write the controller stores its own result (as Argo does). */
  void writeThrough(StoredWorkflow w) {
    workflows.put(w.name(), w);
  }

  StoredWorkflow workflow(String name) {
    return workflows.get(name);
  }

  Iterable<PodSnapshot> pods() {
    return pods.values();
  }

  TaskResultSnapshot taskResult(String nodeId) {
    return taskResults.get(nodeId);
  }
}
