package io.argo4j.executor.pod;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One pod, played on this host: a fabric8 mock API server in CRUD mode (whose task-result writes
 * can be made to fail), a temporary directory in place of the shared volume, {@code argo4j-exec
 * init} and {@code wait} run in-process, and the main container's command line run through {@code
 * /bin/sh} exactly as the controller builds it ({@link PodLayout#mainCommand}).
 */
final class PodTestBed implements AutoCloseable {
  static final String NS = "argo";
  static final Duration WAIT = Duration.ofSeconds(60);
  static final Path REPO =
      Path.of(System.getProperty("argo4j.repoRoot", Path.of("..").toAbsolutePath().toString()));
  static final ResourceDefinitionContext TASK_RESULTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("WorkflowTaskResult")
          .withPlural("workflowtaskresults")
          .withNamespaced(true)
          .build();

  /** Held so that JUL does not forget the levels (it keeps loggers weakly). */
  private static final List<Logger> QUIET =
      Stream.of("io.fabric8.mockwebserver", "io.fabric8.mockwebserver.MockWebServer")
          .map(Logger::getLogger)
          .peek(l -> l.setLevel(Level.WARNING))
          .toList();

  /** The CRUD dispatcher, failing the next N task-result writes with a 500. */
  static final class FaultyDispatcher extends KubernetesCrudDispatcher {
    final AtomicInteger failWrites = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();

    private MockResponse maybeFail(RecordedRequest r) {
      if (r.getPath().contains("workflowtaskresults") && failWrites.getAndDecrement() > 0) {
        failed.incrementAndGet();
        return new MockResponse()
            .setResponseCode(500)
            .setBody("{\"kind\":\"Status\",\"code\":500,\"message\":\"injected\"}");
      }
      return null;
    }

    @Override
    public MockResponse handleCreate(RecordedRequest r) {
      MockResponse f = maybeFail(r);
      return f != null ? f : super.handleCreate(r);
    }

    @Override
    public MockResponse handlePatch(RecordedRequest r) {
      MockResponse f = maybeFail(r);
      return f != null ? f : super.handlePatch(r);
    }
  }

  final FaultyDispatcher dispatcher = new FaultyDispatcher();
  final KubernetesMockServer server;
  final KubernetesClient client;
  final Path varRun;
  final Path annotations;
  final Map<String, String> env = new LinkedHashMap<>();
  final ByteArrayOutputStream waitOut = new ByteArrayOutputStream();
  final ByteArrayOutputStream waitErr = new ByteArrayOutputStream();

  PodTestBed(Path tmp, String nodeId, String templateJson) throws IOException {
    server =
        new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new MockWebServer(),
            new HashMap<>(),
            dispatcher,
            true);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    installCrds(client);
    varRun = tmp.resolve("var-run-argo4j");
    annotations = tmp.resolve("podmetadata/annotations");
    Files.createDirectories(annotations.getParent());
    Files.writeString(annotations, "workflows.argoproj.io/node-id=\"" + nodeId + "\"\n");
    env.put(PodLayout.ENV_TEMPLATE, templateJson);
    env.put(PodLayout.ENV_NODE_ID, nodeId);
    env.put(PodLayout.ENV_WORKFLOW_NAME, "wf");
    env.put(PodLayout.ENV_WORKFLOW_UID, "wf-uid");
    env.put(PodLayout.ENV_POD_NAME, nodeId);
    env.put(PodLayout.ENV_POD_UID, "pod-uid");
    env.put(PodLayout.ENV_POD_NAMESPACE, NS);
    env.put(PodLayout.ENV_INCLUDE_SCRIPT_OUTPUT, "true");
  }

  static void installCrds(KubernetesClient client) {
    Path f = REPO.resolve("manifests/base/crds/argoproj.io_workflowtaskresults.yaml");
    try (InputStream in = Files.newInputStream(f)) {
      CustomResourceDefinition crd =
          client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + f, e);
    }
  }

  /** {@code argo4j-exec init}; returns its exit code. */
  int init(ByteArrayOutputStream err) {
    return main(new ByteArrayOutputStream(), err).execute("init", "--var-run", varRun.toString());
  }

  /** {@code argo4j-exec wait}, started on its own thread with fast timings. */
  CompletableFuture<Integer> startWait(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "wait",
                "--var-run",
                varRun.toString(),
                "--annotations",
                annotations.toString(),
                "--termination-log",
                varRun.resolveSibling("termination-log").toString(),
                "--poll",
                "50ms",
                "--api-timeout",
                "5s",
                "--api-backoff",
                "20ms",
                "--api-budget",
                "30s"));
    args.addAll(List.of(extra));
    ExecutorMain m = main(waitOut, waitErr);
    return CompletableFuture.supplyAsync(() -> m.execute(args.toArray(String[]::new)));
  }

  private ExecutorMain main(ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return new ExecutorMain(
        env,
        () -> server.createClient(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** Starts the main container: the wrapper through /bin/sh, as the pod runs it. */
  Process startMain(String workingDir, List<String> command, List<String> args) throws IOException {
    return startMain(workingDir, command, args, Map.of());
  }

  /** Starts the main container with more environment (PATH included, which it replaces). */
  Process startMain(
      String workingDir, List<String> command, List<String> args, Map<String, String> extraEnv)
      throws IOException {
    List<String> argv =
        new ArrayList<>(PodLayout.mainCommand(varRun.toString(), workingDir, command));
    argv.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    pb.environment().put("HOME", varRun.getParent().toString());
    pb.environment().putAll(extraEnv);
    pb.directory(varRun.getParent().toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(varRun.resolveSibling("main-container.log").toFile());
    return pb.start();
  }

  /** The main container's own output (what {@code kubectl logs} would show). */
  String mainContainerLog() throws IOException {
    return Files.readString(varRun.resolveSibling("main-container.log"));
  }

  int awaitExit(Process p) throws InterruptedException {
    if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the main container did not end within " + WAIT);
    }
    return p.exitValue();
  }

  int awaitWait(CompletableFuture<Integer> wait) throws Exception {
    return wait.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  GenericKubernetesResource taskResult(String nodeId) {
    return client.genericKubernetesResources(TASK_RESULTS).inNamespace(NS).withName(nodeId).get();
  }

  /** Waits until the task result exists (the wait container announced itself). */
  GenericKubernetesResource awaitTaskResult(String nodeId) {
    return await().atMost(WAIT).until(() -> taskResult(nodeId), tr -> tr != null);
  }

  /** Writes the stop request the controller puts on the pod, as the kubelet mounts it. */
  void requestStop(String nodeId, String deadline) throws IOException {
    String value = "{\"deadline\":\"" + deadline + "\"}";
    String quoted = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    Path tmp = annotations.resolveSibling("annotations.tmp");
    Files.writeString(
        tmp,
        "workflows.argoproj.io/execution="
            + quoted
            + "\nworkflows.argoproj.io/node-id=\""
            + nodeId
            + "\"\n");
    Files.move(tmp, annotations, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
