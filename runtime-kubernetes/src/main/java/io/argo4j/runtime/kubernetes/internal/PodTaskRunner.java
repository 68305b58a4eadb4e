package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.runtime.kubernetes.Cluster;
import io.argo4j.runtime.kubernetes.ControllerSettings;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Carries out {@link PodTask}s. Every step is one bounded API call; none waits for the pod. */
public final class PodTaskRunner {
  private final Cluster cluster;
  private final String finalizer;
  private final Supplier<ControllerSettings> settings;

  public PodTaskRunner(Cluster cluster, String finalizer) {
    this(cluster, finalizer, ControllerSettings::none);
  }

  /** {@code settings} gives podGC's grace period ({@code podGCGracePeriodSeconds}). */
  public PodTaskRunner(Cluster cluster, String finalizer, Supplier<ControllerSettings> settings) {
    this.cluster = cluster;
    this.finalizer = finalizer;
    this.settings = settings;
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
        Duration grace = settings.get().podGcGracePeriod();
        cluster.deletePod(d.namespace(), d.podName(), grace == null ? Duration.ZERO : grace);
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
