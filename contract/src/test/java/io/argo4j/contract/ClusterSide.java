package io.argo4j.contract;

import io.argo4j.engine.EngineConfig;
import io.argo4j.executor.ExecutorConfig;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.Manifest;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestWriter;
import io.argo4j.model.io.ModelJson;
import io.argo4j.runtime.kubernetes.ControllerConfig;
import io.argo4j.runtime.kubernetes.WorkflowController;
import io.argo4j.testkit.kube.KubeletSimulator;
import io.argo4j.testkit.kube.StepPodRunner;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The simulated cluster: a fabric8 mock API server (CRUD mode) with our CRDs, the workflow
 * controller, and the kubelet simulator running every pod's step for real through {@link
 * StepPodRunner}. One for the whole suite; examples use distinct workflow names.
 */
final class ClusterSide implements AutoCloseable {
  static final String NAMESPACE = "argo";

  /** Held so that JUL does not forget the level (it keeps loggers weakly). */
  private static final Logger QUIET = Logger.getLogger("io.fabric8.mockwebserver");

  private static final Duration POLL = Duration.ofMillis(250);

  private static final ResourceDefinitionContext WORKFLOWS = crd("Workflow", "workflows", true);
  private static final ResourceDefinitionContext TASK_RESULTS =
      crd("WorkflowTaskResult", "workflowtaskresults", true);
  private static final ResourceDefinitionContext WORKFLOW_TEMPLATES =
      crd("WorkflowTemplate", "workflowtemplates", true);
  private static final ResourceDefinitionContext CLUSTER_WORKFLOW_TEMPLATES =
      crd("ClusterWorkflowTemplate", "clusterworkflowtemplates", false);

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final StepPodRunner runner;
  private final KubeletSimulator kubelet;
  private final WorkflowController controller;
  private final com.fasterxml.jackson.databind.ObjectMapper json = ModelJson.newObjectMapper();

  private ClusterSide(
      KubernetesMockServer server,
      KubernetesClient client,
      StepPodRunner runner,
      KubeletSimulator kubelet,
      WorkflowController controller) {
    this.server = server;
    this.client = client;
    this.runner = runner;
    this.kubelet = kubelet;
    this.controller = controller;
  }

