package io.argo4j.testkit.sim;

import io.argo4j.engine.Action;
import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.NodeIds;
import io.argo4j.engine.Observations;
import io.argo4j.engine.Plan;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.engine.ReportedOutputs;
import io.argo4j.engine.locks.HeldLocks;
import io.argo4j.engine.locks.LockClaim;
import io.argo4j.model.MutexHolding;
import io.argo4j.model.MutexStatus;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import io.argo4j.model.SemaphoreHolding;
import io.argo4j.model.SemaphoreStatus;
import io.argo4j.model.SynchronizationStatus;
import io.argo4j.model.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
   * Keeps a node's locks after the node ends, until its workflow completes, as Argo did on some
   * paths (Argo #7633, #4703: permits leaked). The lock stays listed as held in the status and in
   * the plan's claims; waiters wait for the whole workflow. (A variant that kept a completed
   * workflow's locks is no longer a leak: the controller drops every claim of a completed workflow,
   * whatever its plan says.)
   */
  static UnaryOperator<Reconciler> keepingNodeLocksAfterTheNodeEnds() {
    Map<String, Map<String, LockClaim>> held = new HashMap<>();
    return real ->
        (wf, obs, now) -> {
          Plan plan = real.reconcile(wf, obs, now);
          String wfKey = HeldLocks.workflowKey(wf);
          Map<String, LockClaim> kept =
              held.computeIfAbsent(wf.metadata().getUid(), k -> new LinkedHashMap<>());
          Set<String> claimed = new HashSet<>();
          for (LockClaim c : plan.lockClaims()) {
            claimed.add(c.lock() + "\n" + c.holder());
            if (c.held() && c.holder().length() > wfKey.length()) {
              kept.put(c.lock() + "\n" + c.holder(), c);
            }
          }
          if (plan.completed()) {
            return plan;
          }
          List<LockClaim> leaked =
              kept.entrySet().stream()
                  .filter(e -> !claimed.contains(e.getKey()))
                  .map(Map.Entry::getValue)
                  .toList();
          if (leaked.isEmpty()) {
            return plan;
          }
          List<LockClaim> claims = new ArrayList<>(plan.lockClaims());
          claims.addAll(leaked);
          Workflow out = withHolders(plan.workflow(), leaked);
          boolean changed =
              plan.changed()
                  || !Objects.equals(
                      out.status().synchronization(),
                      wf.status() == null ? null : wf.status().synchronization());
          return new Plan(
              out, changed, plan.actions(), plan.requeueAt(), plan.transitions(), claims);
        };
  }

  /** The workflow with the holders also listed as holding their locks in its status. */
  private static Workflow withHolders(Workflow wf, List<LockClaim> holders) {
    SynchronizationStatus sync = wf.status().synchronization();
    SemaphoreStatus semaphores = sync == null ? null : sync.semaphore();
    MutexStatus mutexes = sync == null ? null : sync.mutex();
    List<MutexHolding> mutexHolding =
        new ArrayList<>(
            mutexes == null || mutexes.holding() == null ? List.of() : mutexes.holding());
    List<SemaphoreHolding> semaphoreHolding =
        new ArrayList<>(
            semaphores == null || semaphores.holding() == null ? List.of() : semaphores.holding());
    for (LockClaim c : holders) {
      String lock = c.lock().toString();
      if (c.lock().isMutex()) {
        mutexHolding.add(new MutexHolding(c.holder(), lock));
        continue;
      }
      int i = 0;
      while (i < semaphoreHolding.size() && !lock.equals(semaphoreHolding.get(i).semaphore())) {
        i++;
      }
      List<String> hs = new ArrayList<>();
      if (i < semaphoreHolding.size()) {
        hs.addAll(semaphoreHolding.get(i).holders());
        semaphoreHolding.remove(i);
      }
      hs.add(c.holder());
      semaphoreHolding.add(new SemaphoreHolding(hs, lock));
    }
    SynchronizationStatus merged =
        new SynchronizationStatus(
            semaphoreHolding.isEmpty() && semaphores == null
                ? null
                : new SemaphoreStatus(
                    semaphoreHolding, semaphores == null ? null : semaphores.waiting()),
            mutexHolding.isEmpty() && mutexes == null
                ? null
                : new MutexStatus(mutexHolding, mutexes == null ? null : mutexes.waiting()));
    return new Workflow(
        wf.apiVersion(),
        wf.kind(),
        wf.metadata(),
        wf.spec(),
        wf.status().toBuilder().synchronization(merged).build());
  }
}
