package io.argo4j.testkit.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.executor.ExecutorConfig;
import io.argo4j.model.Template;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestReader;
import io.argo4j.model.io.ModelJson;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator running pods' steps for real through {@link StepPodRunner}. */
class StepPodRunnerTest {
  private static final Logger QUIET = Logger.getLogger("io.fabric8.mockwebserver");
  private static final ResourceDefinitionContext RESULTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("WorkflowTaskResult")
          .withPlural("workflowtaskresults")
          .withNamespaced(true)
          .build();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path steps;
  private static KubernetesMockServer server;
  private static KubernetesClient client;
  private static KubeletSimulator kubelet;
  private static StepPodRunner runner;

  @BeforeAll
  static void start() throws Exception {
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
    runner = StepPodRunner.create(ExecutorConfig.builder().build(), steps);
    kubelet = KubeletSimulator.start(client, "ns", Duration.ofMillis(50)).runWith(runner);
  }

  @AfterAll
  static void stop() {
    kubelet.close();
    runner.close();
    client.close();
    server.destroy();
  }

  private static Template template(String yaml) {
    String wf =
        "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: wf}\nspec:\n"
            + "  entrypoint: t\n  templates:\n"
            + yaml.indent(4);
    Workflow w = (Workflow) ManifestReader.strict().read(wf, "t.yaml").manifests().get(0);
    return w.spec().templates().get(0);
  }

  /** A pod as the controller lays it out: main runs the command behind the wrapper. */
  private static Pod create(String name, Template t, List<String> userCommand) throws Exception {
    return create(name, t, userCommand, true);
  }

