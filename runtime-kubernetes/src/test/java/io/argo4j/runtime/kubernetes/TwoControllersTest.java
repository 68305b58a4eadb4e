package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.PodScript;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two controllers active at once on one API server (a rollout surge, or a leader that has not yet
 * noticed it lost its lease): each has its own lock table, and only the lock records on the server
 * keep them from granting one mutex twice.
 */
class TwoControllersTest {
  private static final int WORKFLOWS = 6;

  private static String wf(int i) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: twoc-%d
    spec:
      entrypoint: main
      templates:
      - name: main
        synchronization:
          mutexes: [{name: twoc}]
        container: {image: busybox, command: [sleep, "1"]}
    """
        .formatted(i);
  }

  @Test
  void twoActiveControllersNeverRunTwoHoldersOfOneMutex() throws Exception {
    try (KubeTestBed bed = new KubeTestBed().startController();
        WorkflowController second =
            WorkflowController.start(bed.client, KubeTestBed.fastConfig())) {
      bed.kubelet.onNode("^twoc-", PodScript.succeed().runningFor(Duration.ofMillis(700)));
      for (int i = 0; i < WORKFLOWS; i++) {
        bed.submit(wf(i));
      }

      List<String> overlaps = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!allCompleted(bed) && System.nanoTime() < deadline) {
        List<String> running =
            bed.pods().stream()
                .filter(p -> p.getMetadata().getName().startsWith("twoc-"))
                .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                .map(p -> p.getMetadata().getName())
                .toList();
        if (running.size() > 1) {
          overlaps.add(running.toString());
        }
        Thread.sleep(20);
      }

      assertThat(overlaps).as("pods of mutex holders running at once").isEmpty();
      for (int i = 0; i < WORKFLOWS; i++) {
        assertThat(bed.workflow("twoc-" + i).status().phase())
            .as("twoc-" + i)
            .isEqualTo(WorkflowPhase.SUCCEEDED);
      }
      Awaitility.await()
          .atMost(KubeTestBed.WAIT)
          .untilAsserted(() -> {
            assertThat(recordedHolders(bed)).isEmpty();
            assertThat(bed.controller().lockHolders()).doesNotContainKey("argo/Mutex/twoc");
            assertThat(second.lockHolders()).doesNotContainKey("argo/Mutex/twoc");
          });
      assertThat(leases(bed)).as("one lock record for the mutex").hasSize(1);
    }
  }

  private static boolean allCompleted(KubeTestBed bed) {
    for (int i = 0; i < WORKFLOWS; i++) {
      Workflow w = bed.workflow("twoc-" + i);
      if (w == null || w.status() == null || !w.status().phase().isCompleted()) {
        return false;
      }
    }
    return true;
  }

  private static List<Lease> leases(KubeTestBed bed) {
    return bed.client
        .leases()
        .inNamespace(KubeTestBed.NS)
        .withLabel(Fabric8Cluster.LOCK_LABEL, "true")
        .list()
        .getItems();
  }

  private static TreeSet<String> recordedHolders(KubeTestBed bed) {
    TreeSet<String> out = new TreeSet<>();
    for (Lease l : leases(bed)) {
      Map<String, String> a = l.getMetadata().getAnnotations();
      String hs = a == null ? "" : a.getOrDefault(Fabric8Cluster.HOLDERS_ANNOTATION, "");
      if (!hs.isBlank()) {
        out.add(hs);
      }
    }
    return out;
  }
}
