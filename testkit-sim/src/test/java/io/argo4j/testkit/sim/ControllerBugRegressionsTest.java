package io.argo4j.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Bugs the simulation found in the Kubernetes controller (and the engine's view of pods under the
 * status finalizer) once it ran the real controller; each seed replays with every fault and must
 * now keep every invariant. docs/reliability.md describes each bug and its fix.
 */
class ControllerBugRegressionsTest {

  /** I7: one pod whose finalizer could not be removed stopped the clean-up of all later pods. */
  @Test
  void seed3OnePodStuckOnItsFinalizerDoesNotHoldTheOthers() {
    assertSeedPasses(3);
  }

  /** I3: an unchanged plan computed from a stale cached copy re-created a finished node's pod. */
  @Test
  void seed31AStaleCachedCopyNeverCreatesAPod() {
    assertSeedPasses(31);
  }

  /** I3, as seed 31 (a DAG task). */
  @Test
  void seed15AStaleCachedCopyNeverCreatesAPod() {
    assertSeedPasses(15);
  }

  /** I8: Replace kept writing a stale copy of the old run (409) and skipped two ticks. */
  @Test
  void seed20ReplaceDoesNotSkipTicksOnAStaleRun() {
    assertSeedPasses(20);
  }

  /**
   * I1: a pod deleted before it started, held by a finalizer that could never be removed, left its
   * node Pending forever (its name stays taken, so it could not be re-created).
   */
  @Test
  void seed123APendingPodHeldByItsFinalizerEndsItsNode() {
    assertSeedPasses(123);
  }

  /**
   * I6 (soak, one fault: a reordered watch event): an unchanged plan computed from a stale replayed
   * copy put back a mutex holder released since; the completed workflow never released it again.
   */
  @Test
  void seed1008194AReplayedStaleCopyDoesNotTakeBackAReleasedLock() {
    assertSeedPasses(1_008_194);
  }

  /** I6, as seed 1008194 (a workflow-level mutex, with lost and reordered events). */
  @Test
  void seed1004997AReplayedStaleCopyDoesNotTakeBackAWorkflowLevelLock() {
    assertSeedPasses(1_004_997);
  }

  /** I6, as seed 1008194 (a semaphore and a mutex of a cron run, with crashes). */
  @Test
  void seed1001143AReplayedStaleCopyDoesNotTakeBackASemaphorePermit() {
    assertSeedPasses(1_001_143);
  }

  /**
   * I6, F10: two controllers at once each granted one mutex from their own table, as two Argo
   * controllers would. A grant now counts only once the lock's record on the server takes it
   * (compare-and-swap); a refused grant makes the table adopt the record's holders
   * (TwoControllersTest shows the same on the fabric8 mock server, and fails without the fence).
   * The fault stream of this seed has changed since: it no longer replays the original run.
   */
  @Test
  void seed1007527TwoActiveControllersGrantOneMutexOnce() {
    assertSeedPasses(1_007_527);
  }

  /** I6, F10, as seed 1007527 (a semaphore of limit 2 was held three times). */
  @Test
  void seed1004673TwoActiveControllersDoNotOverfillASemaphore() {
    assertSeedPasses(1_004_673);
  }

  /**
   * I6, F10: the second controller completed a workflow; the first, whose cache was left at an
   * older copy by a reordered watch event, kept the workflow's mutex in its table until its next
   * relist. Each resync now checks the table's holders on the server (ControllerLocks#sweep).
   */
  @Test
  void seed1005550AControllerReleasesAPermitOfAWorkflowAnotherCompleted() {
    assertSeedPasses(1_005_550);
  }

  /**
   * I6, F10 (100,000-seed soak): a controller whose table let go of a holder on a stale view (its
   * watch had just broken) released it from the lock record too, while the other controller's
   * status showed it holding; the permit went to a third workflow. A record now keeps a holder
   * until the server shows it no longer claims the lock.
   */
  @Test
  void seed1081646ARecordKeepsAHolderUntilTheServerShowsItReleased() {
    assertSeedPasses(1_081_646);
  }

  /**
   * I6 at quiescence, F10 (100,000-seed soak): the other controller completed the workflow, and
   * this one, having lost the event, listed its permit until its next relist. Bounded (the record
   * was clean); the checker now lets the run go on until tables are empty, within the I6 bound.
   */
  @Test
  void seed1089090APermitLeftInOneTableIsLetGoWithinTheBound() {
    assertSeedPasses(1_089_090);
  }

  /**
   * I6 (20,000-seed soak, one controller crashing): a grant found the semaphore's record holding a
   * node of a workflow deleted long before; its removal from the record was throttled, so the table
   * adopted it, with no claim that a later plan of its (deleted) workflow would drop. Every restart
   * put the resync's sweep off again, and the permit stayed past the bound. A holder adopted from a
   * record now has its workflow reconciled, which forgets a deleted one.
   */
  @Test
  void seed1001581AHolderAdoptedFromARecordIsLetGoWhenItsWorkflowIsGone() {
    assertSeedPasses(1_001_581);
  }

