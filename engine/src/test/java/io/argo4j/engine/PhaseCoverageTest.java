package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.engine.FakeCluster.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the node and workflow phase tables must be reachable: this test drives the
 * scenarios that exercise them and fails naming any transition never taken, so that a table row
 * nobody can reach (or a new one without a test) does not go unnoticed.
 */
class PhaseCoverageTest {

  @Test
  void everyPhaseTransitionIsExercised() throws Exception {
    NodePhaseTable.resetCoverage();
    WorkflowPhaseTable.resetCoverage();

    BasicWorkflowTest basic = new BasicWorkflowTest();
    basic.helloWorldRunsOnePodAndSucceeds();
    basic.dagRunsDiamondAndOmitsUnmetDepends();
    basic.whenFalseSkipsAndExitHandlerSeesStatus();
    LifecycleTest life = new LifecycleTest();
    life.seedDefectB_terminateWhileExitHandlerRunsEndsFailedWithNothingRunning();
    life.seedDefectA_deletedPodErrorsAndOnErrorRetries();
    life.deletedPodWithoutRetryErrorsTheWorkflow();
    life.missingRequiredInputErrorsTheNodeAndFailsTheWorkflow();
    zeroDurationSuspend();
    invalidSpecFails();
    missingWorkflowTemplateErrors();
    unpullableImageErrorsAPendingPod();
    terminateDeletesAPendingPod();
    SynchronizationTest sync = new SynchronizationTest();
    sync.secondWorkflowWaitsPendingWithArgosMessageThenRuns();
    sync.stoppingAWaitingWorkflowFailsItWithoutTakingTheLock();

    assertThat(NodePhaseTable.unexercised()).as("node transitions never taken").isEmpty();
    assertThat(WorkflowPhaseTable.unexercised()).as("workflow transitions never taken").isEmpty();
  }

  private static void zeroDurationSuspend() {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: wf}
            spec:
              entrypoint: main
              templates:
              - name: main
                suspend: {duration: "0"}
            """);
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
  }

  private static void invalidSpecFails() {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: wf}
            spec:
              entrypoint: nowhere
              templates:
              - name: main
                container: {image: busybox}
            """);
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.workflow.status().message())
        .isEqualTo("invalid spec: spec.entrypoint template 'nowhere' is undefined");
  }

  private static void missingWorkflowTemplateErrors() {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: wf}
            spec:
              workflowTemplateRef: {name: absent}
            """);
    c.run();
    assertThat(c.phase()).isEqualTo("Error");
    assertThat(c.workflow.status().message()).contains("workflowtemplate absent");
  }

  private static void terminateDeletesAPendingPod() {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: wf}
            spec:
              entrypoint: main
              templates:
              - name: main
                container: {image: busybox}
            """);
    c.forced.put(
        "wf",
        new PodObservation(
            "wf", PodPhase.PENDING, null, null, c.now, null, false, List.of(), null, null, null));
    c.step();
    c.shutdown("Terminate");
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.node("wf").message()).isEqualTo("Stopped with strategy 'Terminate'");
    assertThat(c.applied).anyMatch(a -> a instanceof Action.DeletePod);
  }

  private static void unpullableImageErrorsAPendingPod() {
    FakeCluster c =
        new FakeCluster(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    container: {image: "not a valid image"}
                """)
            .outcomes(Map.of("main", Outcome.ok().after(Duration.ofSeconds(5))));
    c.forced.put(
        "wf",
        new PodObservation(
            "wf",
            PodPhase.PENDING,
            null,
            null,
            c.now,
            null,
            false,
            List.of(ContainerObservation.waiting("main", "InvalidImageName", "bad reference")),
            null,
            null,
            null));
    c.run();
    assertThat(c.phase()).isEqualTo("Error");
    assertThat(c.node("wf").message()).isEqualTo("InvalidImageName: bad reference");
  }
}
