package io.argo4j.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResubmissionTest {

  private static Workflow read(String yaml) throws Exception {
    return ManifestReader.lenient().read(yaml, "wf.yaml").requireOne(Workflow.class);
  }

  private static final String TERMINATED =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        name: nightly-x7k2p
        generateName: nightly-
        namespace: jobs
        uid: 0b9c
        labels:
          team: a
          workflows.argoproj.io/phase: Failed
          workflows.argoproj.io/completed: "true"
          workflows.argoproj.io/creator: someone
          workflows.argoproj.io/controller-instanceid: blue
        annotations: {note: kept}
      spec:
        entrypoint: main
        activeDeadlineSeconds: 0
        shutdown: Terminate
        priority: 2
        templates:
          - name: main
            container: {image: alpine, command: [echo]}
      status:
        phase: Failed
      """;

  @Test
  void theCopyKeepsTheSpecAndTheUsersLabelsButNotWhatEndedTheEarlierRun() throws Exception {
    Workflow copy = Resubmission.of(read(TERMINATED), null);

    assertThat(copy.metadata().getName()).isNull();
    assertThat(copy.metadata().getUid()).isNull();
    assertThat(copy.metadata().getGenerateName()).isEqualTo("nightly-");
    assertThat(copy.metadata().getNamespace()).isEqualTo("jobs");
    assertThat(copy.metadata().getLabels())
        .containsExactly(
            Map.entry("team", "a"),
            Map.entry("workflows.argoproj.io/controller-instanceid", "blue"),
            Map.entry(Resubmission.RESUBMITTED_FROM_LABEL, "nightly-x7k2p"));
    assertThat(copy.metadata().getAnnotations()).containsEntry("note", "kept");
    assertThat(copy.spec().shutdown()).isNull();
    assertThat(copy.spec().activeDeadlineSeconds()).isNull();
    assertThat(copy.spec().priority()).isEqualTo(2);
    assertThat(copy.spec().templates()).hasSize(1);
    assertThat(copy.status()).isNull();
  }

  @Test
  void aNamedWorkflowIsCopiedUnderItsNameAndADashAndAPositiveDeadlineStays() throws Exception {
    Workflow earlier =
        read(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: build}
            spec:
              entrypoint: main
              activeDeadlineSeconds: 60
              templates:
                - name: main
                  container: {image: alpine, command: [echo]}
            """);

    Workflow copy = Resubmission.of(earlier, 7);

    assertThat(copy.metadata().getGenerateName()).isEqualTo("build-");
    assertThat(copy.metadata().getLabels())
        .containsExactly(Map.entry(Resubmission.RESUBMITTED_FROM_LABEL, "build"));
    assertThat(copy.metadata().getAnnotations()).isNullOrEmpty();
    assertThat(copy.spec().activeDeadlineSeconds()).isEqualTo(60L);
    assertThat(copy.spec().priority()).isEqualTo(7);
  }
}
