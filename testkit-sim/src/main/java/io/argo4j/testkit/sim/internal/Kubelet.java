package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.Action;
import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.engine.ReportedOutputs;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.argo4j.testkit.sim.FaultKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * The simulated nodes: run pods through their lifecycle (scheduled, running, main exits, the
 * executor reports outputs, the pod ends), honour stop and delete requests with a grace period, and
 * inject the pod-level faults (deletion at any stage, eviction, OOM, node loss, executor hang, TERM
 * ignored, task results lost or late).
 */
public final class Kubelet {
  /** Kubernetes' default terminationGracePeriodSeconds. */
  static final long GRACE_MILLIS = 30_000;

  /** How long a pod on a lost node stays Unknown before the pod GC removes it. */
  static final long NODE_LOST_GC_MILLIS = 300_000;

  private final ApiServer api;
  private final Scheduler scheduler;
  private final Trace trace;
  private final FaultPlan faults;
  private final RandomGenerator rng;
  private final BiFunction<String, Template, TemplateBehaviour> behaviour;
  private int hosts;

  public Kubelet(
      ApiServer api,
      Scheduler scheduler,
      Trace trace,
      FaultPlan faults,
      BiFunction<String, Template, TemplateBehaviour> behaviour) {
    this.api = api;
    this.scheduler = scheduler;
    this.trace = trace;
    this.faults = faults;
    this.rng = faults.rng();
    this.behaviour = behaviour;
    // the garbage collector deletes a deleted workflow's pods; as for any deletion, the kubelet
    // then stops their containers (before, they were only marked and kept running)
    api.onOwnerDeleted(pod -> {
      if (!pod.deleting) {
        trace.add("kubelet", "delete " + pod.name + " (its workflow was deleted)");
        delete(pod);
      }
    });
  }

  /** What will happen to a pod, decided when it is created. */
  private record Fate(
      long scheduleDelay,
      long runFor,
      int exitCode,
      boolean oom,
      boolean executorHang,
      long reportDelay,
      boolean resultLost,
      boolean resultLate) {}

  // ---- API-facing actions ------------------------------------------------------------------

  /**
   * Creates a pod (the node it is for, as the controller's pod spec describes it, with the pod's
   * labels, annotations and finalizers); false when it already exists.
   */
  public boolean create(
      String namespace,
      String workflow,
      Action.StartPod start,
      Map<String, String> labels,
      Map<String, String> annotations,
      List<String> finalizers) {
    SimPod pod = new SimPod(namespace, workflow, start, "sim-node-" + (hosts++ % 5));
    pod.labels.putAll(labels);
    pod.annotations.putAll(annotations);
    pod.finalizers.addAll(finalizers);
    if (!api.createPod(pod)) {
      return false;
    }
    trace.add("kubelet", "pod " + pod.name + " created for " + start.nodeName());
    Fate fate = decide(workflow, start.template());
    scheduler.after(fate.scheduleDelay, () -> startMain(pod, fate));
    if (faults.decide(FaultKind.POD_DELETED_BEFORE_START)) {
      scheduler.after(
          rng.nextLong(fate.scheduleDelay + 1),
          () -> {
            if (pod.live() && pod.phase == PodPhase.PENDING && !pod.deleting) {
              faults.injected(FaultKind.POD_DELETED_BEFORE_START, pod.name);
              delete(pod);
            }
          });
    }
    return true;
  }

  /** StopPod: TERM then KILL after the grace period; a pending pod is simply deleted. */
  public void stop(String podName, String why) {
    SimPod pod = api.pod(podName);
    if (pod == null || !pod.live() || pod.stopRequested) {
      return;
    }
    pod.stopRequested = true;
    if (pod.phase == PodPhase.PENDING) {
      trace.add("kubelet", "stop pending pod " + podName + " (" + why + "): deleted");
      delete(pod);
      return;
    }
    trace.add("kubelet", "TERM " + podName + " (" + why + ")");
    if (!pod.mainRunning()) {
      // Main is done; the executor finishes saving outputs on TERM, unless it hangs.
      if (pod.executorHung) {
        scheduler.after(GRACE_MILLIS, () -> kill(pod));
      }
      return;
    }
    if (faults.decide(FaultKind.TERM_IGNORED)) {
      faults.injected(FaultKind.TERM_IGNORED, pod.name);
      scheduler.after(GRACE_MILLIS, () -> kill(pod));
    } else {
      scheduler.after(100 + rng.nextLong(3_000), () -> kill(pod));
    }
  }

