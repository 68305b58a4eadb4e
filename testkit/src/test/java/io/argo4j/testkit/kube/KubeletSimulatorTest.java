package io.argo4j.testkit.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator on its own: what it does to pods and task results, without a controller. */
class KubeletSimulatorTest {
  private static final Logger QUIET = Logger.getLogger("io.fabric8.mockwebserver");
  private static final ResourceDefinitionContext RESULTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("WorkflowTaskResult")
          .withPlural("workflowtaskresults")
          .withNamespaced(true)
          .build();
  private static KubernetesMockServer server;
  private static KubernetesClient client;
  private static KubeletSimulator kubelet;

  @BeforeAll
  static void start() {
    QUIET.setLevel(Level.WARNING);
    server =
        new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            true);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    kubelet = KubeletSimulator.start(client, "ns", Duration.ofMillis(50));
  }

  @AfterAll
  static void stop() {
    kubelet.close();
    client.close();
    server.destroy();
  }

  private static Pod create(String name, String nodeName) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("ns")
            .withLabels(Map.of("workflows.argoproj.io/workflow", "wf"))
            .withAnnotations(
                Map.of(
                    "workflows.argoproj.io/node-id",
                    name + "-id",
                    "workflows.argoproj.io/node-name",
                    nodeName))
            .withFinalizers(List.of("workflows.argoproj.io/status"))
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("wait")
            .endContainer()
            .addNewContainer()
            .withName("main")
            .endContainer()
            .endSpec()
            .build();
    return client.pods().inNamespace("ns").resource(pod).create();
  }

  private static Pod get(String name) {
    return client.pods().inNamespace("ns").withName(name).get();
  }

  private static String phase(String name) {
    Pod p = get(name);
    return p == null || p.getStatus() == null ? null : p.getStatus().getPhase();
  }

  private static GenericKubernetesResource result(String nodeId) {
    return client.genericKubernetesResources(RESULTS).inNamespace("ns").withName(nodeId).get();
  }

  @Test
  void aPodRunsToSuccessAndItsOutputsAreReportedBeforeItEnds() {
    kubelet.onNode("^ok$", PodScript.succeed().withResult("out").withParameter("p", "v"));
    create("ok", "ok");

    await().atMost(Duration.ofSeconds(30)).until(() -> "Succeeded".equals(phase("ok")));

    Pod pod = get("ok");
    assertThat(pod.getSpec().getNodeName()).isEqualTo(KubeletSimulator.NODE);
    assertThat(pod.getStatus().getContainerStatuses())
        .allSatisfy(c -> assertThat(c.getState().getTerminated().getExitCode()).isZero());
    GenericKubernetesResource tr = result("ok-id");
    assertThat(tr.getMetadata().getLabels())
        .containsEntry("workflows.argoproj.io/report-outputs-completed", "true")
        .containsEntry("workflows.argoproj.io/workflow", "wf");
    assertThat(tr.getAdditionalProperties().get("outputs").toString()).contains("out", "p", "v");
  }

  @Test
  void deletionIsHonouredWithSigtermAndTheFinalizerKeepsTheObject() {
    kubelet.onNode("^del$", PodScript.succeed().with(Fault.RUN_FOREVER));
    create("del", "del");
    await().atMost(Duration.ofSeconds(30)).until(() -> "Running".equals(phase("del")));

    kubelet.deletePod("del");

    await().atMost(Duration.ofSeconds(30)).until(() -> "Failed".equals(phase("del")));
    assertThat(get("del").getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(
            get("del").getStatus().getContainerStatuses().stream()
                .filter(c -> c.getName().equals("main"))
                .findFirst()
                .orElseThrow()
                .getState()
                .getTerminated()
                .getExitCode())
        .isEqualTo(143);
  }

  @Test
  void anImageThatNeverPullsStaysPending() {
    kubelet.onNode("^pull$", PodScript.succeed().with(Fault.IMAGE_PULL_FAILURE));
    create("pull", "pull");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() ->
            get("pull").getStatus() != null
                && get("pull").getStatus().getContainerStatuses() != null
                && get("pull").getStatus().getContainerStatuses().stream()
                    .anyMatch(c ->
                        c.getState().getWaiting() != null
                            && "ImagePullBackOff".equals(c.getState().getWaiting().getReason())));
    assertThat(phase("pull")).isEqualTo("Pending");
    assertThat(kubelet.problems()).isEmpty();
  }
}
