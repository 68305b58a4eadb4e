package io.argo4j.executor.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod's three containers on this host: {@code argo4j-exec init}, the main container's command
 * line through the real wrapper, and {@code argo4j-exec wait} reporting to a mock API server.
 */
class InPodExecutorTest {

  @TempDir Path tmp;

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private String out(String name) {
    return tmp.resolve("out").resolve(name).toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> outputs(GenericKubernetesResource tr) {
    return (Map<String, Object>) tr.getAdditionalProperties().get("outputs");
  }

  private static String label(GenericKubernetesResource tr) {
    return tr.getMetadata().getLabels().get(PodLayout.LABEL_REPORT_OUTPUTS_COMPLETED);
  }

  @Test
  void reportsResultExitCodeParametersAndArtifactsOfAStepThatSucceeds() throws Exception {
    String script =
        "mkdir -p "
            + tmp.resolve("out")
            + " && printf 'value\\n' > "
            + out("p.txt")
            + " && echo art > "
            + out("art.txt")
            + " && echo hello && echo oops >&2";
    String template =
        "{\"name\":\"hello\",\"container\":{\"image\":\"busybox\",\"command\":[\"sh\",\"-c\"],"
            + "\"args\":["
            + json(script)
            + "]},\"outputs\":{\"parameters\":["
            + "{\"name\":\"p\",\"valueFrom\":{\"path\":"
            + json(out("p.txt"))
            + "}},{\"name\":\"q\",\"valueFrom\":{\"path\":"
            + json(out("missing.txt"))
            + ",\"default\":\"fallback\"}}],\"artifacts\":[{\"name\":\"a\",\"path\":"
            + json(out("art.txt"))
            + "},{\"name\":\"b\",\"path\":"
            + json(out("none"))
            + ",\"optional\":true}]}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-1", template)) {
      ByteArrayOutputStream initErr = new ByteArrayOutputStream();
      assertThat(pod.init(initErr)).as(initErr.toString(StandardCharsets.UTF_8)).isZero();
      CompletableFuture<Integer> wait = pod.startWait();

      // announced before the step ends: label false, owned by the pod
      GenericKubernetesResource announced = pod.awaitTaskResult("wf-1");
      assertThat(label(announced)).isEqualTo("false");
      assertThat(announced.getMetadata().getLabels()).containsEntry(PodLayout.LABEL_WORKFLOW, "wf");
      assertThat(announced.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(o -> {
            assertThat(o.getKind()).isEqualTo("Pod");
            assertThat(o.getName()).isEqualTo("wf-1");
            assertThat(o.getUid()).isEqualTo("pod-uid");
          });

      Process main = pod.startMain(null, List.of("sh", "-c"), List.of(script));
      assertThat(pod.awaitExit(main)).isZero();
      assertThat(pod.awaitWait(wait)).as(pod.waitErr.toString(StandardCharsets.UTF_8)).isZero();

      GenericKubernetesResource tr = pod.taskResult("wf-1");
      assertThat(label(tr)).isEqualTo("true");
      Map<String, Object> outputs = outputs(tr);
      assertThat(outputs)
          .containsEntry("result", "hello")
          .containsEntry("exitCode", "0")
          .containsEntry(
              "parameters",
              List.of(
                  Map.of("name", "p", "value", "value"), Map.of("name", "q", "value", "fallback")))
          .containsEntry("artifacts", List.of(Map.of("name", "a", "path", out("art.txt"))));
      assertThat(tr.getAdditionalProperties()).doesNotContainKey("message");
      // the container's own log has stdout and stderr, as kubectl logs would show
      assertThat(pod.mainContainerLog()).contains("hello").contains("oops");
    }
  }

