package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.Action;
import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.engine.locks.HeldLocks;
import io.argo4j.engine.locks.LockClaim;
import io.argo4j.engine.locks.LockName;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.runtime.kubernetes.ControllerConfig;
import io.argo4j.testkit.sim.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invariants of perf-reliability.md section 5.3, checked against the API server's true state:
 * on every status write and pod creation (safety), on a periodic sweep (no workflow stuck), and at
 * quiescence (liveness, exit handlers, no live pods left).
 */
public final class Invariants implements ApiServer.Listener, SimController.EngineFailureListener {
  /** A {@code {{...}}} tag of the template language. */
  private static final Pattern TAG = Pattern.compile("\\{\\{[^}]*}}");

  /** Messages with which a node legitimately fails without a non-zero exit of its own. */
  private static final Pattern CONTROLLED_FAILURE =
      Pattern.compile("(?i).*(stopped|deadline|terminat|shutdown|exceeded|timeout).*");

  private final ApiServer api;
  private final Scheduler scheduler;
  private final Trace trace;
  private final Set<String> poisoned;
  private final long stuckAfterMillis;
  private final List<Violation> violations = new ArrayList<>();
  private final Set<String> reported = new HashSet<>();
  private final Map<String, Long> lastProgress = new HashMap<>();

  /** When each workflow was last seen queued for a lock held by a workflow making progress. */
  private final Map<String, Long> lockQueuedAt = new HashMap<>();

  private final Map<String, Action.StartPod> startByNode = new HashMap<>();
  private final Map<String, List<Integer>> mainExitsByNode = new HashMap<>();
  private final Map<String, String> mainReasonByNode = new HashMap<>();
  private final Set<String> terminatedBeforeExitHandler = new HashSet<>();
  private final Map<String, Long> terminalSince = new HashMap<>();
  private final Map<String, Long> shutdownAt = new HashMap<>();

  /**
   * How long pods may go on after Stop or Terminate: a relist (the request's watch event may be
   * lost), the grace period twice, some slack.
   */
  static final long SHUTDOWN_BOUND_MILLIS =
      SimController.RELIST_MILLIS + 2 * Kubelet.GRACE_MILLIS + 60_000;

  public long reexecutions;

  /** Pods whose finalizer can never be removed (fault F13): exempt from I7, nothing else is. */
  private Set<String> stuckFinalizers = Set.of();

  void stuckFinalizers(Set<String> pods) {
    this.stuckFinalizers = pods;
  }