  /**
   * Starts the cluster.
   *
   * @param repo the repository root (for the CRDs under {@code manifests/base/crds})
   * @param steps where the pods' step directories go
   * @param executor how steps run: the same settings as the local side's
   * @param engine the engine's settings: the same as the local side's
   */
  static ClusterSide start(Path repo, Path steps, ExecutorConfig executor, EngineConfig engine)
      throws Exception {
    QUIET.setLevel(Level.WARNING);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            true);
    server.init(InetAddress.getLoopbackAddress(), 0);
    KubernetesClient client = server.createClient();
    installCrds(client, repo.resolve("manifests/base/crds"));
    StepPodRunner runner = StepPodRunner.create(executor, steps);
    KubeletSimulator kubelet =
        KubeletSimulator.start(client, NAMESPACE, Duration.ofMillis(20)).runWith(runner);
    ControllerConfig config =
        ControllerConfig.defaults()
            .withNamespace(NAMESPACE)
            .withWorkers(4)
            .withApiCallTimeout(Duration.ofSeconds(10))
            .withTerminationGracePeriod(Duration.ofSeconds(2))
            .withPodGcDeleteDelay(Duration.ofMillis(200))
            .withCronSyncPeriod(Duration.ofHours(1))
            .withEngine(engine);
    WorkflowController controller = WorkflowController.start(client, config);
    return new ClusterSide(server, client, runner, kubelet, controller);
  }

  private static void installCrds(KubernetesClient client, Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          CustomResourceDefinition crd =
              client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
          client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
      }
    }
  }

  /** Creates the templates, as upstream's e2e installs them. */
  void install(CorpusTemplates templates) {
    for (Manifest m : templates.templates()) {
      GenericKubernetesResource r =
          client
              .getKubernetesSerialization()
              .unmarshal(ManifestWriter.create().toJson(m), GenericKubernetesResource.class);
      if (m instanceof ClusterWorkflowTemplate) {
        client.genericKubernetesResources(CLUSTER_WORKFLOW_TEMPLATES).resource(r).create();
      } else {
        r.getMetadata().setNamespace(NAMESPACE);
        client
            .genericKubernetesResources(WORKFLOW_TEMPLATES)
            .inNamespace(NAMESPACE)
            .resource(r)
            .create();
      }
    }
  }

  /**
   * Creates the workflow and waits until the controller has marked it completed.
   *
   * @return the completed workflow, or the workflow as it stood when {@code timeout} passed
   */
  Workflow run(Workflow workflow, Duration timeout) throws Exception {
    GenericKubernetesResource r =
        client
            .getKubernetesSerialization()
            .unmarshal(ManifestWriter.create().toJson(workflow), GenericKubernetesResource.class);
    r.getMetadata().setNamespace(NAMESPACE);
    String name = r.getMetadata().getName();
    long deadline = System.nanoTime() + timeout.toNanos();
    create(r, deadline);
    Workflow current = null;
    while (!completed(current) && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
      current = read(name).orElse(current);
    }
    return current;
  }

  /**
   * Creates the workflow; a call that timed out (the mock server is slow on a loaded machine) is
   * tried again, and finding it created by the earlier try is fine.
   */
  private void create(GenericKubernetesResource r, long deadline) throws InterruptedException {
    while (true) {
      try {
        client.genericKubernetesResources(WORKFLOWS).inNamespace(NAMESPACE).resource(r).create();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          return;
        }
        if (System.nanoTime() >= deadline) {
          throw e;
        }
        Thread.sleep(POLL.toMillis());
      }
    }
  }

  /** The workflow as stored, or empty when the read failed (tried again on the next poll). */
  private Optional<Workflow> read(String name) throws IOException {
    GenericKubernetesResource r;
    try {
      r = client.genericKubernetesResources(WORKFLOWS).inNamespace(NAMESPACE).withName(name).get();
    } catch (KubernetesClientException e) {
      return Optional.empty();
    }
    return r == null
        ? Optional.empty()
        : Optional.of(
            json.readValue(client.getKubernetesSerialization().asJson(r), Workflow.class));
  }

  static boolean completed(Workflow wf) {
    Map<String, String> labels = wf == null ? null : wf.metadata().getLabels();
    return labels != null && "true".equals(labels.get("workflows.argoproj.io/completed"));
  }

  /**
   * The workflow's pods (phase, main's exit code) and task results (completed label, outputs) as
   * the API server holds them now, for reports on runs that went wrong.
   */
  String describe(String workflowName) {
    StringBuilder b = new StringBuilder();
    try {
      client
          .pods()
          .inNamespace(NAMESPACE)
          .withLabel("workflows.argoproj.io/workflow", workflowName)
          .list()
          .getItems()
          .forEach(p ->
              b.append("    pod ")
                  .append(p.getMetadata().getName())
                  .append(" ")
                  .append(p.getStatus() == null ? null : p.getStatus().getPhase())
                  .append(" labels=")
                  .append(p.getMetadata().getLabels())
                  .append("\n      simulator: ")
                  .append(kubelet.describe(p.getMetadata().getName()))
                  .append("\n"));
      client
          .genericKubernetesResources(TASK_RESULTS)
          .inNamespace(NAMESPACE)
          .withLabel("workflows.argoproj.io/workflow", workflowName)
          .list()
          .getItems()
          .forEach(r ->
              b.append("    task result ")
                  .append(r.getMetadata().getName())
                  .append(" labels=")
                  .append(r.getMetadata().getLabels())
                  .append(" outputs=")
                  .append(r.getAdditionalProperties().get("outputs"))
                  .append("\n"));
    } catch (KubernetesClientException e) {
      b.append("    (cannot list: ").append(e.getMessage()).append(")\n");
    }
    return b.toString();
  }

  /** Errors the kubelet simulator met (they should stay empty). */
  List<String> problems() {
    return kubelet.problems();
  }

  private static ResourceDefinitionContext crd(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("argoproj.io")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  @Override
  public void close() {
    controller.close();
    kubelet.close();
    runner.close();
    client.close();
    server.destroy();
  }
}
