package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.Submission;
import io.argo4j.engine.WorkflowEngine;
import io.argo4j.engine.locks.LockName;
import io.argo4j.model.CronWorkflow;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestException;
import io.argo4j.model.io.ManifestReader;
import io.argo4j.runtime.kubernetes.ControllerConfig;
import io.argo4j.runtime.kubernetes.internal.WorkflowReconciler;
import io.argo4j.testkit.sim.FaultKind;
import io.argo4j.testkit.sim.Reconciler;
import io.argo4j.testkit.sim.SimulationOptions;
import io.argo4j.testkit.sim.SimulationResult;
import io.argo4j.testkit.sim.WorkloadFeature;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/** Wires one seed's world together and runs it to quiescence, a violation, or the horizon. */
public final class SimulationRun {
  /** The namespace every simulated workflow runs in. */
  public static final String NAMESPACE = "default";

  /** The backstop: nothing may still be running this long after the start. */
  static final long HORIZON_MILLIS = 48 * 3_600_000L;

  /** How often the stuck/quiescence sweep runs. */
  static final long SWEEP_MILLIS = 60_000;

  /** A safety net against a livelock at one instant of virtual time. */
  static final long MAX_STEPS = 2_000_000;

  private final long seed;
  private final SimulationOptions options;
  private final Scheduler scheduler = new Scheduler();
  private final Trace trace = new Trace(scheduler);
  private final Stats stats = new Stats();
  private final Map<String, Long> submittedAt = new HashMap<>();
  private final Map<String, Boolean> exitHandlers = new HashMap<>();
  private final Map<String, TemplateBehaviour> behaviours = new HashMap<>();
  private final List<SimController> controllers = new ArrayList<>();
  private CronWorkload cronWorkload;
  private boolean cronSuspended;
  private boolean ended;
  private int quietSweeps;

  public SimulationRun(long seed, SimulationOptions options) {
    this.seed = seed;
    this.options = options;
  }

