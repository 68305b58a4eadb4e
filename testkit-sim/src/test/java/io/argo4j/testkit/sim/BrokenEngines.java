package io.argo4j.testkit.sim;

import io.argo4j.engine.Action;
import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.NodeIds;
import io.argo4j.engine.Observations;
import io.argo4j.engine.Plan;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.engine.ReportedOutputs;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Deliberately broken variants of the engine: the harness must catch each of them. */
final class BrokenEngines {
  private BrokenEngines() {}

  /** Never notices a running pod vanish: shows it a fake Running pod instead (Argo #13152). */
  static UnaryOperator<Reconciler> ignoringPodDeletion() {
    return real ->
        (wf, obs, now) -> {
          Map<String, PodObservation> pods = new HashMap<>(obs.pods());
          if (wf.status() != null && wf.status().nodes() != null) {
            for (NodeStatus n : wf.status().nodes().values()) {
              if (n.type() == NodeType.POD
                  && n.phase() == NodePhase.RUNNING
                  && !pods.containsKey(n.id())) {
                pods.put(
                    n.id(),
                    new PodObservation(
                        NodeIds.podName(wf.metadata().getName(), n.name(), n.templateName()),
                        PodPhase.RUNNING,
                        null,
                        null,
                        n.startedAt(),
                        null,
                        false,
                        List.of(ContainerObservation.running("main")),
                        null,
                        "ghost",
                        null));
              }
            }
          }
          return real.reconcile(wf, new Observations(pods, obs.templates(), obs.locks()), now);
        };
  }

  /** Completes a pod node as soon as its pod ends, without waiting for the executor's outputs. */
  static UnaryOperator<Reconciler> succeedingBeforeOutputs() {
    return real ->
        (wf, obs, now) -> {
          Map<String, PodObservation> pods = new HashMap<>();
          obs.pods()
              .forEach((id, p) -> {
                if (p.outputs() == null
                    && (p.phase() == PodPhase.SUCCEEDED || p.phase() == PodPhase.FAILED)) {
                  p =
                      new PodObservation(
                          p.podName(),
                          p.phase(),
                          p.reason(),
                          p.message(),
                          p.startedAt(),
                          p.finishedAt(),
                          p.deleting(),
                          p.containers(),
                          ReportedOutputs.complete(new Outputs(null, null, null, null)),
                          p.hostNodeName(),
                          p.podIp());
                }
                pods.put(id, p);
              });
          return real.reconcile(wf, new Observations(pods, obs.templates(), obs.locks()), now);
        };
  }

  /** Forgets to stop running pods when the workflow is stopped or terminated (Argo #10896). */
  static UnaryOperator<Reconciler> droppingStopOnShutdown() {
    return real ->
        (wf, obs, now) -> {
          Plan p = real.reconcile(wf, obs, now);
          List<Action> kept =
              p.actions().stream()
                  .filter(a ->
                      !(a instanceof Action.StopPod s && s.reason() == Action.StopReason.SHUTDOWN))
                  .toList();
          return new Plan(
              p.workflow(), p.changed(), kept, p.requeueAt(), p.transitions(), p.lockClaims());
        };
  }

  /**
   * Keeps claiming the locks a workflow held after it finished, as Argo did on some terminal paths
   * (Argo #7633, #4703: permits leaked until the controller restarted).
   */
  static UnaryOperator<Reconciler> keepingLocksAfterCompletion() {
    Map<String, List<io.argo4j.engine.locks.LockClaim>> held = new HashMap<>();
    return real ->
        (wf, obs, now) -> {
          Plan plan = real.reconcile(wf, obs, now);
          String name = wf.metadata().getUid();
          List<io.argo4j.engine.locks.LockClaim> holding =
              plan.lockClaims().stream().filter(io.argo4j.engine.locks.LockClaim::held).toList();
          if (!holding.isEmpty()) {
            held.put(name, holding);
            return plan;
          }
          if (!plan.completed() || !held.containsKey(name)) {
            return plan;
          }
          return new Plan(
              plan.workflow(),
              plan.changed(),
              plan.actions(),
              plan.requeueAt(),
              plan.transitions(),
              held.get(name));
        };
  }
}
