package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argo4j.runtime.kubernetes.internal.ControllerSettingsParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerSettingsParserTest {

  private static final String EXECUTOR =
      """
      image: registry.example/argo4j-exec:1.2
      imagePullPolicy: IfNotPresent
      resources:
        requests:
          cpu: 10m
      env:
        - name: EXECUTOR_RETRY_BACKOFF_STEPS
          value: "3"
      """;

  private static final String DEFAULTS =
      """
      metadata:
        labels:
          team: data
      spec:
        serviceAccountName: runner
        activeDeadlineSeconds: 600
      """;

  @Test
  void separateEntriesAreReadKeyByKey() {
    var parsed =
        ControllerSettingsParser.parse(
            Map.of(
                "parallelism", "3",
                "namespaceParallelism", "2",
                "podGCDeleteDelayDuration", "30s",
                "podGCGracePeriodSeconds", "7",
                "executor", EXECUTOR,
                "mainContainer", "imagePullPolicy: Always\n",
                "images", "busybox:\n  entrypoint: [/bin/sh]\n  cmd: [-c, echo hi]\n",
                "workflowDefaults", DEFAULTS,
                "instanceID", "blue",
                "namespace", "jobs"));
    ControllerSettings s = parsed.settings();
    assertThat(s.parallelism()).isEqualTo(3);
    assertThat(s.namespaceParallelism()).isEqualTo(2);
    assertThat(s.podGcDeleteDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.podGcGracePeriod()).isEqualTo(Duration.ofSeconds(7));
    assertThat(s.executor().getImage()).isEqualTo("registry.example/argo4j-exec:1.2");
    assertThat(s.executor().getEnv())
        .extracting("name")
        .containsExactly("EXECUTOR_RETRY_BACKOFF_STEPS");
    assertThat(s.mainContainer().getImagePullPolicy()).isEqualTo("Always");
    assertThat(s.images().get("busybox").entrypoint()).containsExactly("/bin/sh");
    assertThat(s.images().get("busybox").cmd()).containsExactly("-c", "echo hi");
    assertThat(s.workflowDefaults().spec().serviceAccountName()).isEqualTo("runner");
    assertThat(s.workflowDefaults().metadata().getLabels()).containsEntry("team", "data");
    assertThat(s.instanceId()).isEqualTo("blue");
    assertThat(s.namespace()).isEqualTo("jobs");
    assertThat(parsed.unknownKeys()).isEmpty();
    assertThat(parsed.unsupportedKeys()).isEmpty();
  }

  @Test
  void oneConfigEntryGivesTheSameSettings() {
    String blob =
        "parallelism: 3\n"
            + "podGCDeleteDelayDuration: 30s\n"
            + "executor:\n"
            + EXECUTOR.indent(2)
            + "workflowDefaults:\n"
            + DEFAULTS.indent(2);
    ControllerSettings fromBlob = ControllerSettingsParser.parse(Map.of("config", blob)).settings();
    ControllerSettings fromKeys =
        ControllerSettingsParser.parse(
                Map.of(
                    "parallelism",
                    "3",
                    "podGCDeleteDelayDuration",
                    "30s",
                    "executor",
                    EXECUTOR,
                    "workflowDefaults",
                    DEFAULTS))
            .settings();
    assertThat(fromBlob).isEqualTo(fromKeys);
  }

  @Test
  void unknownAndUnsupportedKeysAreListedNotFatal() {
    var parsed =
        ControllerSettingsParser.parse(
            Map.of(
                "parallelism", "1",
                "persistence", "archive: true\n",
                "artifactRepository", "s3:\n  bucket: b\n",
                "paralellism", "5"));
    assertThat(parsed.settings().parallelism()).isEqualTo(1);
    assertThat(parsed.unsupportedKeys()).containsExactly("artifactRepository", "persistence");
    assertThat(parsed.unknownKeys()).containsExactly("paralellism");
  }

  @Test
  void emptyConfigMapMeansNoSettings() {
    assertThat(ControllerSettingsParser.parse(Map.of()).settings())
        .isEqualTo(ControllerSettings.none());
    assertThat(ControllerSettingsParser.parse(Map.of("config", "")).settings())
        .isEqualTo(ControllerSettings.none());
  }

  @Test
  void malformedValuesNameTheKeyAndWhatIsValid() {
    for (var bad :
        List.of(
            Map.of("parallelism", "many"),
            Map.of("namespaceParallelism", "-1"),
            Map.of("podGCDeleteDelayDuration", "soon"),
            Map.of("workflowDefaults", "[1, 2]"),
            Map.of("executor", "just-an-image"),
            Map.of("images", "busybox:\n  command: [sh]\n"),
            Map.of("config", "parallelism: [\n"))) {
      String key = bad.containsKey("config") ? "config" : bad.keySet().iterator().next();
      assertThatThrownBy(() -> ControllerSettingsParser.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + key);
    }
    assertThatThrownBy(
            () -> ControllerSettingsParser.parse(Map.of("config", "parallelism: 1", "x", "2")))
        .hasMessageContaining("must be the only entry");
  }
}
