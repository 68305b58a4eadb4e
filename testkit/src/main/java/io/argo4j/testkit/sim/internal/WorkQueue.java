package io.argo4j.testkit.sim.internal;

import java.util.Map;
import java.util.TreeMap;

/** The controller's work queue: one entry per workflow key, due at the earliest requested time. */
public final class WorkQueue {
  private final Map<String, Long> due = new TreeMap<>();

  void add(String key, long at) {
    due.merge(key, at, Math::min);
  }

  long nextDue() {
    long min = Long.MAX_VALUE;
    for (long t : due.values()) {
      min = Math.min(min, t);
    }
    return min;
  }

  /** Removes and returns the key due first (ties by name), or null if nothing is due by now. */
  String poll(long now) {
    String best = null;
    long bestAt = Long.MAX_VALUE;
    for (Map.Entry<String, Long> e : due.entrySet()) {
      if (e.getValue() <= now && e.getValue() < bestAt) {
        best = e.getKey();
        bestAt = e.getValue();
      }
    }
    if (best != null) {
      due.remove(best);
    }
    return best;
  }
}
