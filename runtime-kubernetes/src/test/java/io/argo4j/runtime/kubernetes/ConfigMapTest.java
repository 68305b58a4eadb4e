package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.PodScript;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The controller reads workflow-controller-configmap at start, applies a changed one without a
 * restart, and keeps the last valid one when a change is malformed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigMapTest {
  static final String NAME = "workflow-controller-configmap";
  private static KubeTestBed bed;

  @BeforeAll
  static void start() {
    bed = new KubeTestBed();
    apply(
        bed,
        Map.of(
            "executor",
            "image: registry.example/exec:1\nresources:\n  requests:\n    cpu: 10m\n",
            "mainContainer",
            "imagePullPolicy: IfNotPresent\nenv:\n  - name: FROM_CONFIG\n    value: \"1\"\n",
            "images",
            "argoproj/argosay:v2:\n  entrypoint: [/argosay]\n",
            "workflowDefaults",
            "metadata:\n  labels:\n    team: data\nspec:\n  serviceAccountName: runner\n",
            "persistence",
            "archive: true\n",
            "colour",
            "blue"));
    bed.startController(
        KubeTestBed.fastConfig()
            .withConfigMap(new ControllerConfig.ConfigMapRef(KubeTestBed.NS, NAME)));
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  static void apply(KubeTestBed bed, Map<String, String> data) {
    bed.client
        .configMaps()
        .inNamespace(KubeTestBed.NS)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(KubeTestBed.NS)
                .endMetadata()
                .withData(data)
                .build())
        .createOr(c -> c.update());
  }

  private static final String SAY =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        name: %s
      spec:
        entrypoint: main
        templates:
          - name: main
            container:
              image: argoproj/argosay:v2
              args: [echo, hi]
      """;

  @Test
  @Order(1)
  void settingsReadAtStartShapePodsAndWorkflows() {
    bed.kubelet.onNode("cm-start", PodScript.succeed());
    bed.submit(SAY.formatted("cm-start"));
    Pod pod = bed.awaitPod("cm-start", null);

    Container init = pod.getSpec().getInitContainers().get(0);
    Container wait = pod.getSpec().getContainers().get(0);
    Container main = pod.getSpec().getContainers().get(1);
    assertThat(init.getImage()).isEqualTo("registry.example/exec:1");
    assertThat(wait.getImage()).isEqualTo("registry.example/exec:1");
    assertThat(wait.getResources().getRequests()).containsKey("cpu");
    assertThat(main.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(main.getEnv()).extracting("name").contains("FROM_CONFIG");
    // no command in the template: the image's entrypoint from `images`, wrapped, with the args
    assertThat(main.getCommand()).endsWith("--", "/argosay");
    assertThat(main.getArgs()).containsExactly("echo", "hi");

    Workflow wf = bed.awaitCompleted("cm-start");
    assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(wf.metadata().getLabels()).containsEntry("team", "data");
    assertThat(wf.spec().serviceAccountName()).isEqualTo("runner");
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("runner");
  }

  @Test
  @Order(2)
  void aChangedConfigMapAppliesWithoutRestart() {
    apply(bed, Map.of("config", "executor:\n  image: registry.example/exec:2\nparallelism: 5\n"));
    await().atMost(KubeTestBed.WAIT).until(() -> bed.controller().settings().parallelism() == 5);
    assertThat(bed.controller().settings().executor().getImage())
        .isEqualTo("registry.example/exec:2");
    assertThat(bed.controller().settings().workflowDefaults()).isNull();

    bed.kubelet.onNode("cm-reload", PodScript.succeed());
    bed.submit(SAY.formatted("cm-reload"));
    Pod pod = bed.awaitPod("cm-reload", null);
    assertThat(pod.getSpec().getInitContainers().get(0).getImage())
        .isEqualTo("registry.example/exec:2");
    assertThat(bed.awaitCompleted("cm-reload").status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
  }

  @Test
  @Order(3)
  void aMalformedChangeIsReportedAndThePreviousSettingsStay() {
    apply(bed, Map.of("parallelism", "lots", "executor", "image: registry.example/exec:3\n"));
    await().atMost(KubeTestBed.WAIT).until(() -> bed.controller().settingsError().isPresent());
    assertThat(bed.controller().settingsError().get())
        .contains("'parallelism'")
        .contains("whole number")
        .contains("lots");
    assertThat(bed.controller().settings().parallelism()).isEqualTo(5);
    assertThat(bed.controller().settings().executor().getImage())
        .isEqualTo("registry.example/exec:2");

    // the controller goes on working
    bed.kubelet.onNode("cm-bad", PodScript.succeed());
    bed.submit(SAY.formatted("cm-bad"));
    assertThat(bed.awaitPod("cm-bad", null).getSpec().getInitContainers().get(0).getImage())
        .isEqualTo("registry.example/exec:2");
    assertThat(bed.awaitCompleted("cm-bad").status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);

    // fixing it applies the fix
    apply(bed, Map.of("parallelism", "4"));
    await()
        .atMost(KubeTestBed.WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> bed.controller().settings().parallelism() == 4);
    assertThat(bed.controller().settingsError()).isEmpty();
  }
}
