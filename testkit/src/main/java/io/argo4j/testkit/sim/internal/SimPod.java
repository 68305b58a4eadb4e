package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.Action;
import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import java.time.Instant;
import java.util.List;

/**
 * A pod in the simulated cluster. Only the API server and the kubelet change it; everyone else sees
 * {@link PodSnapshot}s.
 */
public final class SimPod {
  public final String name;
  public final String nodeId;
  public final String workflow;
  public final Action.StartPod start;
  public final String host;
  PodPhase phase = PodPhase.PENDING;
  String reason;
  String message;
  Instant startedAt;
  Instant finishedAt;
  boolean deleting;
  boolean removed;
  boolean stopRequested;
  boolean mainStarted;
  boolean executorHung;
  ContainerObservation main = ContainerObservation.waiting("main", "ContainerCreating", null);
  // No reason on the wait container while pending: see docs/reliability.md (write amplification).
  ContainerObservation wait = ContainerObservation.waiting("wait", null, null);
  long rv;

  SimPod(String workflow, Action.StartPod start, String host) {
    this.name = start.podName();
    this.nodeId = start.nodeId();
    this.workflow = workflow;
    this.start = start;
    this.host = host;
  }

  public PodPhase phase() {
    return phase;
  }

  public boolean removed() {
    return removed;
  }

  public ContainerObservation main() {
    return main;
  }

  /** Still taking resources: not removed and not in a terminal phase. */
  public boolean live() {
    return !removed && (phase == PodPhase.PENDING || phase == PodPhase.RUNNING);
  }

  /** The main container is running the user's code. */
  public boolean mainRunning() {
    return live() && main.state() == ContainerObservation.State.RUNNING;
  }

  PodSnapshot snapshot() {
    PodObservation obs =
        new PodObservation(
            name,
            phase,
            reason,
            message,
            startedAt,
            finishedAt,
            deleting,
            List.of(main, wait),
            null,
            host,
            startedAt == null ? null : "10.0." + (Math.abs(name.hashCode()) % 250) + ".7");
    return new PodSnapshot(name, nodeId, workflow, obs, rv);
  }
}
