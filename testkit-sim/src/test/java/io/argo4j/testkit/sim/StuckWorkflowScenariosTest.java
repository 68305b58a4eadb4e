package io.argo4j.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import java.util.EnumSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Named scenarios from Argo's tracker (perf-reliability.md 4.3) and the seed defects
 * (argo-inventory 6a-6d). Each: given a workflow, when a fault hits it (the first seed in which it
 * took effect), then the named outcome holds and no invariant breaks.
 */
class StuckWorkflowScenariosTest {

  static final String ONE_STEP =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: one}
      spec:
        entrypoint: main
        templates:
        - name: main
          container: {image: busybox, command: [sleep, "30"]}
      """;

  static final String ONE_STEP_RETRY_ON_ERROR =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: one}
      spec:
        entrypoint: main
        templates:
        - name: main
          retryStrategy: {limit: 3, retryPolicy: OnError}
          container: {image: busybox, command: [sleep, "30"]}
      """;

  static final String WITH_OUTPUT =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: one}
      spec:
        entrypoint: main
        templates:
        - name: main
          container: {image: busybox, command: [sh, -c, "echo 1 > /tmp/out"]}
          outputs:
            parameters:
            - name: out
              valueFrom: {path: /tmp/out}
      """;

  static final String EXIT_HANDLER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: one}
      spec:
        entrypoint: main
        onExit: handler
        templates:
        - name: main
          container: {image: busybox, command: [echo, hi]}
        - name: handler
          steps:
          - - name: sleep
              template: sleep
        - name: sleep
          container: {image: busybox, command: [sleep, "600"]}
      """;

  // ---- seed defect (a), scenarios 3 and 5: a running pod vanishes -------------------------------

  @Test
  void givenARunningPod_whenItIsDeleted_thenTheNodeIsErrorPodDeletedAndTheWorkflowEnds() {
    SimulationResult r =
        firstSeedWhere(ONE_STEP, "force-deleted", FaultKind.POD_DELETED_WHILE_RUNNING);
    NodeStatus n = node(r.workflow("one"), "one");
    assertThat(n.phase()).isEqualTo(NodePhase.ERROR);
    assertThat(n.message()).contains("pod deleted");
    assertThat(r.workflow("one").status().phase()).isEqualTo(WorkflowPhase.ERROR);
  }

  // ---- seed defect (d), scenarios 3 and 5: Karpenter deletion with retryPolicy OnError ----------

  @Test
  void givenRetryOnError_whenTheRunningPodIsDeleted_thenAnotherAttemptRunsAndSucceeds() {
    SimulationResult r =
        firstSeedWhere(
            ONE_STEP_RETRY_ON_ERROR, "force-deleted", FaultKind.POD_DELETED_WHILE_RUNNING);
    Workflow wf = r.workflow("one");
    assertThat(node(wf, "one(0)").phase()).isEqualTo(NodePhase.ERROR);
    assertThat(node(wf, "one(1)")).isNotNull();
  }

  static final String ONE_STEP_RETRY_ON_FAILURE_WITH_BACKOFF =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: one}
      spec:
        entrypoint: main
        templates:
        - name: main
          retryStrategy:
            limit: 3
            retryPolicy: OnFailure
            backoff: {duration: "5s", factor: 2}
          container: {image: busybox, command: [sleep, "30"]}
      """;

  @Test
  void givenRetryOnFailureWithBackoff_whenThePodIsDeleted_thenTheRetryNodeErrors() {
    SimulationResult r =
        firstSeedWhere(
            ONE_STEP_RETRY_ON_FAILURE_WITH_BACKOFF,
            "force-deleted",
            FaultKind.POD_DELETED_WHILE_RUNNING);
    assertThat(node(r.workflow("one"), "one").phase()).isEqualTo(NodePhase.ERROR);
  }

  // ---- scenario 2: deleted before it started: Error "pod deleted", then retried by policy -----

  @Test
  void givenAPendingPod_whenItIsDeletedBeforeStarting_thenItIsErrorPodDeletedAndRetried() {
    // the status finalizer keeps the deleted pod (and its name) until its status is captured, so
    // the attempt cannot be re-created under the same name: it ends, and the retry runs anew
    SimulationResult r = firstSeedWith(ONE_STEP_RETRY_ON_ERROR, FaultKind.POD_DELETED_BEFORE_START);
    Workflow wf = r.workflow("one");
    assertThat(node(wf, "one(0)").phase()).isEqualTo(NodePhase.ERROR);
    assertThat(node(wf, "one(0)").message()).isEqualTo("pod deleted");
    assertThat(node(wf, "one(1)")).isNotNull();
    assertThat(wf.status().phase().isCompleted()).isTrue();
  }

  // ---- scenario 4: eviction is infrastructure loss: Error, retried under OnError ---------------

  @Test
  void givenRetryOnError_whenThePodIsEvicted_thenTheAttemptIsErrorAndRetried() {
    SimulationResult r = firstSeedWith(ONE_STEP_RETRY_ON_ERROR, FaultKind.POD_EVICTED);
    NodeStatus first = node(r.workflow("one"), "one(0)");
    assertThat(first.phase()).isEqualTo(NodePhase.ERROR);
    assertThat(first.message()).contains("evicted");
    assertThat(node(r.workflow("one"), "one(1)")).isNotNull();
  }

  // ---- scenario 7: OOM is a user failure that says so -------------------------------------------

  @Test
  void givenAStep_whenItIsOomKilled_thenItFailsSayingOomKilled() {
    SimulationResult r = firstSeedWith(ONE_STEP, FaultKind.POD_OOM_KILLED);
    NodeStatus n = node(r.workflow("one"), "one");
    assertThat(n.phase()).isEqualTo(NodePhase.FAILED);
    assertThat(n.message()).contains("OOMKilled");
    assertThat(r.workflow("one").status().phase()).isEqualTo(WorkflowPhase.FAILED);
  }

  // ---- scenario 6a-4 / seed defect (a) R-a3: node lost ---------------------------------------

  @Test
  void givenARunningPod_whenItsMachineIsLost_thenTheNodeErrorsAndTheWorkflowEnds() {
    SimulationResult r = firstSeedWith(ONE_STEP, FaultKind.NODE_LOST);
    assertThat(node(r.workflow("one"), "one").phase()).isEqualTo(NodePhase.ERROR);
    assertThat(r.workflow("one").status().phase()).isEqualTo(WorkflowPhase.ERROR);
  }

  // ---- seed defect (c), scenario 16: the wait container hangs after main exits ----------

  @Test
  void givenAHungExecutor_whenMainHasExited_thenThePodIsKilledAndTheWorkflowEnds() {
    SimulationResult r = firstSeedWith(ONE_STEP, FaultKind.EXECUTOR_HANG);
    assertThat(r.trace()).anyMatch(l -> l.contains("killed"));
    assertThat(r.workflow("one").status().phase().isCompleted()).isTrue();
  }

  // ---- scenario 19: late task results are waited for, not lost
  // -----------------------------------

  @Test
  void givenDeclaredOutputs_whenTheTaskResultIsLate_thenTheNodeSucceedsWithItsOutputs() {
    // late, but within the engine's taskResultTimeout (10 min)
    SimulationResult r = firstSeedWhere(WITH_OUTPUT, " by 2", FaultKind.TASK_RESULT_LATE);
    NodeStatus n = node(r.workflow("one"), "one");
    assertThat(n.phase()).isEqualTo(NodePhase.SUCCEEDED);
    assertThat(n.outputs().parameters()).extracting("name").contains("out");
  }

  // ---- scenario 1: the task result never comes ------------------------------------------------

  @Test
  void givenDeclaredOutputs_whenTheTaskResultNeverComes_thenTheNodeErrorsAfterTheTimeout() {
    SimulationResult r = firstSeedWith(WITH_OUTPUT, FaultKind.TASK_RESULT_LOST);
    NodeStatus n = node(r.workflow("one"), "one");
    assertThat(n.phase()).isEqualTo(NodePhase.ERROR);
    assertThat(n.message()).contains("did not report");
  }

  // ---- seed defect (b), scenarios 13-15: terminate races the exit handler
  // ------------------------

  @Test
  void
      givenAnExitHandler_whenTheWorkflowIsTerminated_thenNothingIsLeftRunningAndItIsNotSucceeded() {
    SimulationResult r = firstSeedWith(EXIT_HANDLER, FaultKind.USER_TERMINATE);
    Workflow wf = r.workflow("one");
    NodeStatus onExit = node(wf, "one.onExit");
    if (onExit != null && onExit.phase() != NodePhase.SUCCEEDED) {
      assertThat(wf.status().phase()).isNotEqualTo(WorkflowPhase.SUCCEEDED);
    }
    assertThat(wf.status().nodes().values())
        .allSatisfy(n -> assertThat(n.phase().isFulfilled()).isTrue());
  }

  @Test
  void givenAnExitHandler_whenTheWorkflowIsStopped_thenTheExitHandlerStillRunsToTheEnd() {
    SimulationResult r = firstSeedWith(EXIT_HANDLER, FaultKind.USER_STOP);
    NodeStatus onExit = node(r.workflow("one"), "one.onExit");
    assertThat(onExit).isNotNull();
    assertThat(onExit.phase().isFulfilled()).isTrue();
  }

  // ---- scenarios 10 and 20: 409s, stale replays, lost events and relists ----------------------

  @Test
  void givenConflictsAndAStaleInformer_whenReconciling_thenNoDuplicateOrLateActionAndItSucceeds() {
    SimulationResult r =
        firstSeedWith(
            WITH_OUTPUT,
            FaultKind.WRITE_CONFLICT,
            FaultKind.WATCH_EVENT_REORDERED,
            FaultKind.WATCH_LAG_SPIKE,
            FaultKind.WATCH_EVENT_DUPLICATED);
    assertThat(r.workflow("one").status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(r.podsCreated()).isEqualTo(1);
  }

  // ---- F1: crash between persist and act ------------------------------------------------------

  @Test
  void givenControllerCrashes_whenBetweenPersistAndAct_thenTheRestartedControllerFinishesTheWork() {
    SimulationResult r = firstSeedWith(WITH_OUTPUT, FaultKind.CONTROLLER_CRASH);
    assertThat(r.workflow("one").status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
  }

  // ---- scenario 21: a poison workflow is isolated -----------------------------------------------

  @Test
  void givenAPoisonWorkflow_whenTheEngineThrowsOnIt_thenItIsErrorAndTheOthersFinish() {
    SimulationOptions options =
        SimulationOptions.defaults().withFaults(EnumSet.of(FaultKind.POISON_ENGINE_EXCEPTION));
    SimulationResult r =
        LongStream.rangeClosed(1, 500)
            .mapToObj(seed -> Simulation.run(seed, options))
            .filter(x -> x.faults().containsKey(FaultKind.POISON_ENGINE_EXCEPTION))
            .findFirst()
            .orElseThrow();
    assertThat(r.violations()).as(r.report()).isEmpty();
    assertThat(r.workflow("sim-poison-engine").status().phase()).isEqualTo(WorkflowPhase.ERROR);
    assertThat(r.workflow("sim-0").status().phase().isCompleted()).isTrue();
  }

  // ---- helpers
  // -----------------------------------------------------------------------------------

  /** The first seed in which every given fault took effect; it must break no invariant. */
  static SimulationResult firstSeedWith(String yaml, FaultKind... kinds) {
    return firstSeedWhere(yaml, "", kinds);
  }

  /** As {@link #firstSeedWith}, and some trace line of an injected fault contains {@code text}. */
  static SimulationResult firstSeedWhere(String yaml, String text, FaultKind... kinds) {
    SimulationOptions options =
        SimulationOptions.defaults()
            .withWorkflows(yaml)
            .withFaults(EnumSet.of(kinds[0], kinds))
            .withIntensity(8);
    for (long seed = 1; seed <= 2_000; seed++) {
      SimulationResult r = Simulation.run(seed, options);
      boolean all = true;
      for (FaultKind k : kinds) {
        all &= r.faults().containsKey(k);
      }
      all &= r.trace().stream().anyMatch(l -> l.contains("FAULT") && l.contains(text));
      if (all) {
        assertThat(r.violations()).as(r.report()).isEmpty();
        return r;
      }
    }
    throw new AssertionError("no seed injected " + java.util.Arrays.toString(kinds));
  }

  static NodeStatus node(Workflow wf, String name) {
    return wf.status().nodes().values().stream()
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElse(null);
  }
}
