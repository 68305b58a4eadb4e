package io.argo4j.testkit.sim.internal;

import io.argo4j.testkit.sim.FaultKind;
import java.util.EnumMap;
import java.util.Map;

/** Counters of one run. */
public final class Stats {
  public final Map<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
  public long reconciles;
  public long statusWrites;
  public long conflicts;
  public long podsCreated;
  public long workflowMillis;

  public void fault(FaultKind kind) {
    faults.merge(kind, 1L, Long::sum);
  }
}
