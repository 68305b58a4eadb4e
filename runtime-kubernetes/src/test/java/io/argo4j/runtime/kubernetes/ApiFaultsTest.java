package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.WorkflowPhase;
import org.junit.jupiter.api.Test;

/** 409s and server errors are retried: nothing is lost, nothing is applied twice. */
class ApiFaultsTest {

  @Test
  void conflictsAndErrorsAreRetriedWithoutDuplicatePods() {
    KubeTestBed bed = KubeTestBed.faulty();
    FaultyCluster faults =
        KubeTestBed.FAULTS
            .inject("updateWorkflow", FaultyCluster.Kind.CONFLICT, 3)
            .inject("createPod", FaultyCluster.Kind.ERROR, 2)
            .inject("releasePod", FaultyCluster.Kind.ERROR, 1);
    {
      String name =
          bed.submit(
              """
              apiVersion: argoproj.io/v1alpha1
              kind: Workflow
              metadata:
                name: api-faults
              spec:
                entrypoint: main
                templates:
                  - name: main
                    steps:
                      - - {name: one, template: echo}
                      - - {name: two, template: echo}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
              """);

      assertThat(bed.awaitCompleted(name).status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
      assertThat(faults.injected("updateWorkflow")).isGreaterThanOrEqualTo(3);
      assertThat(faults.injected("createPod")).isGreaterThanOrEqualTo(2);
      assertThat(bed.podsOf(name)).hasSize(2);
      assertThat(bed.controller().metrics()).contains("argo4j_workflow_update_conflicts_total 3");
    }
  }
}
