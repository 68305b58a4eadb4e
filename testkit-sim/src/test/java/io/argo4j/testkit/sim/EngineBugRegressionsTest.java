package io.argo4j.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.Observations;
import io.argo4j.engine.Plan;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.engine.Submission;
import io.argo4j.engine.TemplateCatalog;
import io.argo4j.engine.WorkflowEngine;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Engine bugs the harness found, each kept as a regression: the seed that found it (replayed with
 * every fault), or the smallest reconcile that shows it. All are fixed; docs/reliability.md lists
 * them with their traces and fixes.
 */
class EngineBugRegressionsTest {
  /** The options under which seeds 439, 1178 and 1244 were found. */
  static final SimulationOptions WITH_TASK_HOOKS =
      SimulationOptions.defaults()
          .withoutFeatures(WorkloadFeature.PARALLELISM, WorkloadFeature.RETRY_BACKOFF)
          .withoutFaults(FaultKind.CLOCK_JUMP_BACKWARD);

  @Test
  void seed24DagParallelismWithALoopStartsItsPods() {
    assertSeedPasses(24, SimulationOptions.defaults());
  }

  @Test
  void seed4PendingPodDeletedUnderParallelismIsRecreated() {
    assertSeedPasses(4, SimulationOptions.defaults());
  }

  @Test
  void seed86ClockStepBackKeepsFinishedAtAfterStartedAt() {
    assertSeedPasses(86, SimulationOptions.defaults());
  }

  @Test
  void seed439TaskExitHookCompletes() {
    assertSeedPasses(439, WITH_TASK_HOOKS);
  }

  @Test
  void seed1178TaskExitHookRetryCompletes() {
    assertSeedPasses(1178, WITH_TASK_HOOKS);
  }

  @Test
  void seed1244NodesDoNotOutliveTheirWorkflow() {
    assertSeedPasses(1244, WITH_TASK_HOOKS);
  }

  @Test
  void aPendingPodWithTwoWaitingContainersDoesNotRewriteTheStatusEveryReconcile() throws Exception {
    Workflow wf =
        new Submission("default", "x", "uid", Instant.EPOCH, Map.of(), null, Map.of())
            .apply(
                ManifestReader.strict()
                    .read(
                        """
                        apiVersion: argoproj.io/v1alpha1
                        kind: Workflow
                        metadata: {name: w}
                        spec:
                          entrypoint: main
                          templates:
                          - {name: main, container: {image: busybox}}
                        """,
                        "w.yaml")
                    .requireOne(Workflow.class));
    WorkflowEngine engine = WorkflowEngine.withDefaults();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Plan first = engine.reconcile(wf, Observations.none(TemplateCatalog.empty()), now);
    PodObservation pending =
        new PodObservation(
            "w",
            PodPhase.PENDING,
            null,
            null,
            null,
            null,
            false,
            List.of(
                ContainerObservation.waiting("main", "ContainerCreating", null),
                ContainerObservation.waiting("wait", "PodInitializing", null)),
            null,
            "node-1",
            null);
    Observations obs = new Observations(Map.of("w", pending), TemplateCatalog.empty());
    Plan second = engine.reconcile(first.workflow(), obs, now.plusSeconds(1));
    Plan third = engine.reconcile(second.workflow(), obs, now.plusSeconds(2));
    assertThat(third.changed()).as("nothing changed since the previous reconcile").isFalse();
  }

  static void assertSeedPasses(long seed, SimulationOptions options) {
    SimulationResult r = Simulation.run(seed, options);
    assertThat(r.violations()).as(r.report()).isEmpty();
  }
}
