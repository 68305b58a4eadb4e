package io.argo4j.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.cli.Style;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestReader;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The tree of {@code argo get} for a steps workflow with a retry, a loop and an exit handler. */
class WorkflowTreeTest {

  private static final String STATUS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: wf, namespace: default, creationTimestamp: "2026-01-01T10:00:00Z"}
      spec: {entrypoint: main}
      status:
        phase: Failed
        startedAt: "2026-01-01T10:00:00Z"
        finishedAt: "2026-01-01T10:01:05Z"
        progress: 2/3
        message: child failed
        nodes:
          wf: {id: wf, name: wf, displayName: wf, type: Steps, templateName: main, phase: Failed,
               startedAt: "2026-01-01T10:00:00Z", children: [g0]}
          g0: {id: g0, name: "wf[0]", displayName: "[0]", type: StepGroup, boundaryID: wf,
               phase: Failed, startedAt: "2026-01-01T10:00:00Z", children: [a, loop0, loop1]}
          a: {id: a, name: "wf[0].a", displayName: a, type: Pod, templateName: say, boundaryID: wf,
              phase: Succeeded, startedAt: "2026-01-01T10:00:01Z", finishedAt: "2026-01-01T10:00:03Z"}
          loop1: {id: loop1, name: "wf[0].b(1:y)", displayName: "b(1:y)", type: Pod, templateName: say,
                  boundaryID: wf, phase: Failed, message: Error (exit code 1),
                  startedAt: "2026-01-01T10:00:01Z", finishedAt: "2026-01-01T10:00:02Z"}
          loop0: {id: loop0, name: "wf[0].b(0:x)", displayName: "b(0:x)", type: Pod, templateName: say,
                  boundaryID: wf, phase: Succeeded,
                  startedAt: "2026-01-01T10:00:01Z", finishedAt: "2026-01-01T10:00:02Z"}
          exit: {id: "wf-1", name: wf.onExit, displayName: wf.onExit, type: Pod, templateName: bye,
                 phase: Succeeded, startedAt: "2026-01-01T10:01:00Z", finishedAt: "2026-01-01T10:01:04Z"}
      """;

  @Test
  void rendersLikeArgoGet() {
    Workflow wf = (Workflow) ManifestReader.lenient().read(STATUS, "wf.yaml").manifests().get(0);
    // the exit handler's node ID is what NodeIds gives its name
    var nodes = new java.util.LinkedHashMap<>(wf.status().nodes());
    var exit = nodes.remove("exit");
    String exitId = io.argo4j.engine.NodeIds.nodeId("wf", "wf.onExit");
    nodes.put(exitId, exit.toBuilder().id(exitId).build());
    wf = wf.withStatus(wf.status().toBuilder().nodes(nodes).build());
    WorkflowPrinter printer =
        new WorkflowPrinter(
            Style.PLAIN,
            true,
            false,
            Instant.parse("2026-01-01T10:02:00Z"),
            ZoneOffset.UTC,
            n -> "pod-" + n.id());

    String out = printer.print(wf, n -> true);

    assertThat(out)
        .isEqualTo(
            """
            Name:                wf
            Namespace:           default
            ServiceAccount:      unset (will run with the default ServiceAccount)
            Status:              Failed
            Message:             child failed
            Created:             Thu Jan 01 10:00:00 +0000 (2 minutes ago)
            Started:             Thu Jan 01 10:00:00 +0000 (2 minutes ago)
            Finished:            Thu Jan 01 10:01:05 +0000 (55 seconds ago)
            Duration:            1 minute 5 seconds
            Progress:            2/3

            STEP           TEMPLATE  PODNAME           DURATION  MESSAGE
             ✖ wf          main
             └─┬─✔ a       say       pod-a             2s
               ├─✔ b(0:x)  say       pod-loop0         1s
               └─✖ b(1:y)  say       pod-loop1         1s        Error (exit code 1)

             ✔ wf.onExit   bye       pod-%s  4s
            """
                .formatted(exitId));
  }

  @Test
  void humanizedDurationsUseTheLargestUnit() {
    assertThat(Humanize.shortDuration(java.time.Duration.ofSeconds(59))).isEqualTo("59s");
    assertThat(Humanize.shortDuration(java.time.Duration.ofSeconds(61))).isEqualTo("1m");
    assertThat(Humanize.shortDuration(java.time.Duration.ofHours(49))).isEqualTo("2d");
    assertThat(Humanize.longDuration(java.time.Duration.ofSeconds(3725)))
        .isEqualTo("1 hour 2 minutes");
  }
}
