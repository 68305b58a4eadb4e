package io.argo4j.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.executor.StepResult;
import io.argo4j.model.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepObservationsTest {

  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant END = Instant.parse("2026-01-01T10:00:05Z");

  private static StepResult exited(int code, Map<String, String> params, List<String> errors) {
    return new StepResult(
        code,
        "out",
        params,
        Map.of("report", "/s/fs/tmp/r.txt"),
        errors,
        null,
        "/s/main.log",
        START,
        END);
  }

  @Test
  void aRunningStepIsARunningPodWithItsMainContainerRunning() {
    PodObservation pod = StepObservations.running("wf-a-1", START);

    assertThat(pod.phase()).isEqualTo(PodPhase.RUNNING);
    assertThat(pod.startedAt()).isEqualTo(START);
    assertThat(pod.container("main")).contains(ContainerObservation.running("main"));
    assertThat(pod.outputs()).isNull();
  }

  @Test
  void exitZeroWithEveryOutputIsSucceededWithTheOutputsReported() {
    PodObservation pod =
        StepObservations.finished("wf-a-1", exited(0, Map.of("p", "v"), List.of()), false);

    assertThat(pod.phase()).isEqualTo(PodPhase.SUCCEEDED);
    assertThat(pod.message()).isNull();
    assertThat(pod.finishedAt()).isEqualTo(END);
    assertThat(pod.container("main").orElseThrow().exitCode()).isZero();
    assertThat(pod.container("main").orElseThrow().reason()).isEqualTo("Completed");
    assertThat(pod.outputs().complete()).isTrue();
    var outputs = pod.outputs().outputs();
    assertThat(outputs.parameters())
        .containsExactly(Parameter.builder().name("p").value("v").build());
    assertThat(outputs.result()).isEqualTo("out");
    assertThat(outputs.exitCode()).isEqualTo("0");
    assertThat(outputs.artifacts())
        .singleElement()
        .satisfies(a -> {
          assertThat(a.name()).isEqualTo("report");
          assertThat(a.path()).isEqualTo("/s/fs/tmp/r.txt");
        });
  }

  @Test
  void aNonZeroExitIsFailedWithTheExitCodeAndArgosMessage() {
    PodObservation pod = StepObservations.finished("wf-a-1", exited(3, Map.of(), List.of()), false);

    assertThat(pod.phase()).isEqualTo(PodPhase.FAILED);
    assertThat(pod.message()).isEqualTo("Error (exit code 3)");
    assertThat(pod.container("main").orElseThrow().exitCode()).isEqualTo(3);
    assertThat(pod.container("main").orElseThrow().reason()).isEqualTo("Error");
    assertThat(pod.outputs().outputs().exitCode()).isEqualTo("3");
  }

  @Test
  void exitZeroWithAMissingOutputIsFailedWithTheOutputError() {
    PodObservation pod =
        StepObservations.finished(
            "wf-a-1",
            exited(0, Map.of(), List.of("output parameter 'p': file /tmp/p not found")),
            false);

    assertThat(pod.phase()).isEqualTo(PodPhase.FAILED);
    assertThat(pod.message()).contains("output parameter 'p'");
  }

  @Test
  void aStepThatCouldNotStartIsAStartError() {
    StepResult cannotStart =
        new StepResult(
            null, null, null, null, null, "image foo/bar is not mapped", null, null, END);

    PodObservation pod = StepObservations.finished("wf-a-1", cannotStart, false);

    assertThat(pod.phase()).isEqualTo(PodPhase.FAILED);
    assertThat(pod.reason()).isEqualTo(StepObservations.START_ERROR);
    assertThat(pod.message()).isEqualTo("image foo/bar is not mapped");
  }

  @Test
  void aLostStepIsFailedWithReasonLostAndSaysTheProcessWasGone() {
    StepResult lost =
        new StepResult(
            null, null, null, null, null, "process lost: pid 42 is gone", null, START, null);

    PodObservation pod = StepObservations.lost("wf-a-1", lost);

    assertThat(pod.phase()).isEqualTo(PodPhase.FAILED);
    assertThat(pod.reason()).isEqualTo(StepObservations.LOST);
    assertThat(pod.message()).contains("process was gone when argo4j restarted").contains("pid 42");
  }

  @Test
  void aStepKilledAtItsDeadlineSaysSo() {
    PodObservation pod =
        StepObservations.finished("wf-a-1", exited(143, Map.of(), List.of()), true);

    assertThat(pod.phase()).isEqualTo(PodPhase.FAILED);
    assertThat(pod.reason()).isEqualTo(StepObservations.DEADLINE_EXCEEDED);
    assertThat(pod.message()).contains("deadline");
  }
}
