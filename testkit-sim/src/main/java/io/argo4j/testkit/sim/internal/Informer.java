package io.argo4j.testkit.sim.internal;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One controller's informer cache: what it reads instead of the API server. It only learns of
 * changes through (possibly late, duplicated, reordered or lost) watch events and periodic relists,
 * so every read may be stale. Each event enqueues the workflow it concerns. Pods labelled completed
 * leave the cache, as with the label selector of the real pod watch.
 */
public final class Informer {
  private final Map<String, StoredWorkflow> workflows = new TreeMap<>();
  private final Map<String, PodSnapshot> pods = new TreeMap<>();
  private final Map<String, TaskResultSnapshot> taskResults = new TreeMap<>();
  private final Map<String, Long> deletedRv = new TreeMap<>();
  private final Consumer<String> enqueue;

  Informer(Consumer<String> enqueue) {
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
      case WatchEvent.OfWorkflow w -> {
        if (w.deleted()) {
          workflows.remove(w.key());
          deletedRv.put("wf/" + w.key(), w.rv());
        } else {
          workflows.put(w.key(), w.object());
        }
      }
      case WatchEvent.OfPod p -> {
        if (p.deleted() || p.object().completedLabel()) {
          pods.remove(p.key());
          deletedRv.put("pod/" + p.key(), p.rv());
        } else {
          pods.put(p.key(), p.object());
        }
      }
      case WatchEvent.OfTaskResult t -> {
        if (t.deleted()) {
          taskResults.remove(t.key());
          deletedRv.put("tr/" + t.key(), t.rv());
        } else {
          taskResults.put(t.key(), t.object());
        }
      }
    }
    enqueue.accept(e.workflow());
  }

  private long cachedRv(WatchEvent e) {
    return switch (e) {
      case WatchEvent.OfWorkflow w -> {
        StoredWorkflow c = workflows.get(w.key());
        yield c == null ? deletedRv.getOrDefault("wf/" + w.key(), -1L) : c.rv();
      }
      case WatchEvent.OfPod p -> {
        PodSnapshot c = pods.get(p.key());
        yield c == null ? deletedRv.getOrDefault("pod/" + p.key(), -1L) : c.rv();
      }
      case WatchEvent.OfTaskResult t -> {
        TaskResultSnapshot c = taskResults.get(t.key());
        yield c == null ? deletedRv.getOrDefault("tr/" + t.key(), -1L) : c.rv();
      }
    };
  }

  /** Replaces the whole cache with the API server's current state (list), enqueuing everything. */
  void relist(ApiServer api) {
    workflows.clear();
    pods.clear();
    taskResults.clear();
    deletedRv.clear();
    for (StoredWorkflow w : api.workflows()) {
      workflows.put(w.name(), w);
    }
    for (PodSnapshot p : api.listPods()) {
      if (!p.completedLabel()) {
        pods.put(p.podName(), p);
      }
    }
    for (TaskResultSnapshot t : api.listTaskResults()) {
      taskResults.put(t.nodeId(), t);
    }
    for (String name : workflows.keySet()) {
      enqueue.accept(name);
    }
  }

  StoredWorkflow workflow(String name) {
    return workflows.get(name);
  }

  Collection<StoredWorkflow> workflows() {
    return workflows.values();
  }

  Collection<PodSnapshot> pods() {
    return pods.values();
  }

  PodSnapshot pod(String name) {
    return pods.get(name);
  }

  Collection<TaskResultSnapshot> taskResults() {
    return taskResults.values();
  }
}
