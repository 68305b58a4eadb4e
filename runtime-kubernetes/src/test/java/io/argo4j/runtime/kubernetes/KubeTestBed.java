package io.argo4j.runtime.kubernetes;

import static org.awaitility.Awaitility.await;

import io.argo4j.engine.EngineConfig;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.io.ModelJson;
import io.argo4j.testkit.kube.KubeletSimulator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A fabric8 mock API server in CRUD mode with our CRDs installed, the kubelet simulator, and a
 * controller with short timings. Given/when/then helpers for the tests.
 */
final class KubeTestBed implements AutoCloseable {
  static final String NS = "argo";
  static final Duration WAIT = Duration.ofSeconds(60);
  static final Path REPO =
      Path.of(System.getProperty("argo4j.repoRoot", Path.of("..").toAbsolutePath().toString()));

  /** Held so that JUL does not forget the levels (it keeps loggers weakly). */
  private static final List<Logger> QUIET =
      Stream.of("io.fabric8.mockwebserver", "io.fabric8.mockwebserver.MockWebServer")
          .map(Logger::getLogger)
          .peek(l ->
              l.setLevel(Boolean.getBoolean("argo4j.test.httpLog") ? Level.INFO : Level.WARNING))
          .toList();

  final KubernetesMockServer server;
  final KubernetesClient client;
  final KubeletSimulator kubelet;
  private WorkflowController controller;
  private final com.fasterxml.jackson.databind.ObjectMapper json = ModelJson.newObjectMapper();

