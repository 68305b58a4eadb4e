package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.Action;
import io.argo4j.engine.Observations;
import io.argo4j.engine.Plan;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.TemplateCatalog;
import io.argo4j.engine.locks.HeldLocks;
import io.argo4j.engine.locks.LimitSource;
import io.argo4j.engine.locks.LockName;
import io.argo4j.engine.locks.LockTable;
import io.argo4j.model.Workflow;
import io.argo4j.testkit.sim.FaultKind;
import io.argo4j.testkit.sim.Reconciler;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The simulated workflow controller: one worker draining a work queue, reading workflows and pods
 * from its informer cache, calling the engine, persisting the plan's workflow with a
 * resourceVersion check, and only then applying its actions. A 409 re-reads the latest version and
 * retries; a write timeout retries later without acting; a plan that changed nothing is only acted
 * on after a quorum read proves the cached copy is the latest (a stale copy never causes an
 * action). A crash loses the cache and the queue; the restarted controller relists.
 *
 * <p>This is the controller logic of the simulation. When the Kubernetes runtime's controller
 * lands, its work-queue and write logic can replace this class behind the same {@link ApiServer}
 * and {@link Informer} seams.
 */
public final class Controller {
  /** How often every cached workflow is reconciled even with no event. */
  static final long RESYNC_MILLIS = 300_000;

  /** How often the watch expires and the informer relists (bounds the effect of lost events). */
  static final long RELIST_MILLIS = 900_000;

  /** Engine failures in a row after which a workflow is marked Error (poison isolation). */
  static final int MAX_ENGINE_FAILURES = 3;

  /** Observes engine exceptions (the invariant checker). */
  public interface EngineFailureListener {
    void engineThrew(String workflow, RuntimeException e);
  }

  private enum CrashPoint {
    NONE,
    BEFORE_WRITE,
    AFTER_WRITE,
    MID_ACTIONS
  }

  private final ApiServer api;
  private final Scheduler scheduler;
  private final Trace trace;
  private final Stats stats;
  private final FaultPlan faults;
  private final RandomGenerator rng;
  private final Reconciler reconciler;
  private final Kubelet kubelet;
  private final TemplateCatalog templates;
  private final EngineFailureListener failures;
  private final Map<String, Integer> engineFailures = new HashMap<>();
  private Informer informer;
  private WorkQueue queue;
  private LockTable locks;

  /** Semaphore limits of the simulated cluster's ConfigMaps. */
  static final LimitSource LIMITS =
      lock ->
          lock.resourceName().equals(WorkloadGenerator.SEMAPHORE_CONFIG_MAP)
                  && (lock.key().equals(WorkloadGenerator.SEMAPHORE_KEY)
                      || lock.key().equals(WorkloadGenerator.WORKFLOW_SEMAPHORE_KEY))
              ? new LimitSource.Limit.Known(WorkloadGenerator.SEMAPHORE_LIMIT)
              : LimitSource.missingConfigMap(lock);

  private int generation;
  private long skewMillis;

  public Controller(
      ApiServer api,
      Scheduler scheduler,
      Trace trace,
      Stats stats,
      FaultPlan faults,
      Reconciler reconciler,
      Kubelet kubelet,
      TemplateCatalog templates,
      EngineFailureListener failures) {
    this.api = api;
    this.scheduler = scheduler;
    this.trace = trace;
    this.stats = stats;
    this.faults = faults;
    this.rng = faults.rng();
    this.reconciler = reconciler;
    this.kubelet = kubelet;
    this.templates = templates;
    this.failures = failures;
  }

  // ---- process lifecycle --------------------------------------------------------------------

  public void start() {
    int gen = ++generation;
    queue = new WorkQueue();
    informer = new Informer(gen, key -> queue.add(key, scheduler.now()));
    informer.relist(api);
    // a restarted controller knows only what the stored statuses say is held (Argo #8684)
    locks =
        LockTable.rebuild(api.workflows().stream().map(StoredWorkflow::workflow).toList(), LIMITS);
    engineFailures.clear();
    trace.add("controller", "started (generation " + gen + "), listed everything");
    scheduler.after(RESYNC_MILLIS, () -> resync(gen));
    scheduler.after(RELIST_MILLIS, () -> periodicRelist(gen));
  }

  private void crash(String where) {
    faults.injected(FaultKind.CONTROLLER_CRASH, where);
    informer = null;
    queue = null;
    locks = null;
    scheduler.after(1_000 + rng.nextLong(30_000), this::start);
  }

