package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.MutexHolding;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.PodScript;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Workflow-level mutexes across workflows on the mock API server, and a controller restart. */
class SynchronizationTest {

  private static String wf(String name) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      synchronization:
        mutexes:
        - name: %s
      templates:
      - name: main
        container: {image: busybox, command: [sleep, "60"]}
    """
        .formatted(name, name.substring(0, name.lastIndexOf('-')));
  }

  private static Workflow awaitWaiting(KubeTestBed bed, String name, String mutex) {
    String message = "Waiting for argo/Mutex/" + mutex + " lock. Lock status: 0/1";
    Awaitility.await()
        .atMost(KubeTestBed.WAIT)
        .until(() -> {
          Workflow w = bed.workflow(name);
          return w != null
              && w.status() != null
              && w.status().phase() == WorkflowPhase.PENDING
              && message.equals(w.status().message());
        });
    return bed.workflow(name);
  }

  @Test
  void theSecondWorkflowWaitsPendingUntilTerminatingTheHolderReleasesTheMutex() {
    KubeTestBed bed = KubeTestBed.shared();
    bed.kubelet.onNode("^synca-holder$", PodScript.succeed().runningFor(Duration.ofMinutes(5)));
    bed.kubelet.onNode("^synca-waiter$", PodScript.succeed());
    bed.submit(wf("synca-holder"));
    bed.awaitPod("^synca-holder$", "Running");
    bed.submit(wf("synca-waiter"));

    Workflow waiting = awaitWaiting(bed, "synca-waiter", "synca");
    assertThat(waiting.status().synchronization().mutex().waiting())
        .containsExactly(new MutexHolding("argo/synca-holder", "argo/Mutex/synca"));
    assertThat(waiting.status().nodes()).isNull();
    assertThat(bed.podsOf("synca-waiter")).isEmpty();
    assertThat(bed.workflow("synca-holder").status().synchronization().mutex().holding())
        .containsExactly(new MutexHolding("argo/synca-holder", "argo/Mutex/synca"));

    bed.shutdown("synca-holder", "Terminate");
    assertThat(bed.awaitCompleted("synca-holder").status().phase()).isEqualTo(WorkflowPhase.FAILED);
    Workflow done = bed.awaitCompleted("synca-waiter");
    assertThat(done.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(bed.controller().lockHolders()).doesNotContainKey("argo/Mutex/synca");
  }

  @Test
  void deletingTheHolderReleasesTheMutex() {
    KubeTestBed bed = KubeTestBed.shared();
    bed.kubelet.onNode("^syncd-holder$", PodScript.succeed().runningFor(Duration.ofMinutes(5)));
    bed.kubelet.onNode("^syncd-waiter$", PodScript.succeed());
    bed.submit(wf("syncd-holder"));
    bed.awaitPod("^syncd-holder$", "Running");
    bed.submit(wf("syncd-waiter"));
    awaitWaiting(bed, "syncd-waiter", "syncd");

    bed.deleteWorkflow("syncd-holder");
    assertThat(bed.awaitCompleted("syncd-waiter").status().phase())
        .isEqualTo(WorkflowPhase.SUCCEEDED);
  }

  @Test
  void aRestartedControllerRebuildsTheHolderFromStatusAndKeepsTheWaiterWaiting() throws Exception {
    try (KubeTestBed bed = new KubeTestBed().startController()) {
      bed.kubelet.onNode("^syncr-holder$", PodScript.succeed().runningFor(Duration.ofSeconds(8)));
      bed.kubelet.onNode("^syncr-waiter$", PodScript.succeed());
      bed.submit(wf("syncr-holder"));
      bed.awaitPod("^syncr-holder$", "Running");
      bed.submit(wf("syncr-waiter"));
      awaitWaiting(bed, "syncr-waiter", "syncr");

      bed.controller().close();
      bed.startController();
      assertThat(bed.controller().lockHolders())
          .containsEntry("argo/Mutex/syncr", List.of("argo/syncr-holder"));
      // the waiter is reconciled by the new controller and still waits
      assertThat(bed.phase("syncr-waiter")).isEqualTo(WorkflowPhase.PENDING);
      assertThat(bed.podsOf("syncr-waiter")).isEmpty();

      assertThat(bed.awaitCompleted("syncr-holder").status().phase())
          .isEqualTo(WorkflowPhase.SUCCEEDED);
      Workflow waiter = bed.awaitCompleted("syncr-waiter");
      assertThat(waiter.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
      // the waiter started only once the holder had finished
      Workflow holder = bed.workflow("syncr-holder");
      assertThat(waiter.status().startedAt()).isAfterOrEqualTo(holder.status().finishedAt());
    }
  }
}
