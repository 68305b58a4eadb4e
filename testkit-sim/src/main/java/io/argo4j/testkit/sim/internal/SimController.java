package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.locks.LockName;
import io.argo4j.runtime.kubernetes.ControllerConfig;
import io.argo4j.runtime.kubernetes.ControllerSettings;
import io.argo4j.runtime.kubernetes.WorkflowKey;
import io.argo4j.runtime.kubernetes.internal.ControllerLocks;
import io.argo4j.runtime.kubernetes.internal.ControllerMetrics;
import io.argo4j.runtime.kubernetes.internal.CronReconciler;
import io.argo4j.runtime.kubernetes.internal.ModelCodec;
import io.argo4j.runtime.kubernetes.internal.PodFactory;
import io.argo4j.runtime.kubernetes.internal.PodTask;
import io.argo4j.runtime.kubernetes.internal.PodTaskRunner;
import io.argo4j.runtime.kubernetes.internal.Throttler;
import io.argo4j.runtime.kubernetes.internal.WorkQueue;
import io.argo4j.runtime.kubernetes.internal.WorkflowReconciler;
import io.argo4j.testkit.sim.FaultKind;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One controller of the Kubernetes runtime, run on the simulation's scheduler: the production
 * {@link WorkflowReconciler}, its {@link WorkQueue}s, {@link PodTaskRunner} and {@link
 * CronReconciler}, over a {@link SimCluster}. What {@code WorkflowController} does with threads and
 * timers (draining the queues, resync, cron sync) is done here one item at a time in virtual time,
 * on the controller's own clock (which may be skewed). A crash throws the whole incarnation away
 * (cache, queues, in-memory state) and starts a new one after a delay.
 */
public final class SimController {
  /** How often the watch expires and the informer relists (bounds the effect of lost events). */
  static final long RELIST_MILLIS = 900_000;

  /** Observes engine exceptions (the invariant checker). */
  public interface EngineFailureListener {
    void engineThrew(String workflow, RuntimeException e);
  }