  private void resync(int gen) {
    if (gen == generation && informer != null) {
      for (StoredWorkflow w : api.workflows()) {
        if (informer.workflow(w.name()) != null) {
          queue.add(w.name(), scheduler.now());
        }
      }
      scheduler.after(RESYNC_MILLIS, () -> resync(gen));
    }
  }

  private void periodicRelist(int gen) {
    if (gen == generation && informer != null) {
      relist();
      scheduler.after(RELIST_MILLIS, () -> periodicRelist(gen));
    }
  }

  /** The informer receiving watch events now, or null while the controller is down. */
  public Informer informer() {
    return informer;
  }

  public void relist() {
    if (informer != null) {
      trace.add("controller", "informer relists");
      informer.relist(api);
    }
  }

  /** The controller's clock, which may be skewed from the true time. */
  public Instant now() {
    return scheduler.instant().plusMillis(skewMillis);
  }

  public void jumpClock(long deltaMillis) {
    skewMillis += deltaMillis;
  }

  public long nextDue() {
    return queue == null ? Long.MAX_VALUE : queue.nextDue();
  }

  /** Processes the work item due first, if any. */
  public void processDue() {
    if (queue == null) {
      return;
    }
    String key = queue.poll(scheduler.now());
    if (key != null) {
      reconcile(key);
    }
  }

  // ---- one reconcile --------------------------------------------------------------------------

  private void reconcile(String key) {
    StoredWorkflow cached = informer.workflow(key);
    if (cached == null) {
      requeue(locks.remove(HeldLocks.workflowKey("default", key)));
      return;
    }
    stats.reconciles++;
    Plan plan;
    try {
      plan = reconciler.reconcile(cached.workflow(), observe(key), now());
      engineFailures.remove(key);
    } catch (RuntimeException e) {
      engineFailed(key, e);
      return;
    }
    CrashPoint crash = CrashPoint.NONE;
    if (faults.decide(FaultKind.CONTROLLER_CRASH)) {
      crash = CrashPoint.values()[1 + rng.nextInt(3)];
    }
    if (crash == CrashPoint.BEFORE_WRITE) {
      crash("before persisting " + key);
      return;
    }
    if (plan.changed()) {
      if (!persist(key, plan.workflow(), cached.rv())) {
        return;
      }
    } else if (!plan.actions().isEmpty()) {
      StoredWorkflow latest = api.getWorkflow(key);
      if (latest == null || latest.rv() != cached.rv()) {
        trace.add("controller", key + ": cached copy is stale, not acting; re-read");
        if (latest != null) {
          informer.writeThrough(latest);
        }
        queue.add(key, scheduler.now() + 10);
        return;
      }
    }
    requeue(locks.update(HeldLocks.workflowKey(cached.workflow()), plan.lockClaims()));
    if (crash == CrashPoint.AFTER_WRITE && !plan.actions().isEmpty()) {
      crash("after persisting " + key + ", before " + plan.actions().size() + " actions");
      return;
    }
    int applied = 0;
    for (Action a : plan.actions()) {
      if (crash == CrashPoint.MID_ACTIONS && applied == plan.actions().size() / 2) {
        crash("after " + applied + " of " + plan.actions().size() + " actions of " + key);
        return;
      }
      apply(key, a);
      applied++;
    }
    plan.requeueAt().ifPresent(t -> queue.add(key, toSchedulerTime(t)));
  }

