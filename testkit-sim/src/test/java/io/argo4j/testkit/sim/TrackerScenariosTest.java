package io.argo4j.testkit.sim;

import static io.argo4j.testkit.sim.StuckWorkflowScenariosTest.ONE_STEP;
import static io.argo4j.testkit.sim.StuckWorkflowScenariosTest.ONE_STEP_RETRY_ON_ERROR;
import static io.argo4j.testkit.sim.StuckWorkflowScenariosTest.WITH_OUTPUT;
import static io.argo4j.testkit.sim.StuckWorkflowScenariosTest.firstSeedWhere;
import static io.argo4j.testkit.sim.StuckWorkflowScenariosTest.firstSeedWith;
import static io.argo4j.testkit.sim.StuckWorkflowScenariosTest.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of Argo's tracker (perf-reliability.md 4.3) not already named in {@link
 * StuckWorkflowScenariosTest}, run against the real engine and the real controller. Each: given a
 * workload, when the fault hits (the first seed in which it took effect), then the named outcome
 * holds and no invariant breaks.
 */
class TrackerScenariosTest {

  static final String RETRY_ON_TRANSIENT_ERROR =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: one}
      spec:
        entrypoint: main
        templates:
        - name: main
          retryStrategy: {limit: 3, retryPolicy: OnTransientError}
          container: {image: busybox, command: [sleep, "30"]}
      """;

  static final String CRON_EVERY_TWO_MINUTES =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: CronWorkflow
      metadata: {name: sim-cron}
      spec:
        schedules: ["*/2 * * * *"]
        concurrencyPolicy: %s
        successfulJobsHistoryLimit: 1
        failedJobsHistoryLimit: 1
        workflowSpec:
          entrypoint: main
          templates:
          - name: main
            container: {image: busybox, command: [sleep, "30"]}
      """;

  // ---- scenario 6: a pod that never started is retried under OnTransientError ----------------

  @Test
  void givenRetryOnTransientError_whenThePodIsDeletedBeforeItStarts_thenAnotherAttemptRuns() {
    // covers the "never started" half of scenario 6 ("pod deleted" is a transient error); the
    // simulated kubelet evicts only running pods
    SimulationResult r =
        firstSeedWith(RETRY_ON_TRANSIENT_ERROR, FaultKind.POD_DELETED_BEFORE_START);
    Workflow wf = r.workflow("one");
    assertThat(node(wf, "one(0)").phase()).isEqualTo(NodePhase.ERROR);
    assertThat(node(wf, "one(1)")).isNotNull();
  }

  // ---- scenarios 8 and 9: locks -------------------------------------------------------------

  static final String MUTEX_ON_STEPS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: %s}
      spec:
        entrypoint: main
        templates:
        - name: main
          synchronization: {mutex: {name: shared}}
          steps:
          - - {name: work, template: work}
        - name: work
          container: {image: busybox, command: [sleep, "120"]}
      """;

  static final String SEMAPHORE_ON_STEP =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: %s}
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: work, template: work}
        - name: work
          synchronization:
            semaphore: {configMapKeyRef: {name: sim-limits, key: slots}}
          container: {image: busybox, command: [sleep, "120"]}
      """;

  @Test
  void
      givenAMutexHeldByAStepsTemplate_whenTheControllerRestartsWhileItIsHeld_thenTheHolderKeepsIt() {
    List<String> names = List.of("one", "two", "three");
    String[] yaml = names.stream().map(MUTEX_ON_STEPS::formatted).toArray(String[]::new);
    SimulationOptions options =
        SimulationOptions.defaults()
            .withWorkflows(yaml)
            .withFaults(EnumSet.of(FaultKind.CONTROLLER_CRASH))
            .withIntensity(8);
    SimulationResult r =
        firstSeed(
            options,
            res -> {
              List<long[]> held = heldIntervals(res, names, "[0].work");
              return held.size() == names.size()
                  && crashTimes(res).stream()
                      .anyMatch(t -> held.stream().anyMatch(i -> i[0] < t && t < i[1]));
            });
    // the table rebuilt after the restart kept the holder: the steps never ran at the same time,
    // and every workflow got the mutex in turn (I6 and I1 checked by the run)
    List<long[]> held = heldIntervals(r, names, "[0].work");
    held.sort((a, b) -> Long.compare(a[0], b[0]));
    for (int i = 1; i < held.size(); i++) {
      assertThat(held.get(i)[0]).isGreaterThanOrEqualTo(held.get(i - 1)[1]);
    }
    names.forEach(
        n -> assertThat(r.workflow(n).status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED));
  }

  @Test
  void givenSemaphoreHolders_whenOneIsTerminatedWhileHolding_thenItsPermitGoesToAWaiter() {
    List<String> names = List.of("one", "two", "three", "four");
    String[] yaml = names.stream().map(SEMAPHORE_ON_STEP::formatted).toArray(String[]::new);
    SimulationOptions options =
        SimulationOptions.defaults()
            .withWorkflows(yaml)
            .withFaults(EnumSet.of(FaultKind.USER_TERMINATE))
            .withIntensity(8);
    SimulationResult r =
        firstSeed(
            options,
            res ->
                names.stream()
                        .anyMatch(n -> {
                          NodeStatus work = node(res.workflow(n), n + "[0].work");
                          return res.workflow(n).status().phase() == WorkflowPhase.FAILED
                              && work != null
                              && work.phase() != NodePhase.SUCCEEDED;
                        })
                    && names.stream()
                        .anyMatch(
                            n -> res.workflow(n).status().phase() == WorkflowPhase.SUCCEEDED));
    // four workflows, two permits: each workflow that was not terminated ran its step, so the
    // terminated holder's permit went back (I6: none held at quiescence, none recorded in a
    // completed status)
    for (String n : names) {
      Workflow wf = r.workflow(n);
      if (wf.status().phase() != WorkflowPhase.FAILED) {
        assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
        assertThat(node(wf, n + "[0].work").phase()).isEqualTo(NodePhase.SUCCEEDED);
      }
      assertThat(wf.status().synchronization()).isNull();
    }
  }

  /** The first of 2,000 seeds whose run meets {@code wanted}; it must have no violation. */
  private static SimulationResult firstSeed(
      SimulationOptions options, Predicate<SimulationResult> wanted) {
    for (long seed = 1; seed <= 2_000; seed++) {
      SimulationResult r = Simulation.run(seed, options);
      if (wanted.test(r)) {
        assertThat(r.violations()).as(r.report()).isEmpty();
        return r;
      }
    }
    throw new AssertionError("no seed met the scenario's condition");
  }

  /** [start, end) in simulated milliseconds of each workflow's node {@code name + suffix}. */
  private static List<long[]> heldIntervals(SimulationResult r, List<String> names, String suffix) {
    List<long[]> out = new ArrayList<>();
    for (String n : names) {
      NodeStatus node = node(r.workflow(n), n + suffix);
      if (node != null && node.startedAt() != null && node.finishedAt() != null) {
        out.add(
            new long[] {
              Duration.between(SIM_EPOCH, node.startedAt()).toMillis(),
              Duration.between(SIM_EPOCH, node.finishedAt()).toMillis()
            });
      }
    }
    return out;
  }

  private static final Instant SIM_EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final Pattern CRASH =
      Pattern.compile("\\+(\\d+)\\.(\\d{3})s FAULT\\s+CONTROLLER_CRASH");

  /** When the controller crashed, in simulated milliseconds. */
  private static List<Long> crashTimes(SimulationResult r) {
    List<Long> out = new ArrayList<>();
    for (String line : r.trace()) {
      Matcher m = CRASH.matcher(line);
      if (m.find()) {
        out.add(Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2)));
      }
    }
    return out;
  }

  // ---- scenario 11: two controllers at once ---------------------------------------------------

  @Test
  void givenTwoControllersAtOnce_whenBothReconcileTheSameWorkflow_thenOnePodAndNoLostUpdate() {
    SimulationResult r =
        firstSeedWhere(WITH_OUTPUT, "second controller", FaultKind.TWO_CONTROLLERS);
    assertThat(r.trace()).anyMatch(l -> l.contains("controller-2") && l.contains("started"));
    assertThat(r.workflow("one").status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(r.podsCreated()).isEqualTo(1);
  }

  // ---- scenario 12: CronWorkflow fired twice or wrongly ---------------------------------------

  @Test
  void givenACron_whenTheControllerCrashesAndASecondOneRuns_thenEachTickRunsExactlyOnce() {
    SimulationResult r =
        firstSeedWith(
            CRON_EVERY_TWO_MINUTES.formatted("Allow"),
            FaultKind.CONTROLLER_CRASH,
            FaultKind.TWO_CONTROLLERS,
            FaultKind.WATCH_EVENT_LOST);
    List<String> created = createdRuns(r);
    assertThat(created).doesNotHaveDuplicates();
    // 30 minutes of a two-minute schedule (I8 checks each tick of the window ran)
    assertThat(created.size()).isBetween(13, 16);
  }

  // ---- seed defect (d): a run whose pod vanished does not block Forbid forever ----------------

  @Test
  void givenForbid_whenARunsPodIsDeleted_thenTheRunEndsAndLaterTicksRunAgain() {
    SimulationResult r =
        firstSeedWith(
            CRON_EVERY_TWO_MINUTES.formatted("Forbid"), FaultKind.POD_DELETED_WHILE_RUNNING);
    assertThat(r.trace()).anyMatch(l -> l.contains("FAULT") && l.contains("sim-cron-"));
    // runs take at most a minute: Forbid skips no tick when each run ends (Error) in time
    assertThat(createdRuns(r).size()).isGreaterThanOrEqualTo(12);
  }

  // ---- scenario 14: stop leaves nothing running ----------------------------------------------

  @Test
  void givenAPodIgnoringTerm_whenTheWorkflowIsStopped_thenItIsKilledAndNothingRunsOn() {
    SimulationResult r = firstSeedWith(ONE_STEP, FaultKind.USER_STOP, FaultKind.TERM_IGNORED);
    Workflow wf = r.workflow("one");
    assertThat(wf.status().phase().isCompleted()).isTrue();
    // I2 (checked by the run): no pod still running 6 minutes after Stop, no node left unfinished
    wf.status().nodes().values().forEach(n -> assertThat(n.phase().isFulfilled()).isTrue());
  }

  // ---- scenario 15: terminate never reports Succeeded -----------------------------------------

  @Test
  void givenARunningStep_whenTheWorkflowIsTerminated_thenItIsFailedSayingSo() {
    SimulationResult r =
        firstSeedWhere(
            StuckWorkflowScenariosTest.EXIT_HANDLER.replace("[echo, hi]", "[sleep, \"600\"]"),
            "argo terminate",
            FaultKind.USER_TERMINATE);
    Workflow wf = r.workflow("one");
    if (wf.status().phase() != WorkflowPhase.SUCCEEDED) {
      assertThat(wf.status().phase()).isIn(WorkflowPhase.FAILED, WorkflowPhase.ERROR);
      assertThat(wf.status().message()).containsIgnoringCase("terminate");
    } else {
      // the terminate came after the workflow had finished ("already completed")
      assertThat(r.trace()).anyMatch(l -> l.contains("argo terminate one: already completed"));
    }
  }

  // ---- scenario 17 (the pod status finalizer; the engine has no artifact GC) ----------------

  @Test
  void
      givenAFinalizerThatCannotBeRemoved_whenItsPodEnds_thenTheWorkflowCompletesAndNoOtherPodIsHeld() {
    String fanOut =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: one}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - name: each
                template: leaf
                withItems: [a, b, c, d, e, f]
          - name: leaf
            container: {image: busybox, command: [echo, hi]}
        """;
    SimulationResult r = firstSeedWith(fanOut, FaultKind.FINALIZER_REMOVAL_FAILS);
    assertThat(r.workflow("one").status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    // I7 (checked at the end of the run): every other pod of the workflow lost its finalizer
    assertThat(r.violations()).isEmpty();
  }

  // ---- scenario 20: watch disconnects and lagging caches -------------------------------------

  @Test
  void givenWatchDisconnectsAndLag_whenReconciling_thenTheRelistRecoversAndItSucceeds() {
    SimulationResult r =
        firstSeedWith(WITH_OUTPUT, FaultKind.WATCH_DISCONNECT, FaultKind.WATCH_LAG_SPIKE);
    assertThat(r.workflow("one").status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(r.trace()).anyMatch(l -> l.contains("informer relists"));
  }

  // ---- scenario 22: clock anomalies -----------------------------------------------------------

  @Test
  void givenTheControllersClockJumps_whenNodesFinish_thenNoTimestampGoesBackwards() {
    SimulationResult r =
        firstSeedWith(
            ONE_STEP_RETRY_ON_ERROR,
            FaultKind.CLOCK_JUMP_BACKWARD,
            FaultKind.POD_DELETED_WHILE_RUNNING);
    Workflow wf = r.workflow("one");
    assertThat(wf.status().finishedAt()).isAfterOrEqualTo(wf.status().startedAt());
    for (NodeStatus n : wf.status().nodes().values()) {
      if (n.finishedAt() != null) {
        assertThat(n.finishedAt()).as(n.name()).isAfterOrEqualTo(n.startedAt());
      }
    }
  }

  // ---- scenario 23: the engine's own write amplification ------------------------------------

  @Test
  void givenAOneStepWorkflow_whenNothingGoesWrong_thenItTakesAFewStatusWrites() {
    SimulationOptions quiet =
        SimulationOptions.defaults().withWorkflows(ONE_STEP).withFaults(Set.of());
    List<Long> writes =
        LongStream.rangeClosed(1, 20)
            .mapToObj(s -> Simulation.run(s, quiet).statusWrites())
            .toList();
    // submitted, pod created, pod running, pod ended: a handful, never one per reconcile
    assertThat(writes).allMatch(w -> w >= 2 && w <= 6, "status writes per run: " + writes);
  }

  /** The cron runs the controllers created, in order, from the trace. */
  private static List<String> createdRuns(SimulationResult r) {
    return r.trace().stream()
        .filter(l -> l.contains("create workflow sim-cron-") && !l.contains("already exists"))
        .map(l -> l.substring(l.indexOf("sim-cron-")).trim())
        .toList();
  }
}
