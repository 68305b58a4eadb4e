package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.runtime.kubernetes.Cluster;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Carries out {@link PodTask}s. Every step is one bounded API call; none waits for the pod. */
public final class PodTaskRunner {
  private final Cluster cluster;
  private final String finalizer;

  public PodTaskRunner(Cluster cluster, String finalizer) {
    this.cluster = cluster;
    this.finalizer = finalizer;
  }

  public void run(PodTask task) {
    switch (task) {
      case PodTask.Kill k -> {
        Optional<Pod> pod = cluster.cachedPod(k.namespace(), k.podName());
        if (pod.isPresent() && !terminal(pod.get())) {
          // the finalizer stays: the pod's final state is still captured before it goes
          cluster.deletePod(k.namespace(), k.podName(), Duration.ZERO);
        }
      }
      case PodTask.Delete d -> {
        release(d.namespace(), d.podName());
        cluster.deletePod(d.namespace(), d.podName(), Duration.ZERO);
      }
      case PodTask.ReleaseDeleted r -> release(r.namespace(), r.podName());
    }
  }

  private void release(String ns, String podName) {
    if (finalizer != null) {
      cluster.releasePod(ns, podName, finalizer, Map.of());
    }
  }

  static boolean terminal(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }
}
