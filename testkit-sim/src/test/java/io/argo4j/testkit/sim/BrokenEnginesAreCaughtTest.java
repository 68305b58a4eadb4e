package io.argo4j.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The self-check: each deliberately broken engine must be caught by some seed within the CI budget,
 * by the invariant it breaks. This proves the invariants can fail.
 */
class BrokenEnginesAreCaughtTest {

  @Test
  void anEngineThatIgnoresPodDeletionLeavesWorkflowsStuck() {
    Violation v = firstViolation(BrokenEngines.ignoringPodDeletion());
    assertThat(v.invariant()).isEqualTo("I1");
    assertThat(v.message()).contains("stuck");
  }

  @Test
  void anEngineThatSucceedsBeforeOutputsLosesOutputs() {
    Violation v = firstViolation(BrokenEngines.succeedingBeforeOutputs());
    assertThat(v.invariant()).isEqualTo("I5");
    assertThat(v.message()).contains("Succeeded without its");
  }

  @Test
  void anEngineThatDropsStopOnShutdownLeavesPodsRunning() {
    Violation v = firstViolation(BrokenEngines.droppingStopOnShutdown());
    assertThat(v.invariant()).isEqualTo("I2");
    assertThat(v.message()).contains("after");
  }

  @Test
  void anEngineThatKeepsANodesLocksAfterTheNodeEndsLeaksPermits() {
    Violation v = firstViolation(BrokenEngines.keepingNodeLocksAfterTheNodeEnds());
    assertThat(v.invariant()).isEqualTo("I6");
    assertThat(v.message()).contains("still holds");
  }

  private static Violation firstViolation(UnaryOperator<Reconciler> broken) {
    SimulationOptions options = SimulationSeedsTest.ciOptions().withEngine(broken);
    Optional<SimulationResult> caught =
        LongStream.rangeClosed(1, SimulationSeedsTest.CI_SEEDS)
            .filter(seed -> !SimulationSeedsTest.KNOWN_ENGINE_BUG_SEEDS.contains(seed))
            .mapToObj(seed -> Simulation.run(seed, options))
            .filter(r -> !r.ok())
            .findFirst();
    assertThat(caught).as("a seed within the CI budget catches the broken engine").isPresent();
    System.out.println("caught by seed " + caught.get().seed() + ": " + caught.get().violations());
    return caught.get().violations().getFirst();
  }
}
