package io.argo4j.engine.internal;

import io.argo4j.engine.Action;
import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.NodeIds;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.engine.ReportedOutputs;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Argo's {@code podReconciliation}: moves every pod-backed node forward from what its pod (or local
 * process) is observed to do, and controls running pods (shutdown, deadlines, sidecars). Every way
 * a pod can vanish or stall ends in a terminal node phase within a bound, so that no workflow waits
 * for a pod that will never report (the seed defects of Argo's issue tracker).
 */
final class PodReconciler {
  /** Waiting reasons that will not resolve on their own. */
  private static final Set<String> FATAL_WAITING =
      Set.of("InvalidImageName", "ErrImageNeverPull", "CreateContainerConfigError");

  /** Waiting reasons that Kubernetes retries, but which rarely clear up. */
  private static final Set<String> PULL_WAITING = Set.of("ErrImagePull", "ImagePullBackOff");

  /** How long a pod may fail to pull its image before its node errors. */
  static final Duration IMAGE_PULL_GRACE = Duration.ofMinutes(5);

  private final Operation op;
  private final NodeTable nodes;

  PodReconciler(Operation op) {
    this.op = op;
    this.nodes = op.nodes;
  }

  void reconcile() {
    for (String id : nodes.allIds()) {
      NodePhase p = nodes.phaseOf(id);
      if (p == null) {
        continue;
      }
      Node n = nodes.get(id);
      if (n.type != NodeType.POD) {
        continue;
      }
      PodObservation pod = op.obs.pods().get(id);
      if (n.isFulfilled()) {
        if (pod != null && n.isCompleted()) {
          stopIfAlive(n, pod, Action.StopReason.MAIN_EXITED, "node completed");
        }
        continue;
      }
      if (pod == null) {
        missing(n);
      } else {
        observe(n, pod);
      }
      if (n.phase.isFulfilled()) {
        ContainerSets.finish(nodes, n);
      }
    }
  }

  /** No pod: pending nodes get (re)started by the template executor; running ones were lost. */
  private void missing(Node n) {
    if (n.phase == NodePhase.PENDING) {
      return;
    }
    n.taskResultSynced = n.taskResultSynced == null ? null : Boolean.TRUE;
    // Argo's exact words: retry expressions and scripts match on them
    nodes.setPhase(n, NodePhase.ERROR, "pod deleted");
  }

  private void observe(Node n, PodObservation pod) {
    if (pod.hostNodeName() != null && !pod.hostNodeName().equals(n.hostNodeName)) {
      n.hostNodeName = pod.hostNodeName();
      n.touch();
    }
    if (pod.podIp() != null && !pod.podIp().equals(n.podIp)) {
      n.podIp = pod.podIp();
      n.touch();
    }
    if (pod.outputs() != null
        && pod.outputs().progress() != null
        && !pod.outputs().progress().equals(n.progress)) {
      n.progress = pod.outputs().progress();
      n.touch();
    }
    if (ContainerSets.hasContainers(nodes, n)) {
      ContainerSets.observe(nodes, n, pod);
    }
    switch (pod.phase()) {
      case PENDING -> pending(n, pod);
      case RUNNING -> running(n, pod);
      case SUCCEEDED -> completed(n, pod, NodePhase.SUCCEEDED, null);
      case FAILED -> failed(n, pod);
      case UNKNOWN -> {
        nodes.setPhase(
            n,
            NodePhase.ERROR,
            "pod lost: its phase is Unknown, the machine running it stopped reporting"
                + message(pod));
        n.taskResultSynced = Boolean.TRUE;
        op.actions.add(new Action.DeletePod(n.id, pod.podName(), "pod lost"));
      }
    }
  }

  private void pending(Node n, PodObservation pod) {
    if (pod.deleting()) {
      // deleted before it started (seen while a finalizer keeps it): it will never run, and its
      // name stays taken until it goes, so the node ends here; retries follow their policy
      n.taskResultSynced = n.taskResultSynced == null ? null : Boolean.TRUE;
      nodes.setPhase(n, NodePhase.ERROR, "pod deleted");
      return;
    }
    String waitingMessage = null;
    for (ContainerObservation c : pod.containers()) {
      if (c.state() != ContainerObservation.State.WAITING || c.reason() == null) {
        continue;
      }
      boolean fatal = FATAL_WAITING.contains(c.reason());
      boolean stuckPulling =
          PULL_WAITING.contains(c.reason())
              && pod.startedAt() != null
              && !op.now.isBefore(pod.startedAt().plus(IMAGE_PULL_GRACE));
      String msg =
          c.message() == null || c.message().isEmpty()
              ? c.reason()
              : c.reason() + ": " + c.message();
      if (fatal || stuckPulling) {
        nodes.setPhase(n, NodePhase.ERROR, msg);
        op.actions.add(new Action.DeletePod(n.id, pod.podName(), c.reason()));
        return;
      }
      if (PULL_WAITING.contains(c.reason()) && pod.startedAt() != null) {
        op.requeueAt(pod.startedAt().plus(IMAGE_PULL_GRACE));
      }
      // one message per pod, the first waiting container's, so that it does not flip
      if (waitingMessage == null) {
        waitingMessage = msg;
      }
    }
    if (waitingMessage != null) {
      setMessage(n, waitingMessage);
    }
    controlExecution(n, pod);
  }

  private void running(Node n, PodObservation pod) {
    if (n.phase == NodePhase.PENDING) {
      n.message = null; // the pending reason no longer holds
      nodes.setPhase(n, NodePhase.RUNNING, null);
    }
    Template tmpl = op.executor.templateOf(n);
    if (tmpl != null && Boolean.TRUE.equals(tmpl.daemon()) && !n.isDaemoned()) {
      boolean ready =
          pod.container("main").map(ContainerObservation::ready).orElse(!pod.containers().isEmpty())
              || pod.containers().isEmpty();
      if (ready) {
        n.daemoned = true;
        n.touch();
      }
    }
    ContainerObservation main = pod.container("main").orElse(null);
    if (main != null && main.state() == ContainerObservation.State.TERMINATED) {
      // Main is done but sidecars keep the pod alive: they must go.
      stopIfAlive(n, pod, Action.StopReason.MAIN_EXITED, "main container exited");
    }
    controlExecution(n, pod);
  }

  private void failed(Node n, PodObservation pod) {
    Shutdown shutdown = Shutdown.of(op.execSpec);
    ContainerObservation main = pod.container("main").orElse(null);
    Integer exit = main == null ? null : main.exitCode();
    NodePhase phase;
    String msg;
    if ("Evicted".equals(pod.reason())) {
      phase = NodePhase.ERROR;
      msg = "pod evicted" + message(pod);
    } else if ("StartError".equals(pod.reason()) || "Lost".equals(pod.reason())) {
      phase = NodePhase.ERROR;
      msg = nullToEmpty(pod.message());
    } else if (deletedUnderIt(n, pod, main)) {
      // someone else deleted it (autoscaler, Karpenter, a person): infrastructure loss, not the
      // user's failure; seen when a finalizer keeps the pod until its status is captured
      phase = NodePhase.ERROR;
      msg = "pod deleted";
    } else if (exit != null && exit != 0) {
      phase = NodePhase.FAILED;
      String reason = main.reason() == null || main.reason().isEmpty() ? "Error" : main.reason();
      msg = reason + " (exit code " + exit + ")";
      if (shutdown.enabled() && !shutdown.shouldExecute(op.isPartOfExitHandler(n))) {
        msg = "Stopped with strategy '" + shutdown.value() + "'";
      } else if (pastDeadline(n)) {
        msg = "Step exceeded its deadline";
      }
    } else if (exit != null) {
      // main succeeded, yet the pod failed: the executor could not save the outputs
      phase = NodePhase.ERROR;
      msg =
          pod.message() == null || pod.message().isEmpty()
              ? "failed to save outputs"
              : pod.message();
    } else {
      phase = NodePhase.ERROR;
      msg =
          pod.message() != null && !pod.message().isEmpty()
              ? pod.message()
              : "pod failed" + (pod.reason() == null ? "" : ": " + pod.reason());
    }
    completed(n, pod, phase, msg);
  }

  /**
   * The pod failed because its deletion killed it (main never exited on its own, or by TERM or
   * KILL) and not because this workflow stopped it (shutdown, deadline).
   */
  private boolean deletedUnderIt(Node n, PodObservation pod, ContainerObservation main) {
    if (!pod.deleting()) {
      return false;
    }
    Integer exit = main == null ? null : main.exitCode();
    boolean killed =
        exit == null || ((exit == 137 || exit == 143) && !"OOMKilled".equals(main.reason()));
    if (!killed) {
      return false;
    }
    Shutdown shutdown = Shutdown.of(op.execSpec);
    boolean stoppedByUs =
        (shutdown.enabled() && !shutdown.shouldExecute(op.isPartOfExitHandler(n)))
            || pastDeadline(n);
    return !stoppedByUs;
  }

  /**
   * The pod ended. The node completes once the executor's outputs are in; until then it stays
   * Running, and if they never come it ends anyway after the task-result timeout. Pods and reports
   * arrive through separate watches, in no particular order: the node waits for the report whenever
   * one is coming (the executor started, or began reporting), not only when outputs are declared.
   */
  private void completed(Node n, PodObservation pod, NodePhase phase, String msg) {
    ReportedOutputs reported = pod.outputs();
    boolean synced = reported != null && reported.complete();
    if (n.phase == NodePhase.PENDING) {
      nodes.setPhase(n, NodePhase.RUNNING, null);
    }
    boolean required = needsOutputs(n) || op.executor.includeScriptOutput(n.name, n.boundaryId);
    boolean coming = required || reported != null || executorStarted(pod);
    if (!synced && coming) {
      Instant ended = pod.finishedAt() != null ? pod.finishedAt() : op.now;
      Instant giveUp = ended.plus(op.config.taskResultTimeout());
      if (op.now.isBefore(giveUp)) {
        if (!Boolean.FALSE.equals(n.taskResultSynced)) {
          n.taskResultSynced = Boolean.FALSE;
          n.touch();
        }
        op.requeueAt(giveUp);
        return;
      }
      if (phase == NodePhase.SUCCEEDED && required) {
        phase = NodePhase.ERROR;
        msg =
            "the executor did not report this step's outputs within "
                + Times.goDuration(op.config.taskResultTimeout())
                + " of the pod ending";
      }
      op.actions.add(new Action.DeletePod(n.id, pod.podName(), "outputs never reported"));
    }
    n.outputs = merge(reported == null ? null : reported.outputs(), exitCodeOf(pod));
    n.taskResultSynced = Boolean.TRUE;
    if (msg == null) {
      n.message = null; // a pending reason must not outlive the pod
    }
    nodes.setPhase(n, phase, msg);
    op.addOutputsToGlobalScope(n.outputs);
  }

  /**
   * Whether the pod's executor ({@code wait} container) is running or ended normally, and so has
   * reported or will. One that never started, or was killed, may never report: waiting for it would
   * only delay the node by the task-result timeout.
   */
  private static boolean executorStarted(PodObservation pod) {
    return pod.container("wait")
        .map(c ->
            c.state() == ContainerObservation.State.RUNNING
                || (c.state() == ContainerObservation.State.TERMINATED
                    && Integer.valueOf(0).equals(c.exitCode())))
        .orElse(false);
  }

  private boolean needsOutputs(Node n) {
    Template tmpl = op.executor.templateOf(n);
    if (tmpl == null) {
      return true;
    }
    Outputs declared = tmpl.outputs();
    boolean declares =
        declared != null
            && ((declared.parameters() != null && !declared.parameters().isEmpty())
                || (declared.artifacts() != null && !declared.artifacts().isEmpty()));
    return declares || tmpl.script() != null;
  }

  /** Shutdown and deadlines: pods that must not go on are stopped (or deleted while pending). */
  private void controlExecution(Node n, PodObservation pod) {
    if (pod.deleting()) {
      return;
    }
    boolean exitHandler = op.isPartOfExitHandler(n);
    Shutdown shutdown = Shutdown.of(op.execSpec);
    if (shutdown.enabled() && !shutdown.shouldExecute(exitHandler)) {
      stop(n, pod, Action.StopReason.SHUTDOWN, "Stopped with strategy '" + shutdown.value() + "'");
      return;
    }
    Instant deadline = deadline(n, exitHandler);
    if (deadline == null) {
      return;
    }
    if (op.now.isBefore(deadline)) {
      op.requeueAt(deadline);
    } else {
      stop(n, pod, Action.StopReason.DEADLINE, "Step exceeded its deadline");
    }
  }

  private boolean pastDeadline(Node n) {
    Instant d = deadline(n, op.isPartOfExitHandler(n));
    return d != null && !op.now.isBefore(d);
  }

  private Instant deadline(Node n, boolean exitHandler) {
    Instant deadline = exitHandler ? null : op.workflowDeadline;
    Template tmpl = op.executor.templateOf(n);
    if (tmpl != null && n.startedAt != null) {
      Long seconds = activeDeadlineSeconds(n, tmpl);
      if (seconds != null) {
        Instant own = n.startedAt.plusSeconds(seconds);
        deadline = deadline == null || own.isBefore(deadline) ? own : deadline;
      }
    }
    return deadline;
  }

  private Long activeDeadlineSeconds(Node n, Template tmpl) {
    Long result = null;
    IntOrString ads = tmpl.activeDeadlineSeconds();
    if (ads != null && ads.getIntVal() != null) {
      result = ads.getIntVal().longValue();
    } else if (ads != null && ads.getStrVal() != null) {
      try {
        result = Long.parseLong(substituted(n, ads.getStrVal()).strip());
      } catch (NumberFormatException e) {
        result = null;
      }
    }
    if (tmpl.timeout() != null && !tmpl.timeout().isEmpty()) {
      try {
        long t = Times.parse(substituted(n, tmpl.timeout()), "timeout").toSeconds();
        result = result == null ? t : Math.min(result, t);
      } catch (EngineException e) {
        // reported when the template is executed
      }
    }
    return result;
  }

  /**
   * A deadline written as {@code {{inputs.parameters.timeout}}}: the template found again for the
   * node is the unsubstituted one, so its inputs (recorded on the node) are put back in.
   */
  private String substituted(Node n, String text) {
    if (text.indexOf("{{") < 0) {
      return text;
    }
    Map<String, String> vars = new HashMap<>(op.globalParams);
    if (n.inputs != null && n.inputs.parameters() != null) {
      for (Parameter p : n.inputs.parameters()) {
        if (p.value() != null) {
          vars.put("inputs.parameters." + p.name(), p.value());
        }
      }
    }
    return op.expr.replace(text, vars, true);
  }

  private void stop(Node n, PodObservation pod, Action.StopReason reason, String msg) {
    if (pod.phase() == PodPhase.PENDING) {
      op.actions.add(new Action.DeletePod(n.id, pod.podName(), msg));
      nodes.setPhase(n, NodePhase.FAILED, msg);
      n.taskResultSynced = Boolean.TRUE;
    } else {
      op.actions.add(new Action.StopPod(n.id, pod.podName(), reason, msg));
      // Look again once the grace period is over; the runtime escalates to a kill.
      op.requeueSoon();
    }
  }

  private void stopIfAlive(Node n, PodObservation pod, Action.StopReason reason, String msg) {
    if ((pod.phase() == PodPhase.RUNNING || pod.phase() == PodPhase.PENDING) && !pod.deleting()) {
      op.actions.add(
          new Action.StopPod(
              n.id, NodeIds.podName(op.wfName, n.name, Operation.templateNameOf(n)), reason, msg));
    }
  }

  private void setMessage(Node n, String msg) {
    if (!msg.equals(n.message)) {
      n.message = msg;
      n.touch();
    }
  }

  private static String exitCodeOf(PodObservation pod) {
    return pod.container("main")
        .map(ContainerObservation::exitCode)
        .map(String::valueOf)
        .orElse(null);
  }

  private static Outputs merge(Outputs reported, String exitCode) {
    if (reported == null) {
      return exitCode == null ? null : new Outputs(null, null, null, exitCode);
    }
    if (reported.exitCode() != null || exitCode == null) {
      return reported;
    }
    return new Outputs(reported.parameters(), reported.artifacts(), reported.result(), exitCode);
  }

  private static String message(PodObservation pod) {
    return pod.message() == null || pod.message().isEmpty() ? "" : ": " + pod.message();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