  /** DeletePod, or an external deletion: containers are killed, then the object goes. */
  public void delete(String podName) {
    SimPod pod = api.pod(podName);
    if (pod != null && !pod.deleting) {
      trace.add("kubelet", "delete " + podName);
      delete(pod);
    }
  }

  private void delete(SimPod pod) {
    api.requestDeletion(pod);
    long after = pod.phase == PodPhase.RUNNING ? rng.nextLong(GRACE_MILLIS) : rng.nextLong(2_000);
    scheduler.after(
        after,
        () -> {
          if (!pod.removed && !pod.awaitingFinalizers) {
            trace.add("kubelet", "pod " + pod.name + " gone" + heldBy(pod));
            gone(pod);
          }
        });
  }

  /** Its containers are stopped and the kubelet confirms the deletion; finalizers may hold it. */
  private void gone(SimPod pod) {
    // a pod that never started keeps its Pending phase; a running one is killed
    if (pod.live() && pod.phase == PodPhase.RUNNING) {
      Instant now = scheduler.instant();
      if (pod.mainRunning()) {
        pod.main = ContainerObservation.terminated("main", 137, "Error", now);
      }
      if (pod.wait.state() != ContainerObservation.State.TERMINATED) {
        pod.wait = ContainerObservation.terminated("wait", 137, "Error", now);
      }
      pod.phase = PodPhase.FAILED;
      pod.finishedAt = now;
    }
    api.removePod(pod);
  }

