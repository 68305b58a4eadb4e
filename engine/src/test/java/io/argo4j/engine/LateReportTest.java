package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Outputs;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pods and the executor's reports come through separate watches, in no order: a pod seen ended
 * before its report must not end its node without the outputs the report brings.
 */
class LateReportTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final WorkflowEngine engine = new WorkflowEngine(EngineConfig.defaults());

  private static Workflow hello() throws Exception {
    Workflow manifest =
        ManifestReader.strict()
            .read(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: hello}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    container: {image: busybox, command: [echo, hi]}
                """,
                "hello.yaml")
            .requireOne(Workflow.class);
    return new Submission("default", "abcde", "uid-1", T0, Map.of(), null, Map.of())
        .apply(manifest);
  }

  private static PodObservation ended(ContainerObservation wait, ReportedOutputs report) {
    Instant end = T0.plusSeconds(2);
    return new PodObservation(
        "hello",
        PodPhase.SUCCEEDED,
        null,
        null,
        T0.plusSeconds(1),
        end,
        false,
        List.of(wait, ContainerObservation.terminated("main", 0, "Completed", end)),
        report,
        "node-1",
        "10.0.0.1");
  }

  private Workflow reconcile(Workflow wf, PodObservation pod, Instant now) {
    return engine
        .reconcile(wf, new Observations(Map.of("hello", pod), TemplateCatalog.empty(), null), now)
        .workflow();
  }

  private static NodeStatus node(Workflow wf) {
    return wf.status().nodes().get("hello");
  }

  @Test
  void aPodSeenEndedBeforeItsReportWaitsForTheReportAndKeepsTheResult() throws Exception {
    Workflow wf =
        engine
            .reconcile(hello(), new Observations(Map.of(), TemplateCatalog.empty(), null), T0)
            .workflow();
    ContainerObservation waitDone =
        ContainerObservation.terminated("wait", 0, "Completed", T0.plusSeconds(2));

    wf = reconcile(wf, ended(waitDone, null), T0.plusSeconds(3));
    assertThat(node(wf).phase()).isEqualTo(NodePhase.RUNNING);
    assertThat(node(wf).taskResultSynced()).isFalse();

    wf =
        reconcile(
            wf,
            ended(waitDone, ReportedOutputs.complete(new Outputs(null, null, "hi", "0"))),
            T0.plusSeconds(4));
    assertThat(node(wf).phase()).isEqualTo(NodePhase.SUCCEEDED);
    assertThat(node(wf).outputs().result()).isEqualTo("hi");
  }

  @Test
  void aReportThatNeverComesEndsTheNodeAsThePodEndedWhenNoOutputIsNeeded() throws Exception {
    Workflow wf =
        engine
            .reconcile(hello(), new Observations(Map.of(), TemplateCatalog.empty(), null), T0)
            .workflow();
    PodObservation pod =
        ended(ContainerObservation.terminated("wait", 0, "Completed", T0.plusSeconds(2)), null);

    wf = reconcile(wf, pod, T0.plusSeconds(3));
    Instant late = T0.plusSeconds(2).plus(EngineConfig.defaults().taskResultTimeout());
    wf = reconcile(wf, pod, late.plus(Duration.ofSeconds(1)));

    assertThat(node(wf).phase()).isEqualTo(NodePhase.SUCCEEDED);
    assertThat(wf.status().phase().value()).isEqualTo("Succeeded");
  }

  @Test
  void aPodWhoseExecutorNeverStartedDoesNotWaitForAReport() throws Exception {
    Workflow wf =
        engine
            .reconcile(hello(), new Observations(Map.of(), TemplateCatalog.empty(), null), T0)
            .workflow();

    wf =
        reconcile(
            wf,
            ended(ContainerObservation.waiting("wait", "PodInitializing", null), null),
            T0.plusSeconds(3));

    assertThat(node(wf).phase()).isEqualTo(NodePhase.SUCCEEDED);
  }
}