  public SimulationResult run() {
    SplittableRandom root = new SplittableRandom(seed);
    RandomGenerator faultRng = root.split();
    RandomGenerator workRng = root.split();
    FaultPlan faults =
        FaultPlan.draw(faultRng, options.faults(), options.intensity(), stats, trace);
    List<Workload> workloads = workloads(workRng, faults);
    Set<String> poisoned = new HashSet<>();
    List<Workflow> workflows = new ArrayList<>();
    for (int i = 0; i < workloads.size(); i++) {
      Workload w = workloads.get(i);
      Workflow wf = parse(w.yaml(), i);
      String name = wf.metadata().getName();
      workflows.add(wf);
      if (w.poisoned()) {
        poisoned.add(name);
      }
      w.behaviours().forEach((t, b) -> behaviours.put(name + "/" + t, b));
      exitHandlers.put(
          name,
          wf.spec().onExit() != null
              || (wf.spec().hooks() != null && wf.spec().hooks().containsKey("exit")));
    }
    Set<String> engineKillers = new HashSet<>();
    for (String p : poisoned) {
      if (p.endsWith("-engine")) {
        engineKillers.add(p);
      }
    }

    RandomGenerator rng = faults.rng();
    ApiServer api = new ApiServer(scheduler);
    ControllerConfig config = ControllerConfig.defaults().withEngine(options.engineConfig());
    long stuckAfter =
        options.engineConfig().taskResultTimeout().toMillis()
            + SimController.RELIST_MILLIS
            + Kubelet.NODE_LOST_GC_MILLIS
            + 10 * 60_000L;
    Invariants invariants = new Invariants(api, scheduler, trace, poisoned, stuckAfter);
    Reconciler engine =
        options.engine().apply(Reconciler.of(new WorkflowEngine(options.engineConfig())));
    WorkflowReconciler.Engine instrumented =
        (wf, obs, now) -> {
          String name = wf.metadata().getName();
          stats.reconciles++;
          try {
            if (engineKillers.contains(name)) {
              throw new IllegalStateException("injected poison: the engine cannot handle this one");
            }
            return engine.reconcile(wf, obs, now);
          } catch (RuntimeException e) {
            invariants.engineThrew(name, e);
            throw e;
          }
        };
    Kubelet kubelet =
        new Kubelet(
            api,
            scheduler,
            trace,
            faults,
            (wf, t) ->
                behaviours.getOrDefault(
                    wf + "/" + t.name(),
                    behaviours.getOrDefault(
                        CronWorkload.cronOf(wf) + "/" + t.name(), TemplateBehaviour.DEFAULT)));
    Set<String> stuckFinalizers = new TreeSet<>();
    invariants.stuckFinalizers(stuckFinalizers);
    SimController controller =
        new SimController(
            "controller",
            api,
            scheduler,
            trace,
            stats,
            faults,
            kubelet,
            config,
            instrumented,
            stuckFinalizers,
            null);
    controllers.add(controller);
    api.listen(invariants);
    CronChecks cronChecks = new CronChecks(invariants, scheduler);
    api.listen(cronChecks);
    api.listen(
        new ApiServer.Listener() {
          @Override
          public void onWorkflowWrite(String writer, StoredWorkflow before, StoredWorkflow after) {
            if (before == null) {
              submittedAt.putIfAbsent(after.name(), scheduler.now());
            }
          }
        });
    api.listen(new WatchStream(scheduler, faults, controller::informer, controller::relist));
    controller.start();
    if (faults.decide(FaultKind.TWO_CONTROLLERS)) {
      SimController second =
          new SimController(
              "controller-2",
              api,
              scheduler,
              trace,
              stats,
              faults,
              kubelet,
              config,
              instrumented,
              stuckFinalizers,
              controller);
      controllers.add(second);
      api.listen(new WatchStream(scheduler, faults, second::informer, second::relist));
      long from = rng.nextLong(20 * 60_000);
      long until = from + 60_000 + rng.nextLong(60 * 60_000);
      scheduler.at(
          from,
          () -> {
            faults.injected(
                FaultKind.TWO_CONTROLLERS,
                "a second controller runs for " + (until - from) / 1000 + "s");
            second.start();
          });
      scheduler.at(until, second::retire);
    }

    Users users = new Users(api, faults, trace);
    for (Workflow wf : workflows) {
      String name = wf.metadata().getName();
      long at = rng.nextLong(30_000);
      scheduler.at(
          at,
          () -> {
            submittedAt.put(name, scheduler.now());
            trace.add("user", "argo submit " + name);
            api.createWorkflow(wf);
          });
      if (poisoned.contains(name)) {
        continue;
      }
      if (faults.decide(FaultKind.USER_STOP)) {
        scheduler.at(
            at + rng.nextLong(20 * 60_000),
            () -> users.shutdown(name, "Stop", FaultKind.USER_STOP));
      }
      if (faults.decide(FaultKind.USER_TERMINATE)) {
        scheduler.at(
            at + rng.nextLong(20 * 60_000),
            () -> users.shutdown(name, "Terminate", FaultKind.USER_TERMINATE));
      }
    }
    scheduleClockJumps(faults, controller, rng);
    if (cronWorkload != null) {
      scheduleCron(api, cronChecks, rng.nextLong(60_000));
    }
    scheduler.after(SWEEP_MILLIS, () -> sweep(invariants));

    long steps = 0;
    while (!ended && invariants.violations().isEmpty()) {
      SimController due = controllers.getFirst();
      for (SimController c : controllers) {
        if (c.nextDue() < due.nextDue()) {
          due = c;
        }
      }
      long next = Math.min(scheduler.nextDue(), due.nextDue());
      if (next == Long.MAX_VALUE || next > HORIZON_MILLIS) {
        break;
      }
      if (++steps > MAX_STEPS) {
        trace.add("sim", "step limit reached at one instant: livelock");
        break;
      }
      scheduler.advanceTo(next);
      if (scheduler.nextDue() <= scheduler.now()) {
        scheduler.runDue();
      } else {
        due.processDue();
      }
    }
    if (invariants.violations().isEmpty()) {
      if (cronWorkload != null) {
        boolean exit = cronWorkload.cron().spec().workflowSpec().onExit() != null;
        for (StoredWorkflow w : api.workflows()) {
          if (CronWorkload.cronOf(w.name()).equals(CronWorkload.NAME)) {
            exitHandlers.putIfAbsent(w.name(), exit);
          }
        }
      }
      invariants.atEnd(exitHandlers);
      invariants.atEndLocks(lockHolders());
      cronChecks.atEnd(stats.faults.containsKey(FaultKind.CLOCK_JUMP_FORWARD));
    }
    long workflowMillis = 0;
    for (Map.Entry<String, Long> e : submittedAt.entrySet()) {
      long end = invariants.terminalSince().getOrDefault(e.getKey(), scheduler.now());
      workflowMillis += Math.max(0, end - e.getValue());
    }
    return new SimulationResult(
        seed,
        invariants.violations(),
        trace.lines(),
        stats.faults,
        stats.reconciles,
        stats.podsCreated,
        stats.statusWrites,
        workflowMillis,
        invariants.reexecutions,
        manifests(workloads),
        api.workflows().stream().map(StoredWorkflow::workflow).toList());
  }

  private List<String> manifests(List<Workload> workloads) {
    List<String> out = new ArrayList<>(workloads.stream().map(Workload::yaml).toList());
    if (cronWorkload != null) {
      out.add(cronWorkload.yaml());
    }
    return out;
  }

  /** The lock holders of every controller's table (two may run at once, F10). */
  private Map<LockName, List<String>> lockHolders() {
    Map<LockName, List<String>> all = new HashMap<>();
    for (SimController c : controllers) {
      c.lockHolders()
          .forEach(
              (lock, holders) -> all.computeIfAbsent(lock, l -> new ArrayList<>()).addAll(holders));
    }
    return all;
  }

