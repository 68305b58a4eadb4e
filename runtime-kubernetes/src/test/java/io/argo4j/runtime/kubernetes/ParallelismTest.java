package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.PodScript;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ConfigMap's parallelism and namespaceParallelism: workflows beyond the cap are Pending with
 * Argo's message and start in creation order as slots free.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParallelismTest {
  static final String POSTPONED =
      "Workflow processing has been postponed because too many workflows are already running";
  private static KubeTestBed bed;

  @BeforeAll
  static void start() {
    bed = new KubeTestBed();
    ConfigMapTest.apply(bed, Map.of("parallelism", "1"));
    bed.startController(
        KubeTestBed.fastConfig()
            .withConfigMap(new ControllerConfig.ConfigMapRef(KubeTestBed.NS, ConfigMapTest.NAME)));
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  private static String workflow(String name) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      templates:
        - name: main
          container:
            image: busybox
            command: [sleep, "1"]
    """
        .formatted(name);
  }

  @Test
  @Order(1)
  void workflowsBeyondTheLimitWaitPendingAndStartInCreationOrder() {
    bed.kubelet.onNode("^par-a$", PodScript.succeed().runningFor(Duration.ofSeconds(2)));
    bed.kubelet.onNode("^par-[bc]$", PodScript.succeed().runningFor(Duration.ofMillis(800)));
    bed.submit(workflow("par-a"));
    bed.awaitPhase("par-a", WorkflowPhase.RUNNING);
    bed.submit(workflow("par-b"));
    bed.submit(workflow("par-c"));

    Workflow b = bed.awaitPhase("par-b", WorkflowPhase.PENDING);
    assertThat(b.status().message()).isEqualTo(POSTPONED);
    assertThat(b.metadata().getLabels()).containsEntry("workflows.argoproj.io/phase", "Pending");
    Workflow c = bed.awaitPhase("par-c", WorkflowPhase.PENDING);
    assertThat(c.status().message()).isEqualTo(POSTPONED);
    assertThat(bed.podsOf("par-b")).isEmpty();
    assertThat(bed.podsOf("par-c")).isEmpty();

    Workflow a = bed.awaitCompleted("par-a");
    b = bed.awaitCompleted("par-b");
    c = bed.awaitCompleted("par-c");
    assertThat(a.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(b.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(c.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    // one at a time, oldest first
    assertThat(b.status().startedAt()).isAfterOrEqualTo(a.status().finishedAt());
    assertThat(c.status().startedAt()).isAfterOrEqualTo(b.status().finishedAt());
    assertThat(b.status().message()).isNull();
  }

  @Test
  @Order(2)
  void namespaceParallelismAppliesOnReloadAndATerminatedWaiterEndsAtOnce() {
    ConfigMapTest.apply(bed, Map.of("namespaceParallelism", "1"));
    await()
        .atMost(KubeTestBed.WAIT)
        .until(() ->
            bed.controller().settings().namespaceParallelism() == 1
                && bed.controller().settings().parallelism() == 0);
    bed.kubelet.onNode("^ns-a$", PodScript.succeed().runningFor(Duration.ofSeconds(2)));
    bed.kubelet.onNode("^ns-b$", PodScript.succeed());
    bed.submit(workflow("ns-a"));
    bed.awaitPhase("ns-a", WorkflowPhase.RUNNING);
    bed.submit(workflow("ns-b"));
    bed.submit(workflow("ns-c"));
    bed.awaitPhase("ns-b", WorkflowPhase.PENDING);
    bed.awaitPhase("ns-c", WorkflowPhase.PENDING);

    // a waiting workflow that is terminated does not wait for a slot to end
    bed.shutdown("ns-c", "Terminate");
    Workflow c = bed.awaitCompleted("ns-c");
    assertThat(c.status().phase()).isIn(WorkflowPhase.FAILED, WorkflowPhase.ERROR);
    assertThat(bed.podsOf("ns-c")).isEmpty();

    Workflow a = bed.awaitCompleted("ns-a");
    Workflow b = bed.awaitCompleted("ns-b");
    assertThat(b.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(b.status().startedAt()).isAfterOrEqualTo(a.status().finishedAt());
  }
}
