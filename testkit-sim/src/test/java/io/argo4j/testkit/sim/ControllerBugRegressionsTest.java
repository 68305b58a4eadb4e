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

  private static void assertSeedPasses(long seed) {
    SimulationResult r = Simulation.run(seed, SimulationSeedsTest.ciOptions());
    assertThat(r.violations()).as(r.report()).isEmpty();
  }
}
