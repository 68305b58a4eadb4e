package io.argo4j.runtime.kubernetes;

import static io.argo4j.runtime.kubernetes.KubeTestBed.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.NodePhase;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.Fault;
import io.argo4j.testkit.kube.PodScript;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed defect (b), upstream #13052: a workflow terminated while its exit handler runs must not end
 * Succeeded, and no node may stay Running.
 */
class SeedDefectBTest {
  private KubeTestBed bed;

  @BeforeEach
  void start() {
    bed = KubeTestBed.shared();
  }

  private static String withSleepingExitHandler(String name) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      onExit: exit-handler
      templates:
        - name: main
          container: {image: busybox, command: [echo, hi]}
        - name: exit-handler
          steps:
            - - name: sleep
                template: sleep
        - name: sleep
          container: {image: busybox, command: [sleep, "600"]}
    """
        .formatted(name);
  }

  @Test
  void terminateDuringTheExitHandlerFailsTheWorkflowAndLeavesNoNodeRunning() {
    bed.kubelet.onNode("^b-term\\.onExit.*sleep$", PodScript.succeed().with(Fault.RUN_FOREVER));
    String name = bed.submit(withSleepingExitHandler("b-term"));
    bed.awaitPod("^b-term\\.onExit.*sleep$", "Running");

    bed.shutdown(name, "Terminate");

    Workflow wf = bed.awaitCompleted(name);
    assertThat(wf.status().phase()).as(KubeTestBed.nodes(wf)).isNotEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(wf.status().nodes().values())
        .as(KubeTestBed.nodes(wf))
        .noneMatch(n -> n.phase() == NodePhase.RUNNING || n.phase() == NodePhase.PENDING);
    assertThat(node(wf, "b-term.onExit").phase()).isIn(NodePhase.FAILED, NodePhase.ERROR);
  }

  @Test
  void stopLetsTheExitHandlerFinish() {
    bed.kubelet.onNode(
        "^b-stop\\.onExit.*sleep$", PodScript.succeed().runningFor(Duration.ofSeconds(2)));
    String name = bed.submit(withSleepingExitHandler("b-stop"));
    bed.awaitPod("^b-stop\\.onExit.*sleep$", "Running");

    bed.shutdown(name, "Stop");

    Workflow wf = bed.awaitCompleted(name);
    assertThat(node(wf, "b-stop.onExit").phase())
        .as(KubeTestBed.nodes(wf))
        .isEqualTo(NodePhase.SUCCEEDED);
    assertThat(wf.status().nodes().values()).noneMatch(n -> n.phase() == NodePhase.RUNNING);
  }
}