  public Invariants(
      ApiServer api,
      Scheduler scheduler,
      Trace trace,
      Set<String> poisoned,
      long stuckAfterMillis) {
    this.api = api;
    this.scheduler = scheduler;
    this.trace = trace;
    this.poisoned = poisoned;
    this.stuckAfterMillis = stuckAfterMillis;
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  void violation(String invariant, String workflow, String message) {
    if (reported.add(invariant + workflow + message)) {
      Violation v = new Violation(invariant, workflow, scheduler.now(), message);
      violations.add(v);
      trace.add("VIOLATION", v.toString());
    }
  }

  // ---- events ----------------------------------------------------------------------------------

  @Override
  public void onEvent(WatchEvent e) {
    if (!(e instanceof WatchEvent.OfWorkflow)) {
      // status writes count as progress only when a phase changes (see onWorkflowWrite)
      lastProgress.put(e.workflow(), scheduler.now());
    }
    if (e instanceof WatchEvent.OfPod p && !p.deleted()) {
      p.object()
          .observation()
          .container("main")
          .filter(c -> c.state() == ContainerObservation.State.TERMINATED)
          .ifPresent(c -> {
            List<Integer> exits =
                mainExitsByNode.computeIfAbsent(p.object().nodeId(), k -> new ArrayList<>());
            if (exits.isEmpty() || !Objects.equals(exits.getLast(), c.exitCode())) {
              exits.add(c.exitCode());
            }
            mainReasonByNode.put(p.object().nodeId(), c.reason());
          });
    }
  }

  @Override
  public void engineThrew(String workflow, RuntimeException e) {
    if (!poisoned.contains(workflow)) {
      violation("I12", workflow, "the engine threw " + e);
    }
  }

  @Override
  public void onPodCreated(SimPod pod) {
    Action.StartPod previous = startByNode.put(pod.nodeId, pod.start);
    if (previous != null) {
      SimPod earlier =
          api.allPods().stream()
              .filter(p -> p != pod && p.nodeId.equals(pod.nodeId) && p.mainStarted)
              .findFirst()
              .orElse(null);
      if (earlier != null) {
        // The engine never saw it run (its cache lagged) before it vanished: at-least-once.
        reexecutions++;
      }
    }
    StoredWorkflow stored = api.getWorkflow(pod.workflow);
    if (stored == null) {
      violation("I3", pod.workflow, "pod " + pod.name + " created for a workflow that is gone");
      return;
    }
    Workflow wf = stored.workflow();
    String unresolved = unresolvedTag(pod.start.template());
    if (unresolved != null) {
      // the generated workloads pass outputs on and never mean a literal {{: an output was lost
      violation(
          "I5", pod.workflow, "pod " + pod.name + " created with " + unresolved + " unresolved");
    }
    if (completed(wf)) {
      violation("I3", pod.workflow, "pod " + pod.name + " created for a completed workflow");
    }
    NodeStatus node = nodes(wf).get(pod.nodeId);
    if (node == null) {
      violation("I3", pod.workflow, "pod " + pod.name + " created before its node was persisted");
    } else if (node.phase() != null && node.phase().isFulfilled()) {
      violation(
          "I3",
          pod.workflow,
          "pod " + pod.name + " created for node " + node.name() + " already " + node.phase());
    }
    String shutdown = wf.spec().shutdown();
    if ("Terminate".equals(shutdown) || ("Stop".equals(shutdown) && !pod.start.onExitPod())) {
      violation(
          "I2", pod.workflow, "pod " + pod.name + " created after " + shutdown + " was requested");
    }
  }

  /** The first {@code {{...}}} left in what the pod's main container runs, if any. */
  static String unresolvedTag(Template t) {
    List<String> runs = new ArrayList<>();
    if (t.container() != null) {
      runs.addAll(orEmpty(t.container().getCommand()));
      runs.addAll(orEmpty(t.container().getArgs()));
      orEmpty(t.container().getEnv()).forEach(e -> runs.add(e.getValue()));
    }
    if (t.script() != null) {
      runs.addAll(orEmpty(t.script().command()));
      runs.addAll(orEmpty(t.script().args()));
      runs.add(t.script().source());
    }
    for (String r : runs) {
      Matcher m = r == null ? null : TAG.matcher(r);
      if (m != null && m.find()) {
        return m.group();
      }
    }
    return null;
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  @Override
  public void onWorkflowWrite(String writer, StoredWorkflow before, StoredWorkflow after) {
    checkPermits(after.name());
    checkEndedHolders(after.name(), after.workflow());
    Workflow wf = after.workflow();
    String name = after.name();
    // a shutdown is requested by a user, or by a controller (a cron run Replaced)
    boolean shutdownRequested =
        wf.spec().shutdown() != null
            && (before == null
                || !wf.spec().shutdown().equals(before.workflow().spec().shutdown()));
    if (shutdownRequested
        && "Terminate".equals(wf.spec().shutdown())
        && node(wf, name + ".onExit") == null
        && !completed(wf)) {
      terminatedBeforeExitHandler.add(name);
    }
    if (before == null
        || !writer.startsWith("controller")
        || phasesChanged(before.workflow(), wf)) {
      lastProgress.put(name, scheduler.now());
    }
    if (shutdownRequested) {
      shutdownAt.putIfAbsent(name, scheduler.now());
    }
    if (before != null) {
      checkMonotonic(name, before.workflow(), wf);
    }
    if (completed(wf)) {
      terminalSince.putIfAbsent(name, scheduler.now());
    }
    checkStatus(name, before == null ? null : before.workflow(), wf);
  }

  private static boolean phasesChanged(Workflow before, Workflow after) {
    if (phase(before) != phase(after)) {
      return true;
    }
    Map<String, NodeStatus> old = nodes(before);
    Map<String, NodeStatus> now = nodes(after);
    if (old.size() != now.size()) {
      return true;
    }
    for (NodeStatus n : now.values()) {
      NodeStatus o = old.get(n.id());
      if (o == null
          || o.phase() != n.phase()
          || !Objects.equals(o.taskResultSynced(), n.taskResultSynced())) {
        return true;
      }
    }
    return false;
  }

  private void checkMonotonic(String name, Workflow before, Workflow after) {
    WorkflowPhase b = phase(before);
    WorkflowPhase a = phase(after);
    if (b.isCompleted() && a != b) {
      violation("I9", name, "workflow phase went back from " + b + " to " + a);
    } else if (b == WorkflowPhase.RUNNING
        && (a == WorkflowPhase.PENDING || a == WorkflowPhase.UNKNOWN)) {
      violation("I9", name, "workflow phase went back from Running to " + a);
    }
    Map<String, NodeStatus> now = nodes(after);
    for (NodeStatus old : nodes(before).values()) {
      NodeStatus cur = now.get(old.id());
      if (cur == null) {
        violation("I9", name, "node " + old.name() + " vanished from the status");
        continue;
      }
      NodePhase op = old.phase();
      NodePhase cp = cur.phase();
      if (op != null && op.isFulfilled() && cp != op) {
        violation("I9", name, "node " + old.name() + " went back from " + op + " to " + cp);
      } else if (op == NodePhase.RUNNING && cp == NodePhase.PENDING) {
        violation("I9", name, "node " + old.name() + " went back from Running to Pending");
      }
    }
  }

  private void checkStatus(String name, Workflow before, Workflow wf) {
    if (wf.status() == null) {
      return;
    }
    boolean done = completed(wf);
    checkTimes(name, wf.status().startedAt(), wf.status().finishedAt(), "workflow");
    if (done && wf.status().finishedAt() == null) {
      violation("I10", name, "completed workflow without finishedAt");
    }
    Map<String, NodeStatus> old = before == null ? Map.of() : nodes(before);
    for (NodeStatus n : nodes(wf).values()) {
      if (done && (n.phase() == null || !n.phase().isFulfilled())) {
        violation(
            "I2",
            name,
            "node " + n.name() + " is " + n.phase() + " under a " + phase(wf) + " workflow");
      } else if (done && Boolean.FALSE.equals(n.taskResultSynced())) {
        violation("I2", name, "workflow completed while node " + n.name() + " awaits its outputs");
      }
      NodeStatus was = old.get(n.id());
      if (was != null
          && was.phase() == n.phase()
          && Objects.equals(was.taskResultSynced(), n.taskResultSynced())) {
        continue;
      }
      checkTimes(name, n.startedAt(), n.finishedAt(), "node " + n.name());
      if (n.type() == NodeType.POD && n.phase() != null && n.phase().isCompleted()) {
        checkPodNode(name, n);
      }
    }
  }

  private void checkTimes(String name, Instant started, Instant finished, String what) {
    if (started != null && started.getEpochSecond() < 946_684_800L) {
      violation("I10", name, what + " has an epoch-zero startedAt " + started);
    }
    if (started != null && finished != null && finished.isBefore(started)) {
      violation(
          "I10", name, what + " finished at " + finished + " before it started at " + started);
    }
  }

  /** Outputs (I5) and classification (I13) of a completed pod node. */
  private void checkPodNode(String name, NodeStatus n) {
    Action.StartPod start = startByNode.get(n.id());
    List<Integer> exits = mainExitsByNode.getOrDefault(n.id(), List.of());
    String msg = n.message() == null ? "" : n.message();
    boolean synced = !Boolean.FALSE.equals(n.taskResultSynced());
    switch (n.phase()) {
      case SUCCEEDED -> {
        if (start == null) {
          violation("I5", name, "node " + n.name() + " Succeeded without ever having a pod");
          return;
        }
        if (!exits.contains(0)) {
          violation(
              "I13",
              name,
              "node " + n.name() + " Succeeded though its main never exited 0: " + exits);
        }
        if (synced) {
          checkDeclaredOutputs(name, n, start);
        }
      }
      case FAILED -> {
        boolean userFailure = exits.stream().anyMatch(c -> c != null && c != 0);
        if (!userFailure && !CONTROLLED_FAILURE.matcher(msg).matches()) {
          violation(
              "I13",
              name,
              "node "
                  + n.name()
                  + " Failed (\""
                  + msg
                  + "\") though no main container exited non-zero"
                  + " (infrastructure loss must be Error)");
        }
        if ("OOMKilled".equals(mainReasonByNode.get(n.id()))
            && !msg.contains("OOMKilled")
            && !CONTROLLED_FAILURE.matcher(msg).matches()) {
          violation("I13", name, "node " + n.name() + " was OOM-killed but says \"" + msg + "\"");
        }
      }
      case ERROR -> {
        SimPod pod = start == null ? null : api.pod(start.podName());
        if (pod != null
            && pod.phase() == PodPhase.FAILED
            && !pod.deleting
            && pod.reason == null
            && pod.main().exitCode() != null
            && pod.main().exitCode() != 0
            && pod.wait.exitCode() != null
            && pod.wait.exitCode() == 0) {
          violation(
              "I13",
              name,
              "node "
                  + n.name()
                  + " is Error (\""
                  + msg
                  + "\") though its main exited "
                  + pod.main().exitCode()
                  + " (a user failure must be Failed)");
        }
      }
      default -> {}
    }
  }

  private void checkDeclaredOutputs(String name, NodeStatus n, Action.StartPod start) {
    Template t = start.template();
    if (t.outputs() != null && t.outputs().parameters() != null) {
      for (Parameter decl : t.outputs().parameters()) {
        boolean present =
            n.outputs() != null
                && n.outputs().parameters() != null
                && n.outputs().parameters().stream()
                    .anyMatch(p -> p.name().equals(decl.name()) && p.value() != null);
        if (!present) {
          violation(
              "I5",
              name,
              "node " + n.name() + " Succeeded without its output parameter " + decl.name());
        }
      }
    }
    if (start.captureResult() && (n.outputs() == null || n.outputs().result() == null)) {
      violation("I5", name, "node " + n.name() + " Succeeded without its result");
    }
  }

  // ---- sweeps ----------------------------------------------------------------------------------

  /** No workflow may sit unfinished with nothing happening and no user code running (I1). */
  public boolean sweepForStuck() {
    boolean stuck = false;
    for (Map.Entry<String, Long> e : shutdownAt.entrySet()) {
      long since = scheduler.now() - e.getValue();
      if (since <= SHUTDOWN_BOUND_MILLIS) {
        continue;
      }
      StoredWorkflow s = api.getWorkflow(e.getKey());
      boolean terminate = s != null && "Terminate".equals(s.workflow().spec().shutdown());
      for (SimPod p : api.allPods()) {
        if (p.workflow.equals(e.getKey())
            && p.mainRunning()
            && (terminate || !p.start.onExitPod())) {
          violation(
              "I2",
              e.getKey(),
              "pod "
                  + p.name
                  + " still running "
                  + since / 1000
                  + "s after "
                  + (terminate ? "Terminate" : "Stop"));
          stuck = true;
        }
      }
    }
    for (StoredWorkflow s : api.workflows()) {
      Workflow wf = s.workflow();
      String name = s.name();
      if (completed(wf)) {
        continue;
      }
      boolean waitsForLock = waitsForAnotherWorkflowsLock(name);
      if (waitsForLock) {
        // queued behind a live holder is legitimate: the stuck bound runs from when that ends
        // (kept apart from lastProgress, so that waiters never vouch for each other: a deadlock
        // still shows)
        lockQueuedAt.put(name, scheduler.now());
      }
      long idle =
          scheduler.now()
              - Math.max(lastProgress.getOrDefault(name, 0L), lockQueuedAt.getOrDefault(name, 0L));
      boolean userCodeRunning =
          waitsForLock
              || api.allPods().stream().anyMatch(p -> p.workflow.equals(name) && p.mainRunning());
      if (idle > stuckAfterMillis && !userCodeRunning) {
        violation(
            "I1",
            name,
            "stuck "
                + phase(wf)
                + " for "
                + idle / 1000
                + "s with no user code running; unfinished nodes: "
                + unfinished(wf));
        stuck = true;
      }
    }
    return stuck;
  }

  /** Whether every workflow is completed and no pod of any is still live. */
  public boolean quiescent() {
    for (StoredWorkflow s : api.workflows()) {
      if (!completed(s.workflow())) {
        return false;
      }
    }
    for (SimPod p : api.allPods()) {
      if (p.live() || leftoverFinalizer(p)) {
        return false;
      }
    }
    // every workflow completed: a recorded permit is one the controller has yet to clean up
    return api.locks().stream().allMatch(l -> l.holders().isEmpty());
  }

  /** I7: a pod of a completed (or deleted) workflow still holding a finalizer it should not. */
  private boolean leftoverFinalizer(SimPod p) {
    if (p.removed || p.finalizers.isEmpty() || stuckFinalizers.contains(p.name)) {
      return false;
    }
    StoredWorkflow s = api.getWorkflow(p.workflow);
    return s == null || completed(s.workflow());
  }

  /** Liveness at the end: everything terminal, no pod left running, exit handlers as due. */
  public void atEnd(Map<String, Boolean> hasExitHandler) {
    for (StoredWorkflow s : api.workflows()) {
      Workflow wf = s.workflow();
      String name = s.name();
      if (!completed(wf)) {
        violation(
            "I1", name, "never completed: " + phase(wf) + ", unfinished nodes: " + unfinished(wf));
        continue;
      }
      for (SimPod p : api.allPods()) {
        if (p.workflow.equals(name) && p.live()) {
          violation(
              "I2",
              name,
              "pod " + p.name + " still " + p.phase() + " after the workflow completed");
        }
      }
      checkExitHandler(name, wf, hasExitHandler.getOrDefault(name, false));
    }
    for (SimPod p : api.allPods()) {
      if (leftoverFinalizer(p)) {
        violation(
            "I7",
            p.workflow,
            "pod "
                + p.name
                + " still holds finalizers "
                + p.finalizers
                + (p.deleting ? " though its deletion was requested" : "")
                + " after its workflow completed");
      }
    }
  }

  private void checkExitHandler(String name, Workflow wf, boolean declared) {
    NodeStatus onExit = node(wf, name + ".onExit");
    if (!declared) {
      return;
    }
    if (terminatedBeforeExitHandler.contains(name) && "Terminate".equals(wf.spec().shutdown())) {
      if (onExit != null) {
        violation(
            "I4", name, "exit handler ran although the workflow was terminated before it started");
      }
      return;
    }
    NodeStatus root = node(wf, name);
    String msg = wf.status().message() == null ? "" : wf.status().message();
    boolean entryRan =
        root != null
            && root.phase() != null
            && root.phase().isFulfilled()
            && !msg.startsWith("error in entry template execution")
            && !poisoned.contains(name);
    if (entryRan && onExit == null) {
      violation("I4", name, "exit handler never ran (workflow " + phase(wf) + ": " + msg + ")");
    } else if (onExit != null && !onExit.phase().isFulfilled()) {
      violation("I4", name, "exit handler left " + onExit.phase());
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static List<String> unfinished(Workflow wf) {
    List<String> out = new ArrayList<>();
    {
      for (NodeStatus n : nodes(wf).values()) {
        if (n.phase() == null
            || !n.phase().isFulfilled()
            || Boolean.FALSE.equals(n.taskResultSynced())) {
          out.add(
              n.name()
                  + "="
                  + n.phase()
                  + (Boolean.FALSE.equals(n.taskResultSynced()) ? "(awaiting outputs)" : ""));
        }
      }
    }
    return out;
  }

  private static NodeStatus node(Workflow wf, String nodeName) {
    for (NodeStatus n : nodes(wf).values()) {
      if (n.name().equals(nodeName)) {
        return n;
      }
    }
    return null;
  }

  static Map<String, NodeStatus> nodes(Workflow wf) {
    return wf.status() == null || wf.status().nodes() == null ? Map.of() : wf.status().nodes();
  }

  static WorkflowPhase phase(Workflow wf) {
    return wf.status() == null || wf.status().phase() == null
        ? WorkflowPhase.UNKNOWN
        : wf.status().phase();
  }

  static boolean completed(Workflow wf) {
    return phase(wf).isCompleted();
  }

  // ---- I6: locks ------------------------------------------------------------------------------

  /**
   * How long a finished or deleted workflow may still hold a permit in a controller's table: a
   * controller that missed the workflow's last events lets go at its next relist or at the resync's
   * lock sweep, whichever comes first.
   */
  static final long LOCK_RELEASE_BOUND_MILLIS =
      Math.min(SimController.RELIST_MILLIS, ControllerConfig.defaults().resyncPeriod().toMillis())
          + 60_000;

  /** Holders recorded in the stored statuses of unfinished workflows, by lock. */
  private Map<String, Set<String>> persistedHolders() {
    Map<String, Set<String>> out = new HashMap<>();
    for (StoredWorkflow s : api.workflows()) {
      for (LockClaim c : HeldLocks.of(s.workflow())) {
        out.computeIfAbsent(c.lock().toString(), k -> new HashSet<>()).add(c.holder());
      }
    }
    return out;
  }

  /** I6 safety: no lock has more holders recorded in unfinished workflows than its limit. */
  private void checkPermits(String writtenWorkflow) {
    persistedHolders()
        .forEach((lock, holders) -> {
          LockName name = LockName.parse(lock);
          int limit = name.isMutex() ? 1 : WorkloadGenerator.semaphoreLimit(name);
          if (holders.size() > limit) {
            violation(
                "I6",
                writtenWorkflow,
                lock + " is held by " + new TreeSet<>(holders) + ", limit " + limit);
          }
        });
  }

  /**
   * I6 release, in the status: a node that has ended holds no lock. The engine lets go of a node's
   * permits in the same status write that ends it, so no bound applies.
   */
  private void checkEndedHolders(String name, Workflow wf) {
    String wfKey = HeldLocks.workflowKey(wf);
    Map<String, NodeStatus> nodes = nodes(wf);
    for (LockClaim c : HeldLocks.of(wf)) {
      if (c.holder().length() <= wfKey.length()) {
        continue; // the workflow's own lock: released when it completes
      }
      NodeStatus node = nodes.get(c.holder().substring(wfKey.length() + 1));
      if (node != null && node.phase() != null && node.phase().isFulfilled()) {
        violation(
            "I6",
            name,
            "node "
                + node.name()
                + " ended "
                + node.phase()
                + " and still holds "
                + c.lock()
                + " in its workflow's status");
      }
    }
  }

  /**
   * I6 release: every holder in the controller's table belongs to an unfinished workflow, or to one
   * finished (or deleted) less than {@link #LOCK_RELEASE_BOUND_MILLIS} ago.
   */
  public void checkLocks(Map<LockName, List<String>> tableHolders) {
    tableHolders.forEach((lock, holders) -> {
      for (String holder : holders) {
        String wfKey = HeldLocks.workflowKeyOfHolder(holder);
        String name = wfKey.substring(wfKey.indexOf('/') + 1);
        StoredWorkflow s = api.getWorkflow(name);
        if (s != null && !completed(s.workflow())) {
          continue;
        }
        long since = terminalSince.getOrDefault(name, 0L);
        if (scheduler.now() - since > LOCK_RELEASE_BOUND_MILLIS) {
          violation(
              "I6",
              name,
              holder
                  + " still holds "
                  + lock
                  + " "
                  + (scheduler.now() - since) / 1000
                  + "s after its workflow "
                  + (s == null ? "was deleted" : "completed"));
        }
      }
    });
  }

  /** I6 at quiescence: no permit is held, in the table or in any stored status. */
  public void atEndLocks(Map<LockName, List<String>> tableHolders) {
    if (!tableHolders.isEmpty()) {
      violation("I6", "", "permits still held at quiescence: " + tableHolders);
    }
    for (ApiServer.StoredLock l : api.locks()) {
      if (!l.holders().isEmpty()) {
        violation(
            "I6", "", "permits still recorded at quiescence: " + l.lock() + " " + l.holders());
      }
    }
    for (StoredWorkflow s : api.workflows()) {
      if (s.workflow().status() != null
          && s.workflow().status().synchronization() != null
          && completed(s.workflow())
          && !poisoned.contains(s.name())) {
        violation(
            "I6",
            s.name(),
            "completed but its status still records locks: "
                + s.workflow().status().synchronization());
      }
    }
  }

  /**
   * Whether a workflow waits for a lock held by another workflow that is making progress (user code
   * running or a recent event): then it is not stuck. Workflows waiting on each other (a deadlock)
   * are not exempt.
   */
  private boolean waitsForAnotherWorkflowsLock(String name) {
    StoredWorkflow s = api.getWorkflow(name);
    if (s == null
        || s.workflow().status() == null
        || s.workflow().status().synchronization() == null) {
      return false;
    }
    var sync = s.workflow().status().synchronization();
    Set<String> waitedFor = new HashSet<>();
    if (sync.mutex() != null && sync.mutex().waiting() != null) {
      sync.mutex().waiting().forEach(h -> waitedFor.add(h.mutex()));
    }
    if (sync.semaphore() != null && sync.semaphore().waiting() != null) {
      sync.semaphore().waiting().forEach(h -> waitedFor.add(h.semaphore()));
    }
    Map<String, Set<String>> holders = persistedHolders();
    for (String lock : waitedFor) {
      for (String holder : holders.getOrDefault(lock, Set.of())) {
        String wfKey = HeldLocks.workflowKeyOfHolder(holder);
        String other = wfKey.substring(wfKey.indexOf('/') + 1);
        if (other.equals(name)) {
          continue;
        }
        boolean running =
            api.allPods().stream().anyMatch(p -> p.workflow.equals(other) && p.mainRunning());
        long idle = scheduler.now() - lastProgress.getOrDefault(other, 0L);
        if (running || idle <= stuckAfterMillis) {
          return true;
        }
      }
    }
    return false;
  }

  public Map<String, Long> terminalSince() {
    return terminalSince;
  }
}
