package io.argo4j.executor.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource and data templates run {@code argo4j-exec resource|data} as their main container, which
 * is not implemented yet: it must fail, and the task result must say why.
 */
class NotImplementedTemplatesTest {

  @TempDir Path tmp;

  @Test
  void aResourceTemplateFailsAndItsTaskResultSaysItIsNotImplemented() throws Exception {
    String template =
        "{\"name\":\"make-cm\",\"resource\":{\"action\":\"create\","
            + "\"manifest\":\"apiVersion: v1\\nkind: ConfigMap\\n\"}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-r", template)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      CompletableFuture<Integer> wait = pod.startWait();
      // the executor image's argo4j-exec, run by the wrapper as the controller's pod does
      Path bin = tmp.resolve("bin");
      Files.createDirectories(bin);
      String java = ProcessHandle.current().info().command().orElse("java");
      Path launcher = bin.resolve(PodLayout.EXECUTOR_BINARY);
      Files.writeString(
          launcher,
          "#!/bin/sh\nexec '"
              + java
              + "' -cp '"
              + System.getProperty("java.class.path")
              + "' "
              + ExecutorMain.class.getName()
              + " \"$@\"\n");
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
      Process main =
          pod.startMain(
              null,
              List.of(PodLayout.EXECUTOR_BINARY),
              List.of("resource"),
              Map.of(
                  "PATH",
                  bin + ":/usr/local/bin:/usr/bin:/bin",
                  ExecutorMain.ENV_VAR_RUN,
                  pod.varRun.toString()));
      assertThat(pod.awaitExit(main)).isEqualTo(1);
      assertThat(pod.mainContainerLog())
          .contains("argo4j-exec resource: resource templates are not implemented yet");
      assertThat(pod.awaitWait(wait)).isZero();
      GenericKubernetesResource tr = pod.taskResult("wf-r");
      assertThat(tr.getMetadata().getLabels())
          .containsEntry(PodLayout.LABEL_REPORT_OUTPUTS_COMPLETED, "true");
      assertThat((String) tr.getAdditionalProperties().get("message"))
          .startsWith("resource templates are not implemented yet by argo4j's in-pod executor");
    }
  }

  @Test
  void dataFailsSayingSoEvenOutsideAPod() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new ExecutorMain(
                Map.of(),
                () -> {
                  throw new AssertionError("no API call expected");
                },
                new java.io.PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8))
            .execute(
                "data",
                "--var-run",
                tmp.resolve("none").toString(),
                "--termination-log",
                tmp.resolve("log").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("data templates are not implemented yet");
    assertThat(tmp.resolve("log")).content().contains("not implemented yet");
  }
}
