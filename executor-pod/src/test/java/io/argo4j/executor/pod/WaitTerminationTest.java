package io.argo4j.executor.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pod deletion: the kubelet sends TERM to every container at once. The wait container, a JVM of its
 * own here, must still report the step's end (exit 143) before it exits.
 */
class WaitTerminationTest {

  @TempDir Path tmp;

  @Test
  void aWaitContainerTerminatedWithItsPodStillReportsTheStepsEnd() throws Exception {
    String template =
        "{\"name\":\"long\",\"container\":{\"image\":\"busybox\",\"command\":[\"sh\",\"-c\"],"
            + "\"args\":[\"echo started; sleep 60\"]}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-t", template)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();

      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.addAll(
          List.of("-cp", System.getProperty("java.class.path"), ExecutorMain.class.getName()));
      cmd.addAll(
          List.of(
              "wait",
              "--var-run",
              pod.varRun.toString(),
              "--annotations",
              pod.annotations.toString(),
              "--termination-log",
              tmp.resolve("termination-log").toString(),
              "--poll",
              "50ms",
              "--api-backoff",
              "20ms",
              "--term-grace",
              "30s"));
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().putAll(pod.env);
      // fabric8's configuration from the environment, pointing at the mock server
      pb.environment()
          .putAll(
              Map.of(
                  "KUBERNETES_MASTER", pod.client.getMasterUrl().toString(),
                  "KUBERNETES_TRUST_CERTIFICATES", "true",
                  "KUBERNETES_AUTH_TRYKUBECONFIG", "false",
                  "KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false",
                  "KUBERNETES_NAMESPACE", PodTestBed.NS));
      pb.redirectErrorStream(true);
      pb.redirectOutput(tmp.resolve("wait-container.log").toFile());
      Process wait = pb.start();
      try {
        GenericKubernetesResource announced = pod.awaitTaskResult("wf-t");
        assertThat(announced.getMetadata().getLabels())
            .containsEntry(PodLayout.LABEL_REPORT_OUTPUTS_COMPLETED, "false");
        Process main = pod.startMain(null, List.of("sh", "-c"), List.of("echo started; sleep 60"));
        Path stdout = Path.of(PodLayout.stepDir(pod.varRun.toString()), "stdout");
        await()
            .atMost(PodTestBed.WAIT)
            .until(() -> Files.exists(stdout) && Files.readString(stdout).contains("started"));

        // the pod is deleted: TERM to both containers at once
        main.destroy();
        wait.destroy();

        assertThat(pod.awaitExit(main)).isEqualTo(143);
        assertThat(wait.waitFor(PodTestBed.WAIT.toSeconds(), TimeUnit.SECONDS))
            .as(Files.readString(tmp.resolve("wait-container.log")))
            .isTrue();
        GenericKubernetesResource tr = pod.taskResult("wf-t");
        assertThat(tr.getMetadata().getLabels())
            .as(Files.readString(tmp.resolve("wait-container.log")))
            .containsEntry(PodLayout.LABEL_REPORT_OUTPUTS_COMPLETED, "true");
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs =
            (Map<String, Object>) tr.getAdditionalProperties().get("outputs");
        assertThat(outputs).containsEntry("exitCode", "143");
      } finally {
        wait.destroyForcibly();
      }
    }
  }
}
