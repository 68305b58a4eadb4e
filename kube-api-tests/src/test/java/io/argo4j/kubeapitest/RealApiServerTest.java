package io.argo4j.kubeapitest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.engine.EngineConfig;
import io.argo4j.runtime.kubernetes.ControllerConfig;
import io.argo4j.runtime.kubernetes.WorkflowController;
import io.argo4j.testkit.kube.Fault;
import io.argo4j.testkit.kube.KubeletSimulator;
import io.argo4j.testkit.kube.PodScript;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The controller and the kubelet simulator against a real kube-apiserver and etcd (fabric8
 * kube-api-test, offline), where the binaries are present. Everything else in the project runs on
 * the fabric8 mock server; this is what catches where the mock is more lenient than the real API
 * server (status subresources, admission, validation of our CRDs and pods).
 */
@ExtendWith(RequiresKubeApiServer.class)
class RealApiServerTest {
  private static final String NS = "argo";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ResourceDefinitionContext WORKFLOWS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("Workflow")
          .withPlural("workflows")
          .withNamespaced(true)
          .build();

  private static KubeAPIServer server;
  private static KubernetesClient client;
  private static KubeletSimulator kubelet;
  private static WorkflowController controller;

  @BeforeAll
  static void startApiServerControllerAndKubelet() {
    Path dir = RequiresKubeApiServer.testDir();
    Optional<KubeApiServerBinaries> binaries = KubeApiServerBinaries.locate(dir);
    if (binaries.isEmpty()) {
      Assertions.fail(KubeApiServerBinaries.missing(dir) + " (required by -Pkube-api-test)");
    }
    server =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(binaries.get().testDir().toString())
                .withApiServerVersion(binaries.get().version())
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .build());
    server.start();
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
            .build();
    installCrds();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    // No controller-manager runs beside kube-api-test's server: create what it would.
    client
        .serviceAccounts()
        .inNamespace(NS)
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build())
        .create();
    kubelet = KubeletSimulator.start(client, NS, Duration.ofMillis(100));
    controller =
        WorkflowController.start(
            client,
            ControllerConfig.defaults()
                .withNamespace(NS)
                .withWorkers(2)
                .withTerminationGracePeriod(Duration.ofSeconds(1))
                .withDeletedPodFinalizerDelay(Duration.ofSeconds(5))
                .withEngine(
                    EngineConfig.defaults()
                        .withRecentlyStartedPodDuration(Duration.ofSeconds(1))
                        .withTaskResultTimeout(Duration.ofSeconds(5))
                        .withDefaultRequeue(Duration.ofSeconds(1))));
  }

  @AfterAll
  static void stop() {
    if (controller != null) {
      controller.close();
    }
    if (kubelet != null) {
      kubelet.close();
    }
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  private static void installCrds() {
    Path crds = Path.of(System.getProperty("argo4j.repoRoot", "..")).resolve("manifests/base/crds");
    try (Stream<Path> files = Files.list(crds)) {
      for (Path f : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          CustomResourceDefinition crd =
              client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
          client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
          client
              .apiextensions()
              .v1()
              .customResourceDefinitions()
              .withName(crd.getMetadata().getName())
              .waitUntilCondition(
                  RealApiServerTest::established, 60, java.util.concurrent.TimeUnit.SECONDS);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the CRDs in " + crds, e);
    }
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static void submit(String name, String command) {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: %s, namespace: %s}
        spec:
          entrypoint: main
          templates:
            - name: main
              container: {image: busybox, command: %s}
        """
            .formatted(name, NS, command);
    client
        .genericKubernetesResources(WORKFLOWS)
        .inNamespace(NS)
        .resource(
            client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class))
        .create();
  }

  @SuppressWarnings("unchecked")
  private static String phase(String name) {
    GenericKubernetesResource wf =
        client.genericKubernetesResources(WORKFLOWS).inNamespace(NS).withName(name).get();
    Object status = wf == null ? null : wf.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> m ? (String) ((Map<String, Object>) m).get("phase") : null;
  }

  private static Stream<Pod> podsOf(String workflow) {
    return client
        .pods()
        .inNamespace(NS)
        .withLabel("workflows.argoproj.io/workflow", workflow)
        .list()
        .getItems()
        .stream();
  }

  @Test
  void aWorkflowSucceedsAndItsPodsLoseTheirFinalizer() {
    kubelet.onNode("^real-hello$", PodScript.succeed().withResult("hello"));
    submit("real-hello", "[echo, hello]");

    await().atMost(WAIT).until(() -> "Succeeded".equals(phase("real-hello")));
    await()
        .atMost(WAIT)
        .until(() -> podsOf("real-hello").allMatch(p -> p.getMetadata().getFinalizers().isEmpty()));
    assertThat(kubelet.problems()).isEmpty();
  }

  @Test
  void aRunningPodDeletedByForceEndsTheWorkflow() {
    kubelet.onNode("^real-deleted$", PodScript.succeed().with(Fault.RUN_FOREVER));
    submit("real-deleted", "[sleep, \"3600\"]");
    await()
        .atMost(WAIT)
        .until(() ->
            podsOf("real-deleted")
                .anyMatch(
                    p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())));

    kubelet.forceDeletePod(
        podsOf("real-deleted").findFirst().orElseThrow().getMetadata().getName());

    await()
        .atMost(WAIT)
        .until(() ->
            phase("real-deleted") != null
                && Stream.of("Error", "Failed").anyMatch(phase("real-deleted")::equals));
  }
}