  KubeTestBed() {
    server =
        new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            true);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    installCrds(client);
    kubelet = KubeletSimulator.start(client, NS, Duration.ofMillis(60));
  }

  static ControllerConfig fastConfig() {
    return ControllerConfig.defaults()
        .withNamespace(NS)
        .withWorkers(2)
        .withApiCallTimeout(Duration.ofSeconds(5))
        .withTerminationGracePeriod(Duration.ofMillis(600))
        .withDeletedPodFinalizerDelay(Duration.ofSeconds(3))
        .withPodGcDeleteDelay(Duration.ofMillis(200))
        // CronWorkflow tests drive the cron reconciler with their own clock
        .withCronSyncPeriod(Duration.ofHours(1))
        .withEngine(
            EngineConfig.defaults()
                .withRecentlyStartedPodDuration(Duration.ofMillis(500))
                .withTaskResultTimeout(Duration.ofSeconds(2))
                .withDefaultRequeue(Duration.ofMillis(500)));
  }

  private static KubeTestBed shared;

  /**
   * One bed for the whole test run (starting a mock server and warming its client costs seconds on
   * a loaded machine). Tests sharing it use distinct workflow names and node-name rules.
   */
  static synchronized KubeTestBed shared() {
    if (shared == null) {
      shared = new KubeTestBed().startController();
      KubeTestBed bed = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(bed::close));
    }
    return shared;
  }

  private static KubeTestBed faulty;
  static final FaultyCluster FAULTS = new FaultyCluster();

  /**
   * A second shared bed whose single-worker controller reaches the cluster through {@link #FAULTS}
   * (2 s API deadline), for tests that inject API failures.
   */
  static synchronized KubeTestBed faulty() {
    if (faulty == null) {
      faulty =
          new KubeTestBed()
              .startController(
                  fastConfig().withWorkers(1).withApiCallTimeout(Duration.ofSeconds(2)), FAULTS);
      KubeTestBed bed = faulty;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> {
                FAULTS.release();
                bed.close();
              }));
    }
    return faulty;
  }

  KubeTestBed startController() {
    return startController(fastConfig());
  }

  KubeTestBed startController(ControllerConfig config) {
    controller = WorkflowController.start(client, config);
    return this;
  }

  /** Starts a controller whose cluster calls go through {@code faults}. */
  KubeTestBed startController(ControllerConfig config, FaultyCluster faults) {
    controller =
        WorkflowController.start(
            faults.wrap(new Fabric8Cluster(client, config.namespace(), config.apiCallTimeout())),
            config,
            java.time.InstantSource.system(),
            client.getKubernetesSerialization());
    return this;
  }

  WorkflowController controller() {
    return controller;
  }

  static void installCrds(KubernetesClient client) {
    Path dir = REPO.resolve("manifests/base/crds");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          CustomResourceDefinition crd =
              client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
          client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the CRDs in " + dir, e);
    }
  }

  /** Creates the workflow manifest (YAML) in the test namespace. */
  String submit(String yaml) {
    GenericKubernetesResource wf =
        client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    wf.getMetadata().setNamespace(NS);
    return client
        .genericKubernetesResources(Fabric8Cluster.WORKFLOWS)
        .inNamespace(NS)
        .resource(wf)
        .create()
        .getMetadata()
        .getName();
  }

  Workflow workflow(String name) {
    GenericKubernetesResource r =
        client
            .genericKubernetesResources(Fabric8Cluster.WORKFLOWS)
            .inNamespace(NS)
            .withName(name)
            .get();
    if (r == null) {
      return null;
    }
    try {
      return json.readValue(client.getKubernetesSerialization().asJson(r), Workflow.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  WorkflowPhase phase(String name) {
    Workflow wf = workflow(name);
    return wf == null || wf.status() == null ? null : wf.status().phase();
  }

  Workflow awaitPhase(String name, WorkflowPhase phase) {
    await("workflow " + name + " " + phase)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> phase(name) == phase);
    return workflow(name);
  }

  Workflow awaitCompleted(String name) {
    await("workflow " + name + " completed")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> {
          Workflow wf = workflow(name);
          return wf != null
              && wf.metadata().getLabels() != null
              && "true".equals(wf.metadata().getLabels().get("workflows.argoproj.io/completed"));
        });
    return workflow(name);
  }

  List<Pod> pods() {
    return client.pods().inNamespace(NS).list().getItems();
  }

  List<Pod> podsOf(String workflow) {
    return client
        .pods()
        .inNamespace(NS)
        .withLabel("workflows.argoproj.io/workflow", workflow)
        .list()
        .getItems();
  }

  List<GenericKubernetesResource> taskResultsOf(String workflow) {
    return client
        .genericKubernetesResources(Fabric8Cluster.TASK_RESULTS)
        .inNamespace(NS)
        .withLabel("workflows.argoproj.io/workflow", workflow)
        .list()
        .getItems();
  }

  /** Sets spec.shutdown as {@code argo stop} / {@code argo terminate} do (retrying on 409). */
  void shutdown(String workflow, String strategy) {
    for (int attempt = 0; ; attempt++) {
      try {
        client
            .genericKubernetesResources(Fabric8Cluster.WORKFLOWS)
            .inNamespace(NS)
            .withName(workflow)
            .edit(w -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> spec =
                  (Map<String, Object>) w.getAdditionalProperties().get("spec");
              spec.put("shutdown", strategy);
              return w;
            });
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 20) {
          throw e;
        }
      }
    }
  }

  void deleteWorkflow(String workflow) {
    client
        .genericKubernetesResources(Fabric8Cluster.WORKFLOWS)
        .inNamespace(NS)
        .withName(workflow)
        .delete();
  }

  List<GenericKubernetesResource> taskResults() {
    return client
        .genericKubernetesResources(Fabric8Cluster.TASK_RESULTS)
        .inNamespace(NS)
        .list()
        .getItems();
  }

  /** Waits for a pod of the node whose name matches, in the given pod phase (null: any). */
  Pod awaitPod(String nodeNamePattern, String podPhase) {
    var pattern = java.util.regex.Pattern.compile(nodeNamePattern);
    Predicate<Pod> match =
        p -> {
          Map<String, String> a = p.getMetadata().getAnnotations();
          String nodeName = a == null ? "" : a.getOrDefault("workflows.argoproj.io/node-name", "");
          String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
          return pattern.matcher(nodeName).find() && (podPhase == null || podPhase.equals(phase));
        };
    await("pod of " + nodeNamePattern + " in " + podPhase)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> pods().stream().anyMatch(match));
    return pods().stream().filter(match).findFirst().orElseThrow();
  }

  static NodeStatus node(Workflow wf, String displayName) {
    return wf.status().nodes().values().stream()
        .filter(n -> displayName.equals(n.displayName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + displayName + " in " + nodes(wf)));
  }

  static List<NodeStatus> nodesNamed(Workflow wf, Predicate<NodeStatus> p) {
    return wf.status().nodes().values().stream().filter(p).toList();
  }

  static String nodes(Workflow wf) {
    StringBuilder b = new StringBuilder();
    wf.status()
        .nodes()
        .values()
        .forEach(n ->
            b.append("\n  ")
                .append(n.displayName())
                .append(" ")
                .append(n.type())
                .append(" ")
                .append(n.phase())
                .append(" ")
                .append(n.message()));
    return b.toString();
  }

  static boolean hasFinalizers(HasMetadata o) {
    return o.getMetadata().getFinalizers() != null && !o.getMetadata().getFinalizers().isEmpty();
  }

  @Override
  public void close() {
    if (controller != null) {
      controller.close();
    }
    kubelet.close();
    client.close();
    server.destroy();
  }
}