  /**
   * I6 (100,000-seed soak on the C13 fix): a controller crashed between recording a grant and
   * persisting the status, so the record kept a holder the status never showed. Long after, a
   * refused grant found it, its removal was throttled, and the table adopted it; the requeue of its
   * (finished) workflow waited out that workflow's back-off, minutes long since its pod clean-up
   * kept failing. The requeue is now immediate.
   */
  @Test
  void seed1035806AnAdoptedHoldersWorkflowIsReconciledAtOnceNotAfterItsBackOff() {
    assertSeedPasses(1_035_806);
  }

  /** I6 (20,000-seed soak): as seed 1001581, on a mutex. */
  @Test
  void seed1005557AMutexHolderAdoptedFromARecordIsLetGoWhenItsWorkflowIsGone() {
    assertSeedPasses(1_005_557);
  }

  /**
   * I5 (engine E3, found in review; the harness catches it since I5 looks for unresolved tags in
   * created pods): a retried producer with an exit hook gave its dependents the hook's outputs, so
   * their pods ran with {@code {{tasks.t2.outputs.parameters.out}}} as literal text.
   */
  @Test
  void seed437ARetriedProducersOutputsReachItsConsumersAfterItsExitHook() {
    assertSeedPasses(437);
  }

  /**
   * I13, F10: the other controller had started a node; this one's status write got a 409, it
   * re-read the workflow, and reconciled the new copy with the pods observed for the old one, in
   * which the node was still Pending (no lookup of unseen pods). Its pod, not yet in this cache,
   * counted as deleted, and the node ended Error although its main exited 1. Pods are now observed
   * again for each copy.
   */
  @Test
  void seed1538ACopyReReadAfterAConflictIsReconciledWithItsOwnPods() {
    assertSeedPasses(1_538);
  }

  /**
   * I13: a node's pod was missing from one controller's cache (its creation event arrived late and
   * its running event was lost; the other controller had written the node Running), so the node
   * ended Error "pod deleted" although the pod existed and its main exited 137. A started node
   * whose pod the cache does not show is now looked up on the server before it counts as deleted.
   */
  @Test
  void seed1004578APodTheCacheDoesNotShowYetIsLookedUpBeforeItCountsAsDeleted() {
    assertSeedPasses(1_004_578);
  }

  /**
   * I1, an engine bug (the second controller only set the stage): a retried step whose deadline
   * passed while it waited for a mutex is a Retry node without attempts; the next step group was
   * linked to it as a child, taken for its last attempt on the next reconcile, and so became its
   * own child: never fulfilled, the workflow stayed Running through stop and terminate. Attempts
   * are now told from links
   * (SynchronizationTest#aRetryNodeThatNeverRanDoesNotMakeTheNextGroupItsOwnChild).
   */
  @Test
  void seed1008280ARetryNodeWithoutAttemptsDoesNotMakeTheNextGroupItsOwnChild() {
    assertSeedPasses(1_008_280);
  }

  /**
   * I1, an engine bug (one controller; a finalizer that can never be removed only made the
   * reconciles fail after their status write): a looped DAG task ended while its exit handler could
   * not get a parallelism slot, and the task depending on it started at once and took the mutex
   * that handler needed. Once the handler started, the dependent was no longer driven: it kept the
   * mutex with its pod ended, and the workflow stayed Running. Dependents now wait for the handler,
   * and a started task is always driven
   * (SynchronizationTest#aDependentTaskWaitsForItsDependencysExitHandlerThatWaitedForAParallelismSlot).
   */
  @Test
  void seed4007908ATaskStartedBeforeItsDependencysExitHandlerIsStillDriven() {
    assertSeedPasses(4_007_908);
  }

  /**
   * I7: a cron run's exit-handler pod was not released (the release timed out) before the cron's
   * history limit deleted the workflow; its pod's events had been missed, and the resync only
   * reconciled cached workflows, so nothing ever released its finalizer. The resync now also
   * reconciles the workflows that cached pods and task results belong to.
   */
  @Test
  void seed3023437APodLeftByADeletedWorkflowIsReleasedByTheResync() {
    assertSeedPasses(3_023_437);
  }

  /**
   * I2, a simulator bug: when a workflow was deleted (cron history), its pods were only marked
   * deleted, and the simulated kubelet never stopped them; a real kubelet stops any pod being
   * deleted. The garbage collector's deletion now goes through the kubelet.
   */
  @Test
  void seed3006118PodsOfADeletedWorkflowAreStopped() {
    assertSeedPasses(3_006_118);
  }

  private static void assertSeedPasses(long seed) {
    SimulationResult r = Simulation.run(seed, SimulationSeedsTest.ciOptions());
    assertThat(r.violations()).as(r.report()).isEmpty();
  }
}