  /** Everything a controller incarnation holds in memory; lost when it dies. */
  private record Process(
      SimCluster cluster,
      WorkQueue<WorkflowKey> workflows,
      WorkQueue<PodTask> podTasks,
      WorkflowReconciler reconciler,
      PodTaskRunner podTaskRunner,
      CronReconciler crons,
      ControllerLocks locks) {}

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /**
   * The controller logs every failed API call; in the simulation the trace already tells them, and
   * formatting thousands of warnings per second would dominate the run. Held so it is not
   * collected.
   */
  private static final java.util.logging.Logger CONTROLLER_LOG = quiet("io.argo4j.runtime");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
    l.setLevel(java.util.logging.Level.OFF);
    return l;
  }

  private final String id;
  private final ApiServer api;
  private final Scheduler scheduler;
  private final Trace trace;
  private final Stats stats;
  private final FaultPlan faults;
  private final RandomGenerator rng;
  private final Kubelet kubelet;
  private final ControllerConfig config;
  private final WorkflowReconciler.Engine engine;
  private final Set<String> stuckFinalizers;
  private final InstantSource clock;
  private final SimController clockSource;
  private Process process;
  private int generation;
  private boolean retired;
  private long skewMillis;
  private long busyUntil;

  /**
   * @param clockSource the controller whose clock this one shares (two controllers run on the same
   *     machine's clock), or null for its own
   */
  public SimController(
      String id,
      ApiServer api,
      Scheduler scheduler,
      Trace trace,
      Stats stats,
      FaultPlan faults,
      Kubelet kubelet,
      ControllerConfig config,
      WorkflowReconciler.Engine engine,
      Set<String> stuckFinalizers,
      SimController clockSource) {
    this.id = id;
    this.api = api;
    this.scheduler = scheduler;
    this.trace = trace;
    this.stats = stats;
    this.faults = faults;
    this.rng = faults.rng();
    this.kubelet = kubelet;
    this.config = config;
    this.engine = engine;
    this.stuckFinalizers = stuckFinalizers;
    this.clockSource = clockSource;
    this.clock = () -> scheduler.instant().plusMillis(skewMillis());
  }

  // ---- process lifecycle --------------------------------------------------------------------

  public void start() {
    if (retired) {
      return;
    }
    int gen = ++generation;
    SimCluster cluster =
        new SimCluster(
            id,
            api,
            kubelet,
            faults,
            trace,
            stats,
            config.apiCallTimeout(),
            millis -> busyUntil = Math.max(busyUntil, scheduler.now() + millis),
            stuckFinalizers);
    var workflows =
        new WorkQueue<WorkflowKey>(clock, config.failureBackoff(), config.maxFailureBackoff());
    var podTasks =
        new WorkQueue<PodTask>(clock, config.failureBackoff(), config.maxFailureBackoff());
    var pods =
        new PodFactory(
            config.executorImage(),
            config.podStatusFinalizer(),
            config.terminationGracePeriod(),
            new ModelCodec(SERIALIZATION),
            SERIALIZATION);
    var locks = new ControllerLocks(cluster, workflows::add, workflows::addAfterFailure);
    var reconciler =
        new WorkflowReconciler(
            cluster,
            engine,
            config,
            pods,
            podTasks,
            clock,
            new ControllerMetrics(),
            ControllerSettings::none,
            new Throttler(ControllerSettings::none, workflows::add),
            locks);
    Process p =
        new Process(
            cluster,
            workflows,
            podTasks,
            reconciler,
            new PodTaskRunner(cluster, config.podStatusFinalizer(), ControllerSettings::none),
            new CronReconciler(cluster),
            locks);
    process = p;
    cluster.start(workflows::add);
    // a restarted controller knows only what the stored statuses say is held (Argo #8684)
    locks.rebuild();
    cluster.cachedWorkflowKeys().forEach(workflows::add);
    trace.add(id, "started (generation " + gen + "), listed everything");
    long resync = config.resyncPeriod().toMillis();
    scheduler.after(resync, () -> every(gen, resync, this::resync));
    scheduler.after(RELIST_MILLIS, () -> every(gen, RELIST_MILLIS, this::relist));
    long cronPeriod = config.cronSyncPeriod().toMillis();
    scheduler.after(cronPeriod, () -> every(gen, cronPeriod, this::syncCrons));
  }

  /** F10: this controller stops for good (its lease is gone, the surge is over). */
  public void retire() {
    retired = true;
    if (process != null) {
      process.cluster().close();
      process = null;
      trace.add(id, "stops for good");
    }
  }

  private void crash(String where) {
    process.cluster().close();
    process = null;
    trace.add(id, "died " + where);
    scheduler.after(1_000 + rng.nextLong(30_000), this::start);
  }

  private void every(int gen, long period, Runnable task) {
    if (gen == generation && process != null) {
      task.run();
      if (gen == generation && process != null) {
        scheduler.after(period, () -> every(gen, period, task));
      }
    }
  }

  private void resync() {
    process.cluster().cachedWorkflowKeys().forEach(process.workflows()::add);
    process.cluster().cachedOwnerKeys().forEach(process.workflows()::add);
    process.locks().sweep();
  }

  /** The watch expired: the informer lists everything again. */
  public void relist() {
    if (process != null) {
      trace.add(id, "informer relists");
      process.cluster().relist();
    }
  }

  private void syncCrons() {
    if (api.crons().isEmpty()) {
      return;
    }
    Process p = process;
    p.cluster().beginItem(crashPoint());
    try {
      p.crons().sync(clock.instant());
    } catch (ControllerCrashed e) {
      crash(e.getMessage());
    } catch (RuntimeException e) {
      trace.add(id, "cron sync failed: " + e.getMessage());
    }
  }

  /** Who holds which lock in this controller's table (nothing while it is down). */
  public Map<LockName, List<String>> lockHolders() {
    return process == null ? Map.of() : process.locks().holders();
  }

  /** The informer receiving watch events now, or null while the controller is down. */
  public Informer informer() {
    return process == null ? null : process.cluster().informer();
  }

  // ---- clock ---------------------------------------------------------------------------------

  private long skewMillis() {
    return clockSource != null ? clockSource.skewMillis() : skewMillis;
  }

  public void jumpClock(long deltaMillis) {
    skewMillis += deltaMillis;
  }

  private long toSchedulerMillis(Instant t) {
    long ms = t.toEpochMilli() + (t.getNano() % 1_000_000 == 0 ? 0 : 1);
    return ms - Scheduler.EPOCH.toEpochMilli() - skewMillis();
  }

  // ---- the work loop -------------------------------------------------------------------------

  /** When this controller next has work due, in scheduler time; Long.MAX_VALUE if none. */
  public long nextDue() {
    if (process == null) {
      return Long.MAX_VALUE;
    }
    Optional<Instant> a = process.workflows().nextDue();
    Optional<Instant> b = process.podTasks().nextDue();
    long due = Long.MAX_VALUE;
    if (a.isPresent()) {
      due = Math.min(due, toSchedulerMillis(a.get()));
    }
    if (b.isPresent()) {
      due = Math.min(due, toSchedulerMillis(b.get()));
    }
    if (due == Long.MAX_VALUE) {
      return due;
    }
    return Math.max(Math.max(due, scheduler.now()), busyUntil);
  }

  /** Processes one due work item (a workflow first, then delayed pod work), if any. */
  public void processDue() {
    Process p = process;
    if (p == null || busyUntil > scheduler.now()) {
      return;
    }
    Optional<WorkflowKey> key = p.workflows().poll();
    if (key.isPresent()) {
      process(
          p,
          p.workflows(),
          key.get(),
          k -> p.reconciler().reconcile(k).ifPresent(at -> p.workflows().addAt(k, at)));
      return;
    }
    Optional<PodTask> task = p.podTasks().poll();
    task.ifPresent(t -> process(p, p.podTasks(), t, p.podTaskRunner()::run));
  }

  /** What WorkflowController's workers do with an item: run it, back off on failure. */
  private <K> void process(Process p, WorkQueue<K> queue, K key, Consumer<K> work) {
    p.cluster().beginItem(crashPoint());
    try {
      work.accept(key);
      queue.forget(key);
    } catch (ControllerCrashed e) {
      crash(e.getMessage());
      return;
    } catch (RuntimeException e) {
      trace.add(id, key + " failed, will retry: " + e.getMessage());
      queue.addAfterFailure(key);
    }
    queue.done(key);
  }

  private SimCluster.CrashPoint crashPoint() {
    if (!faults.decide(FaultKind.CONTROLLER_CRASH)) {
      return SimCluster.CrashPoint.NONE;
    }
    return SimCluster.CrashPoint.values()[1 + rng.nextInt(3)];
  }
}