  @Test
  void runsAScriptTemplateFromTheSourceInitPlaced() throws Exception {
    String template =
        "{\"name\":\"s\",\"script\":{\"image\":\"alpine\",\"command\":[\"sh\"],"
            + "\"source\":\"echo from script\\necho $0 >&2\\n\"}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-2", template)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      Path script = Path.of(PodLayout.script(pod.varRun.toString()));
      assertThat(Files.getPosixFilePermissions(script)).contains(PosixFilePermission.OWNER_EXECUTE);
      CompletableFuture<Integer> wait = pod.startWait();
      // as the controller builds it: the script's path is appended to the args
      Process main = pod.startMain(null, List.of("sh"), List.of(script.toString()));
      assertThat(pod.awaitExit(main)).isZero();
      assertThat(pod.awaitWait(wait)).isZero();
      assertThat(outputs(pod.taskResult("wf-2")))
          .containsEntry("result", "from script")
          .containsEntry("exitCode", "0");
    }
  }

  @Test
  void placesRawInputArtifactsForTheMainContainerToMount() throws Exception {
    String template =
        "{\"name\":\"in\",\"inputs\":{\"artifacts\":[{\"name\":\"cfg\",\"path\":\"/etc/app/cfg.txt\","
            + "\"mode\":416,\"raw\":{\"data\":\"a=1\\n\"}}]},"
            + "\"container\":{\"image\":\"busybox\",\"command\":[\"true\"]}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-3", template)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      // the main container may run as another user: it must be able to record into the step
      assertThat(Files.getPosixFilePermissions(Path.of(PodLayout.stepDir(pod.varRun.toString()))))
          .contains(PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
      Path placed = pod.varRun.resolve(PodLayout.inputArtifactSubPath("/etc/app/cfg.txt"));
      assertThat(placed).hasContent("a=1");
      assertThat(Files.getPosixFilePermissions(placed))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.GROUP_READ);
    }
  }

  @Test
  void reportsTheExitCodeOfAFailingStep() throws Exception {
    String template =
        "{\"name\":\"f\",\"container\":{\"image\":\"busybox\",\"command\":[\"sh\",\"-c\"],"
            + "\"args\":[\"echo partial; exit 3\"]}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-4", template)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      CompletableFuture<Integer> wait = pod.startWait();
      Process main = pod.startMain(null, List.of("sh", "-c"), List.of("echo partial; exit 3"));
      assertThat(pod.awaitExit(main)).isEqualTo(3);
      // the step failed, not the wait container: it reported and ends well
      assertThat(pod.awaitWait(wait)).isZero();
      GenericKubernetesResource tr = pod.taskResult("wf-4");
      assertThat(label(tr)).isEqualTo("true");
      assertThat(outputs(tr)).containsEntry("exitCode", "3").containsEntry("result", "partial");
    }
  }

  @Test
  void stopsTheStepWhenTheControllerWritesTheExecutionDeadline() throws Exception {
    String template =
        "{\"name\":\"long\",\"container\":{\"image\":\"busybox\",\"command\":[\"sh\",\"-c\"],"
            + "\"args\":[\"echo started; sleep 60\"]}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-5", template)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      CompletableFuture<Integer> wait = pod.startWait();
      Process main = pod.startMain(null, List.of("sh", "-c"), List.of("echo started; sleep 60"));
      Path stdout = Path.of(PodLayout.stepDir(pod.varRun.toString()), "stdout");
      await()
          .atMost(PodTestBed.WAIT)
          .until(() -> Files.exists(stdout) && Files.readString(stdout).contains("started"));
      // a deadline in the future does nothing yet (longer than the wrapper's 1 s signal poll)
      pod.requestStop("wf-5", Instant.now().plusSeconds(3600).toString());
      Thread.sleep(1500);
      assertThat(main.isAlive()).isTrue();
      pod.requestStop("wf-5", Instant.now().minusSeconds(1).toString());
      assertThat(pod.awaitExit(main)).isEqualTo(143);
      assertThat(pod.awaitWait(wait)).isZero();
      assertThat(outputs(pod.taskResult("wf-5"))).containsEntry("exitCode", "143");
    }
  }

  @Test
  void killsAStepThatIgnoresTheStopSignal() throws Exception {
    String cmd =
        "trap '' TERM; echo started; i=0; while [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done";
    String template =
        "{\"name\":\"stubborn\",\"container\":{\"image\":\"busybox\",\"command\":[\"sh\",\"-c\"],"
            + "\"args\":["
            + json(cmd)
            + "]}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-6", template)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      CompletableFuture<Integer> wait = pod.startWait("--kill-after", "500ms");
      Process main = pod.startMain(null, List.of("sh", "-c"), List.of(cmd));
      Path stdout = Path.of(PodLayout.stepDir(pod.varRun.toString()), "stdout");
      await()
          .atMost(PodTestBed.WAIT)
          .until(() -> Files.exists(stdout) && Files.readString(stdout).contains("started"));
      pod.requestStop("wf-6", Instant.now().minusSeconds(1).toString());
      assertThat(pod.awaitExit(main)).isEqualTo(137);
      assertThat(pod.awaitWait(wait)).isZero();
      assertThat(outputs(pod.taskResult("wf-6"))).containsEntry("exitCode", "137");
    }
  }

  @Test
  void stopsTheStepAtItsActiveDeadline() throws Exception {
    String template =
        "{\"name\":\"late\",\"container\":{\"image\":\"busybox\",\"command\":[\"sh\",\"-c\"],"
            + "\"args\":[\"sleep 60\"]}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-7", template)) {
      pod.env.put(PodLayout.ENV_DEADLINE, Instant.now().plusMillis(500).toString());
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      CompletableFuture<Integer> wait = pod.startWait();
      Process main = pod.startMain(null, List.of("sh", "-c"), List.of("sleep 60"));
      assertThat(pod.awaitExit(main)).isEqualTo(143);
      assertThat(pod.awaitWait(wait)).isZero();
      assertThat(outputs(pod.taskResult("wf-7"))).containsEntry("exitCode", "143");
    }
  }

  @Test
  void retriesTaskResultWritesTheApiServerFails() throws Exception {
    String template =
        "{\"name\":\"r\",\"container\":{\"image\":\"busybox\",\"command\":[\"echo\"],"
            + "\"args\":[\"ok\"]}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-8", template)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      // the create fails three times, then the final patch twice
      pod.dispatcher.failWrites.set(3);
      CompletableFuture<Integer> wait = pod.startWait();
      pod.awaitTaskResult("wf-8");
      assertThat(pod.dispatcher.failed.get()).isEqualTo(3);
      pod.dispatcher.failWrites.set(2);
      Process main = pod.startMain(null, List.of("echo"), List.of("ok"));
      assertThat(pod.awaitExit(main)).isZero();
      assertThat(pod.awaitWait(wait)).isZero();
      assertThat(pod.dispatcher.failed.get()).isEqualTo(5);
      GenericKubernetesResource tr = pod.taskResult("wf-8");
      assertThat(label(tr)).isEqualTo("true");
      assertThat(outputs(tr)).containsEntry("result", "ok");
    }
  }

  @Test
  void failsWithArgosWordsWhenAnOutputFileIsMissingAndHasNoDefault() throws Exception {
    String missing = out("never-written.txt");
    String template =
        "{\"name\":\"m\",\"container\":{\"image\":\"busybox\",\"command\":[\"true\"]},"
            + "\"outputs\":{\"parameters\":[{\"name\":\"p\",\"valueFrom\":{\"path\":"
            + json(missing)
            + "}}]}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-9", template)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      CompletableFuture<Integer> wait = pod.startWait();
      Process main = pod.startMain(null, List.of("true"), List.of());
      assertThat(pod.awaitExit(main)).isZero();
      // the wait container fails, so the pod fails although main succeeded (as in Argo)
      assertThat(pod.awaitWait(wait)).isEqualTo(1);
      String expected = "output parameter 'p': file " + missing + " not found and no default given";
      GenericKubernetesResource tr = pod.taskResult("wf-9");
      assertThat(label(tr)).isEqualTo("true");
      assertThat(tr.getAdditionalProperties()).containsEntry("message", expected);
      assertThat(outputs(tr)).containsEntry("exitCode", "0");
      assertThat(pod.waitErr.toString(StandardCharsets.UTF_8)).contains(expected);
      assertThat(pod.varRun.resolveSibling("termination-log")).hasContent(expected);
    }
  }

  @Test
  void reportsALostStepWhoseWrapperDiedWithoutAnExitCode() throws Exception {
    String template =
        "{\"name\":\"oom\",\"container\":{\"image\":\"busybox\",\"command\":[\"sh\",\"-c\"],"
            + "\"args\":[\"echo started; sleep 60\"]}}";
    try (PodTestBed pod = new PodTestBed(tmp, "wf-10", template)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      CompletableFuture<Integer> wait = pod.startWait("--lost-after", "2s");
      Process main = pod.startMain(null, List.of("sh", "-c"), List.of("echo started; sleep 60"));
      Path heartbeat = Path.of(PodLayout.stepDir(pod.varRun.toString()), "heartbeat");
      await().atMost(PodTestBed.WAIT).until(() -> Files.exists(heartbeat));
      // the container is killed outright, as the kernel's OOM killer would
      main.descendants().forEach(ProcessHandle::destroyForcibly);
      main.destroyForcibly();
      assertThat(pod.awaitWait(wait)).isEqualTo(1);
      GenericKubernetesResource tr = pod.taskResult("wf-10");
      assertThat(label(tr)).isEqualTo("true");
      assertThat((String) tr.getAdditionalProperties().get("message"))
          .contains("without recording the command's exit code");
    }
  }

  @Test
  void aMainContainerWithoutCommandIsReportedAtOnce() throws Exception {
    String withOutputs =
        "{\"name\":\"u\",\"container\":{\"image\":\"myorg/tool\"},"
            + "\"outputs\":{\"parameters\":[{\"name\":\"p\",\"valueFrom\":{\"path\":\"/tmp/p\"}}]}}";
    try (PodTestBed pod = new PodTestBed(tmp.resolve("a"), "wf-11", withOutputs)) {
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      assertThat(pod.awaitWait(pod.startWait())).isEqualTo(1);
      GenericKubernetesResource tr = pod.taskResult("wf-11");
      assertThat(label(tr)).isEqualTo("true");
      assertThat((String) tr.getAdditionalProperties().get("message"))
          .contains("has no command")
          .contains("give the template a command");
    }
    String plain = "{\"name\":\"u\",\"container\":{\"image\":\"myorg/tool\"}}";
    try (PodTestBed pod = new PodTestBed(tmp.resolve("b"), "wf-12", plain)) {
      pod.env.put(PodLayout.ENV_INCLUDE_SCRIPT_OUTPUT, "false");
      assertThat(pod.init(new ByteArrayOutputStream())).isZero();
      assertThat(pod.awaitWait(pod.startWait())).isZero();
      assertThat(label(pod.taskResult("wf-12"))).isEqualTo("true");
    }
  }

  @Test
  void initRefusesBadInputSayingWhatIsWrong() throws Exception {
    try (PodTestBed pod = new PodTestBed(tmp, "wf-13", "{not json")) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertThat(pod.init(err)).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith("argo4j-exec init: ARGO_TEMPLATE is not a template as JSON");

      pod.env.remove(PodLayout.ENV_NODE_ID);
      err.reset();
      assertThat(pod.init(err)).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("environment variable ARGO_NODE_ID is not set");

      pod.env.put(PodLayout.ENV_NODE_ID, "wf-13");
      pod.env.put(
          PodLayout.ENV_TEMPLATE,
          "{\"name\":\"s3\",\"inputs\":{\"artifacts\":[{\"name\":\"data\",\"path\":\"/d\","
              + "\"s3\":{\"key\":\"k\"}}]},\"container\":{\"image\":\"busybox\",\"command\":[\"true\"]}}");
      err.reset();
      assertThat(pod.init(err)).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("input artifact 'data' is not raw")
          .contains("not implemented yet");

      pod.env.put(
          PodLayout.ENV_TEMPLATE,
          "{\"name\":\"rel\",\"container\":{\"image\":\"busybox\",\"command\":[\"true\"]},"
              + "\"outputs\":{\"parameters\":[{\"name\":\"p\",\"valueFrom\":{\"path\":\"rel.txt\"}}]}}");
      err.reset();
      assertThat(pod.init(err)).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("output parameter 'p': path 'rel.txt' is not absolute");
    }
  }
}
