package io.argo4j.runtime.kubernetes.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pods this controller created that its watch has not shown yet. A reconcile that runs before the
 * pod informer catches up would otherwise ask for the same pod again, which costs a create call
 * answered "already exists". An entry lasts until the pod is observed or {@code window} passes (the
 * engine's grace before a missing pod counts as deleted), so a pod that really vanished is created
 * again by a later plan.
 */
public final class RecentPodCreations {
  private static final int PURGE_ABOVE = 10_000;

  private final Duration window;
  private final Map<String, Instant> created = new ConcurrentHashMap<>();

  public RecentPodCreations(Duration window) {
    this.window = window;
  }

  public void created(String namespace, String podName, Instant at) {
    if (created.size() > PURGE_ABOVE) {
      Instant oldest = at.minus(window);
      created.values().removeIf(t -> t.isBefore(oldest));
    }
    created.put(namespace + "/" + podName, at);
  }

  public void observed(String namespace, String podName) {
    created.remove(namespace + "/" + podName);
  }

  /** Whether the pod was created within the window and not observed since. */
  public boolean pending(String namespace, String podName, Instant now) {
    Instant at = created.get(namespace + "/" + podName);
    return at != null && now.isBefore(at.plus(window));
  }
}