  private void sweep(Invariants invariants) {
    invariants.checkLocks(lockHolders());
    if (invariants.sweepForStuck()) {
      ended = true;
      return;
    }
    boolean cronAtRest = cronWorkload == null || cronSuspended;
    // a permit a controller's table still lists (its release bounded by I6) keeps the run going
    boolean quiet = cronAtRest && invariants.quiescent() && lockHolders().isEmpty();
    quietSweeps = quiet ? quietSweeps + 1 : 0;
    if (quietSweeps >= 3) {
      trace.add("sim", "quiescent: every workflow completed, no pod left running");
      ended = true;
      return;
    }
    scheduler.after(SWEEP_MILLIS, () -> sweep(invariants));
  }

  /** The CronWorkflow is created at {@code at}; a user suspends it later. */
  private void scheduleCron(ApiServer api, CronChecks checks, long at) {
    scheduler.at(
        at,
        () -> {
          CronWorkflow c = cronWorkload.cron();
          CronWorkflow created =
              c.withMetadata(
                  new ObjectMetaBuilder(c.metadata())
                      .withNamespace(NAMESPACE)
                      .withUid("uid-" + seed + "-cron")
                      .withCreationTimestamp(scheduler.instant().toString())
                      .build());
          trace.add("user", "argo cron create " + c.metadata().getName());
          api.createCron(created);
          checks.created(created);
        });
    scheduler.at(
        at + cronWorkload.suspendAfterMillis(),
        () -> {
          for (int attempt = 0; attempt < 10; attempt++) {
            ApiServer.StoredCron s = api.crons().getFirst();
            CronWorkflow c = s.cron();
            if (api.updateCron(c.withSpec(c.spec().toBuilder().suspend(true).build()), s.rv())) {
              trace.add("user", "argo cron suspend " + c.metadata().getName());
              checks.suspended(c.metadata().getName());
              cronSuspended = true;
              return;
            }
          }
          throw new IllegalStateException("could not suspend the CronWorkflow in 10 attempts");
        });
  }

  private void scheduleClockJumps(FaultPlan faults, SimController controller, RandomGenerator rng) {
    if (faults.decide(FaultKind.CLOCK_JUMP_FORWARD)) {
      long delta = 1_000 + rng.nextLong(600_000);
      scheduler.at(
          rng.nextLong(30 * 60_000),
          () -> {
            faults.injected(FaultKind.CLOCK_JUMP_FORWARD, "controller clock +" + delta + "ms");
            controller.jumpClock(delta);
          });
    }
    if (faults.decide(FaultKind.CLOCK_JUMP_BACKWARD)) {
      long delta = 1_000 + rng.nextLong(120_000);
      scheduler.at(
          rng.nextLong(30 * 60_000),
          () -> {
            faults.injected(FaultKind.CLOCK_JUMP_BACKWARD, "controller clock -" + delta + "ms");
            controller.jumpClock(-delta);
          });
    }
  }

  private List<Workload> workloads(RandomGenerator rng, FaultPlan faults) {
    List<Workload> out = new ArrayList<>();
    if (!options.workflows().isEmpty()) {
      for (String yaml : options.workflows()) {
        if (CronWorkload.isCronWorkflow(yaml)) {
          cronWorkload = CronWorkload.of(yaml);
        } else {
          out.add(Workload.of(yaml));
        }
      }
      return out;
    }
    WorkloadGenerator gen = new WorkloadGenerator(rng, options.features());
    int n = 1 + rng.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.add(gen.generate("sim-" + i));
    }
    if (options.features().contains(WorkloadFeature.CRON) && rng.nextDouble() < 0.25) {
      cronWorkload = CronWorkload.generate(rng, gen);
      cronWorkload.behaviours().forEach((t, b) -> behaviours.put(CronWorkload.NAME + "/" + t, b));
    }
    if (faults.decide(FaultKind.POISON_INVALID_SPEC)) {
      faults.injected(FaultKind.POISON_INVALID_SPEC, "sim-poison-spec has an invalid spec");
      out.add(gen.invalid("sim-poison-spec"));
    }
    if (faults.decide(FaultKind.POISON_ENGINE_EXCEPTION)) {
      faults.injected(FaultKind.POISON_ENGINE_EXCEPTION, "the engine throws on sim-poison-engine");
      Workload w = gen.generate("sim-poison-engine");
      out.add(new Workload(w.yaml(), w.behaviours(), true));
    }
    return out;
  }

  private Workflow parse(String yaml, int index) {
    try {
      Workflow manifest =
          ManifestReader.strict()
              .read(yaml, "workflow-" + index + ".yaml")
              .requireOne(Workflow.class);
      return new Submission(
              NAMESPACE,
              "s" + index,
              "uid-" + seed + "-" + index,
              Scheduler.EPOCH,
              Map.of(),
              null,
              Map.of())
          .apply(manifest);
    } catch (ManifestException e) {
      throw new IllegalArgumentException(
          "workflow " + index + " does not parse: " + e.getMessage() + "\n" + yaml, e);
    }
  }
}