  private static String heldBy(SimPod pod) {
    return pod.finalizers.isEmpty() ? "" : " (object kept by finalizers " + pod.finalizers + ")";
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  private Fate decide(String workflow, Template t) {
    TemplateBehaviour b = behaviour.apply(workflow, t);
    long run = b.minRunMillis() + rng.nextLong(Math.max(1, b.maxRunMillis() - b.minRunMillis()));
    int exit = rng.nextDouble() < b.failProbability() ? 1 : 0;
    return new Fate(
        200 + rng.nextLong(5_000),
        run,
        exit,
        faults.decide(FaultKind.POD_OOM_KILLED),
        faults.decide(FaultKind.EXECUTOR_HANG),
        20 + rng.nextLong(500),
        faults.decide(FaultKind.TASK_RESULT_LOST),
        faults.decide(FaultKind.TASK_RESULT_LATE));
  }

  private void startMain(SimPod pod, Fate fate) {
    if (!pod.live() || pod.deleting || pod.phase != PodPhase.PENDING) {
      return;
    }
    pod.phase = PodPhase.RUNNING;
    pod.startedAt = scheduler.instant();
    pod.mainStarted = true;
    pod.main = ContainerObservation.running("main");
    pod.wait = ContainerObservation.running("wait");
    api.podChanged(pod);
    trace.add("kubelet", "pod " + pod.name + " running");
    long runFor = fate.oom ? rng.nextLong(fate.runFor + 1) : fate.runFor;
    scheduler.after(runFor, () -> mainExits(pod, fate, fate.oom ? 137 : fate.exitCode, fate.oom));
    if (faults.decide(FaultKind.POD_DELETED_WHILE_RUNNING)) {
      scheduler.after(
          rng.nextLong(runFor + 1),
          () -> {
            if (pod.mainRunning() && !pod.deleting) {
              if (rng.nextBoolean()) {
                faults.injected(FaultKind.POD_DELETED_WHILE_RUNNING, pod.name + " force-deleted");
                trace.add("kubelet", "pod " + pod.name + " gone" + heldBy(pod));
                gone(pod);
              } else {
                faults.injected(FaultKind.POD_DELETED_WHILE_RUNNING, pod.name + " deleted");
                delete(pod);
              }
            }
          });
    }
    if (faults.decide(FaultKind.POD_EVICTED)) {
      scheduler.after(rng.nextLong(runFor + 1), () -> evict(pod));
    }
    if (faults.decide(FaultKind.NODE_LOST)) {
      scheduler.after(rng.nextLong(runFor + 1), () -> nodeLost(pod));
    }
  }

  private void mainExits(SimPod pod, Fate fate, int exit, boolean oom) {
    if (!pod.live() || pod.phase != PodPhase.RUNNING || !pod.mainRunning()) {
      return;
    }
    String reason = oom ? "OOMKilled" : exit == 0 ? "Completed" : "Error";
    if (oom) {
      faults.injected(FaultKind.POD_OOM_KILLED, pod.name);
    }
    pod.main = ContainerObservation.terminated("main", exit, reason, scheduler.instant());
    api.podChanged(pod);
    trace.add("kubelet", "pod " + pod.name + " main exited " + exit + " (" + reason + ")");
    if (fate.executorHang) {
      pod.executorHung = true;
      faults.injected(FaultKind.EXECUTOR_HANG, pod.name + ": wait container never exits");
      if (rng.nextBoolean()) {
        report(pod, fate, exit);
      }
      return;
    }
    report(pod, fate, exit);
    scheduler.after(fate.reportDelay + 50 + rng.nextLong(800), () -> podEnds(pod, exit));
    if (faults.decide(FaultKind.POD_DELETED_AFTER_COMPLETION)) {
      scheduler.after(
          fate.reportDelay + rng.nextLong(2_000),
          () -> {
            if (!pod.removed && !pod.deleting) {
              faults.injected(FaultKind.POD_DELETED_AFTER_COMPLETION, pod.name);
              delete(pod);
            }
          });
    }
  }

  private void report(SimPod pod, Fate fate, int exit) {
    if (fate.resultLost) {
      faults.injected(FaultKind.TASK_RESULT_LOST, pod.name);
      return;
    }
    long delay = fate.reportDelay;
    if (fate.resultLate) {
      delay = 60_000 + rng.nextLong(15 * 60_000);
      faults.injected(FaultKind.TASK_RESULT_LATE, pod.name + " by " + delay / 1000 + "s");
    }
    ReportedOutputs out = ReportedOutputs.complete(outputs(pod.start, exit));
    scheduler.after(
        delay,
        () -> {
          trace.add("executor", "task result of " + pod.name + " reported");
          api.putTaskResult(pod.nodeId, pod.workflow, out);
        });
  }

  private void podEnds(SimPod pod, int exit) {
    if (pod.removed || pod.phase != PodPhase.RUNNING) {
      return;
    }
    pod.phase = exit == 0 ? PodPhase.SUCCEEDED : PodPhase.FAILED;
    pod.finishedAt = scheduler.instant();
    pod.wait = ContainerObservation.terminated("wait", 0, "Completed", pod.finishedAt);
    api.podChanged(pod);
    trace.add("kubelet", "pod " + pod.name + " " + pod.phase);
  }

  /** The end of the grace period, or a cooperative exit after TERM. */
  private void kill(SimPod pod) {
    if (!pod.live() || pod.phase != PodPhase.RUNNING) {
      return;
    }
    boolean mainWasRunning = pod.mainRunning();
    if (mainWasRunning) {
      pod.main = ContainerObservation.terminated("main", 143, "Error", scheduler.instant());
    }
    pod.wait = ContainerObservation.terminated("wait", 137, "Error", scheduler.instant());
    pod.phase = PodPhase.FAILED;
    pod.finishedAt = scheduler.instant();
    api.podChanged(pod);
    trace.add("kubelet", "pod " + pod.name + " killed");
  }

  private void evict(SimPod pod) {
    if (!pod.live() || pod.deleting) {
      return;
    }
    faults.injected(FaultKind.POD_EVICTED, pod.name);
    pod.phase = PodPhase.FAILED;
    pod.reason = "Evicted";
    pod.message = "The node was low on resource: memory.";
    pod.finishedAt = scheduler.instant();
    if (pod.mainRunning()) {
      pod.main = ContainerObservation.terminated("main", 137, "Error", pod.finishedAt);
    }
    pod.wait = ContainerObservation.terminated("wait", 137, "Error", pod.finishedAt);
    api.podChanged(pod);
  }

  private void nodeLost(SimPod pod) {
    if (!pod.live() || pod.deleting) {
      return;
    }
    faults.injected(FaultKind.NODE_LOST, pod.name + " on " + pod.host);
    pod.phase = PodPhase.UNKNOWN;
    pod.reason = "NodeLost";
    pod.message = "Node " + pod.host + " which was running pod " + pod.name + " is unresponsive";
    api.podChanged(pod);
    scheduler.after(
        NODE_LOST_GC_MILLIS,
        () -> {
          if (!pod.removed && !pod.awaitingFinalizers) {
            trace.add("podgc", "pod " + pod.name + " on lost node force-deleted" + heldBy(pod));
            api.removePod(pod);
          }
        });
  }

  /** What the executor reports: every declared parameter, the result if captured, the exit code. */
  static Outputs outputs(Action.StartPod start, int exit) {
    List<Parameter> params = new ArrayList<>();
    Template t = start.template();
    if (t.outputs() != null && t.outputs().parameters() != null) {
      for (Parameter decl : t.outputs().parameters()) {
        params.add(Parameter.builder().name(decl.name()).value("v-" + start.podName()).build());
      }
    }
    String result = start.captureResult() ? "r-" + start.podName() : null;
    return new Outputs(params.isEmpty() ? null : params, null, result, Integer.toString(exit));
  }
}
