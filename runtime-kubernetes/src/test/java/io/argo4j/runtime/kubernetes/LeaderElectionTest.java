package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.model.WorkflowPhase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two controllers on one Lease: one acts, the standby takes over when the leader stops. */
class LeaderElectionTest {

  private static String hello(String name) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      templates:
        - name: main
          container: {image: busybox, command: [echo, hi]}
    """
        .formatted(name);
  }

  @Test
  void standbyTakesOverWhenTheLeaderStops() {
    try (KubeTestBed bed = new KubeTestBed()) {
      Duration lease = Duration.ofSeconds(3);
      ControllerConfig config = KubeTestBed.fastConfig();
      var first =
          new LeaderElectedController(
              bed.client, config, KubeTestBed.NS, "workflow-controller", "one", lease);
      await().atMost(KubeTestBed.WAIT).until(first::leading);
      var second =
          new LeaderElectedController(
              bed.client, config, KubeTestBed.NS, "workflow-controller", "two", lease);
      try {
        assertThat(bed.awaitCompleted(bed.submit(hello("le-first"))).status().phase())
            .isEqualTo(WorkflowPhase.SUCCEEDED);
        assertThat(second.leading()).isFalse();

        first.close();

        await("the standby leads").atMost(KubeTestBed.WAIT).until(second::leading);
        assertThat(first.leading()).isFalse();
        assertThat(bed.awaitCompleted(bed.submit(hello("le-second"))).status().phase())
            .isEqualTo(WorkflowPhase.SUCCEEDED);
      } finally {
        second.close();
        first.close();
      }
    }
  }
}