  private static Pod create(String name, Template t, List<String> userCommand, boolean finalizer)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "/var/run/argo4j/wrapper.sh"));
    command.addAll(List.of("/var/run/argo4j/step", "0", "0", ".", "none", "--"));
    command.addAll(userCommand);
    List<EnvVar> env =
        List.of(
            new EnvVar("ARGO_WORKFLOW_NAME", "wf", null),
            new EnvVar("ARGO_NODE_ID", name + "-id", null),
            new EnvVar("ARGO_TEMPLATE", ModelJson.newObjectMapper().writeValueAsString(t), null),
            new EnvVar("ARGO_INCLUDE_SCRIPT_OUTPUT", "true", null),
            new EnvVar("ARGO_CONTAINER_NAME", "main", null));
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
                    "wf." + name))
            .withFinalizers(finalizer ? List.of("workflows.argoproj.io/status") : List.of())
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("wait")
            .endContainer()
            .addNewContainer()
            .withName("main")
            .withCommand(command)
            .withArgs(
                t.container() != null && t.container().getArgs() != null
                    ? t.container().getArgs()
                    : List.of())
            .withEnv(env)
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

  private static ContainerStatus main(String name) {
    return get(name).getStatus().getContainerStatuses().stream()
        .filter(c -> c.getName().equals("main"))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> outputs(String nodeId) {
    GenericKubernetesResource tr =
        client.genericKubernetesResources(RESULTS).inNamespace("ns").withName(nodeId).get();
    assertThat(tr.getMetadata().getLabels())
        .containsEntry("workflows.argoproj.io/report-outputs-completed", "true");
    return (Map<String, Object>) tr.getAdditionalProperties().get("outputs");
  }

  @Test
  void theStepRunsAndItsStdoutAndOutputParametersAreReported() throws Exception {
    Template t =
        template(
            """
            - name: t
              outputs:
                parameters: [{name: p, valueFrom: {path: /tmp/p.txt}}]
              container:
                image: alpine:3.20
                command: [sh, -c]
                args: ["echo hello; printf 42 > /tmp/p.txt"]
            """);
    create("ok", t, List.of("sh", "-c"));

    await().atMost(WAIT).until(() -> "Succeeded".equals(phase("ok")));

    assertThat(main("ok").getState().getTerminated().getExitCode()).isZero();
    Map<String, Object> outputs = outputs("ok-id");
    assertThat(outputs)
        .containsEntry("result", "hello")
        .containsEntry("exitCode", "0")
        .containsEntry("parameters", List.of(Map.of("name", "p", "value", "42")));
    assertThat(kubelet.problems()).isEmpty();
  }

  @Test
  void aNonZeroExitFailsThePodWithThatExitCode() throws Exception {
    Template t =
        template(
            """
            - name: t
              container: {image: alpine, command: [sh, -c], args: ["exit 3"]}
            """);
    create("three", t, List.of("sh", "-c"));

    await().atMost(WAIT).until(() -> "Failed".equals(phase("three")));

    assertThat(main("three").getState().getTerminated().getExitCode()).isEqualTo(3);
    assertThat(main("three").getState().getTerminated().getReason()).isEqualTo("Error");
    assertThat(outputs("three-id")).containsEntry("exitCode", "3");
  }

  @Test
  void aMissingOutputFailsThePodWithTheExecutorsMessage() throws Exception {
    Template t =
        template(
            """
            - name: t
              outputs:
                parameters: [{name: p, valueFrom: {path: /tmp/never-written}}]
              container: {image: alpine, command: [sh, -c], args: ["true"]}
            """);
    create("noout", t, List.of("sh", "-c"));

    await().atMost(WAIT).until(() -> "Failed".equals(phase("noout")));

    assertThat(main("noout").getState().getTerminated().getExitCode()).isZero();
    assertThat(get("noout").getStatus().getMessage()).contains("/tmp/never-written");
  }

  @Test
  void aPodWhoseCommandIsNotTheTemplatesFailsToStartSayingSo() throws Exception {
    Template t =
        template(
            """
            - name: t
              container: {image: alpine, command: [sh, -c], args: ["true"]}
            """);
    create("mismatch", t, List.of("bash", "-c"));

    await().atMost(WAIT).until(() -> "Failed".equals(phase("mismatch")));

    assertThat(get("mismatch").getStatus().getReason()).isEqualTo(PodOutcome.START_ERROR);
    assertThat(get("mismatch").getStatus().getMessage())
        .contains("not the template's command [sh, -c]");
  }

  @Test
  void deletingARunningPodStopsItsStep() throws Exception {
    Template t =
        template(
            """
            - name: t
              container: {image: alpine, command: [sh, -c], args: ["sleep 600"]}
            """);
    create("long", t, List.of("sh", "-c"));
    await().atMost(WAIT).until(() -> "Running".equals(phase("long")));

    kubelet.deletePod("long");

    await().atMost(WAIT).until(() -> "Failed".equals(phase("long")));
    assertThat(main("long").getState().getTerminated().getExitCode()).isEqualTo(143);
    await()
        .atMost(WAIT)
        .until(() -> ProcessHandle.current().descendants().noneMatch(StepPodRunnerTest::sleeps));
  }

  @Test
  void aPodDeletedWithoutFinalizerTakesItsStepWithIt() throws Exception {
    Template t =
        template(
            """
            - name: t
              container: {image: alpine, command: [sh, -c], args: ["sleep 601"]}
            """);
    create("gone", t, List.of("sh", "-c"), false);
    await().atMost(WAIT).until(() -> "Running".equals(phase("gone")));
    await()
        .atMost(WAIT)
        .until(() -> ProcessHandle.current().descendants().anyMatch(p -> runs(p, "sleep 601")));

    kubelet.deletePod("gone");

    await().atMost(WAIT).until(() -> get("gone") == null);
    await()
        .atMost(WAIT)
        .until(() -> ProcessHandle.current().descendants().noneMatch(p -> runs(p, "sleep 601")));
  }

  private static boolean sleeps(ProcessHandle p) {
    return runs(p, "sleep 600");
  }

  private static boolean runs(ProcessHandle p, String command) {
    return p.info().commandLine().map(c -> c.contains(command)).orElse(false);
  }
}