  private boolean persist(String key, Workflow wf, long rv) {
    StoredWorkflow latest = api.getWorkflow(key);
    if (latest != null && faults.decide(FaultKind.WRITE_CONFLICT)) {
      Workflow touched =
          latest
              .workflow()
              .withMetadata(
                  new ObjectMetaBuilder(latest.workflow().metadata())
                      .addToAnnotations("sim.argo4j.io/touched", Long.toString(latest.rv()))
                      .build());
      api.updateWorkflow("other-client", touched, latest.rv());
      faults.injected(FaultKind.WRITE_CONFLICT, "another client updated " + key + " first");
    }
    stats.statusWrites++;
    if (faults.decide(FaultKind.WRITE_TIMEOUT)) {
      boolean committed = rng.nextBoolean();
      ApiServer.WriteResult r =
          committed
              ? api.updateWorkflow("controller", wf, rv)
              : new ApiServer.WriteResult.NotFound();
      faults.injected(
          FaultKind.WRITE_TIMEOUT,
          "status write of "
              + key
              + " timed out ("
              + (r instanceof ApiServer.WriteResult.Ok ? "it was committed" : "not committed")
              + ")");
      queue.add(key, scheduler.now() + 1_000);
      return false;
    }
    switch (api.updateWorkflow("controller", wf, rv)) {
      case ApiServer.WriteResult.Ok ok -> {
        informer.writeThrough(ok.stored());
        trace.add(
            "controller", key + " status written (rv " + ok.stored().rv() + ")" + summary(wf));
        return true;
      }
      case ApiServer.WriteResult.Conflict c -> {
        stats.conflicts++;
        trace.add(
            "controller", key + ": 409 (had rv " + rv + ", now " + c.currentRv() + "), re-read");
        StoredWorkflow fresh = api.getWorkflow(key);
        if (fresh != null) {
          informer.writeThrough(fresh);
        }
        queue.add(key, scheduler.now() + 10);
        return false;
      }
      case ApiServer.WriteResult.NotFound n -> {
        return false;
      }
    }
  }

  private void apply(String key, Action a) {
    switch (a) {
      case Action.StartPod s -> {
        if (kubelet.create(key, s)) {
          stats.podsCreated++;
        }
      }
      case Action.StopPod s -> kubelet.stop(s.podName(), s.reason() + ": " + s.message());
      case Action.DeletePod d -> kubelet.delete(d.podName());
    }
  }

  private Observations observe(String key) {
    Map<String, PodObservation> pods = new HashMap<>();
    for (PodSnapshot p : informer.pods()) {
      if (!p.workflow().equals(key)) {
        continue;
      }
      PodObservation o = p.observation();
      TaskResultSnapshot tr = informer.taskResult(p.nodeId());
      if (tr != null) {
        o =
            new PodObservation(
                o.podName(),
                o.phase(),
                o.reason(),
                o.message(),
                o.startedAt(),
                o.finishedAt(),
                o.deleting(),
                o.containers(),
                tr.outputs(),
                o.hostNodeName(),
                o.podIp());
      }
      pods.put(p.nodeId(), o);
    }
    return new Observations(pods, templates, locks.view(HeldLocks.workflowKey("default", key)));
  }

  /** Reconciles the workflows the lock table granted something. */
  private void requeue(java.util.Set<String> workflowKeys) {
    for (String k : workflowKeys) {
      queue.add(k.substring(k.indexOf('/') + 1), scheduler.now());
    }
  }

  /** Who holds which lock in the controller's table (nothing while the controller is down). */
  public Map<LockName, java.util.List<String>> lockHolders() {
    return locks == null ? Map.of() : locks.holders();
  }

  private void engineFailed(String key, RuntimeException e) {
    failures.engineThrew(key, e);
    int n = engineFailures.merge(key, 1, Integer::sum);
    trace.add("controller", key + ": engine threw (" + n + " in a row): " + e);
    if (n < MAX_ENGINE_FAILURES) {
      queue.add(key, scheduler.now() + (1_000L << n));
      return;
    }
    StoredWorkflow latest = api.getWorkflow(key);
    if (latest == null) {
      return;
    }
    if (!PoisonedWorkflows.isCompleted(latest.workflow())) {
      Workflow failed =
          PoisonedWorkflows.markError(
              latest.workflow(), "reconcile failed " + n + " times: " + e.getMessage(), now());
      if (!(api.updateWorkflow("controller", failed, latest.rv())
          instanceof ApiServer.WriteResult.Ok ok)) {
        queue.add(key, scheduler.now());
        return;
      }
      informer.writeThrough(ok.stored());
      trace.add("controller", key + " isolated: marked Error");
    }
    // the engine cannot run it any more: whatever it held goes to the next waiters
    requeue(locks.remove(HeldLocks.workflowKey("default", key)));
    for (PodSnapshot p : informer.pods()) {
      if (p.workflow().equals(key)) {
        kubelet.delete(p.podName());
      }
    }
  }

  private long toSchedulerTime(Instant t) {
    return t.toEpochMilli() - Scheduler.EPOCH.toEpochMilli() - skewMillis;
  }

  private static String summary(Workflow wf) {
    if (wf.status() == null || wf.status().phase() == null) {
      return "";
    }
    return ": " + wf.status().phase().value();
  }
}
