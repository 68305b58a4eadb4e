package io.argo4j.bench;

import io.argo4j.engine.EngineConfig;
import io.argo4j.runtime.kubernetes.ControllerConfig;
import io.argo4j.runtime.kubernetes.WorkflowController;
import io.argo4j.testkit.kube.KubeletSimulator;
import io.argo4j.testkit.kube.PodScript;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The real controller on the fabric8 mock API server with the kubelet simulator: (a) the API
 * requests the controller makes per pod node, by verb and resource, for 1-, 10- and 100-pod
 * workflows; (b) throughput, controller CPU and heap for many 5-pod workflows, with 100 workflows
 * as the baseline of the ratios. Only the controller's requests are counted: its client carries a
 * counting interceptor, the kubelet simulator and the submitter use other clients.
 *
 * <p>Usage: {@code ControllerApiCost <repo root> [workflows for (b), default 1000]}; see
 * bench/controller-api.sh and docs/benchmarks.md.
 */
public final class ControllerApiCost {
  static final String NS = "argo";
  static final ResourceDefinitionContext WORKFLOWS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("Workflow")
          .withPlural("workflows")
          .withNamespaced(true)
          .build();
  static final ResourceDefinitionContext TASK_RESULTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("WorkflowTaskResult")
          .withPlural("workflowtaskresults")
          .withNamespaced(true)
          .build();

  /** Counts requests by "VERB resource". */
  static final class RequestCounter implements Interceptor {
    final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      counts.computeIfAbsent(key(request), k -> new LongAdder()).increment();
    }

    static String key(HttpRequest r) {
      return classify(r.method(), r.uri());
    }

    /** "VERB resource" of a request, e.g. "UPDATE workflows", "WATCH pods". */
    static String classify(String method, java.net.URI uri) {
      String path = uri.getPath();
      String query = uri.getQuery() == null ? "" : uri.getQuery();
      String[] parts = path.split("/");
      // /api/v1/namespaces/ns/<resource>[/name[/sub]] or /apis/g/v/namespaces/ns/<resource>[...]
      int at = -1;
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].equals("namespaces") && i + 2 < parts.length) {
          at = i + 2;
          break;
        }
      }
      if (at < 0) {
        at = path.startsWith("/apis/") ? 4 : 3;
      }
      String resource = at < parts.length ? parts[at] : path;
      boolean named = at + 1 < parts.length;
      String verb =
          switch (method) {
            case "GET" -> query.contains("watch=true") ? "WATCH" : named ? "GET" : "LIST";
            case "POST" -> "CREATE";
            case "PUT" -> "UPDATE";
            case "PATCH" -> "PATCH";
            case "DELETE" -> named ? "DELETE" : "DELETECOLLECTION";
            default -> method;
          };
      return verb + " " + resource;
    }

    Map<String, Long> snapshot() {
      Map<String, Long> out = new TreeMap<>();
      counts.forEach((k, v) -> out.put(k, v.sum()));
      return out;
    }

    void reset() {
      counts.clear();
    }
  }

  /** A mock API server with the CRDs, a kubelet, and a controller with a counting client. */
  static final class Bed implements AutoCloseable {
    final KubernetesMockServer server;
    final KubernetesClient client;
    final KubernetesClient controllerClient;
    final KubeletSimulator kubelet;
    final RequestCounter counter = new RequestCounter();
    WorkflowController controller;
    final Thread drain;

    Bed(Path repo) {
      server =
          new KubernetesMockServer(
              new io.fabric8.mockwebserver.Context(),
              new MockWebServer(),
              new HashMap<>(),
              new KubernetesCrudDispatcher(),
              true);
      server.init(InetAddress.getLoopbackAddress(), 0);
      client = server.createClient();
      installCrds(client, repo.resolve("manifests/base/crds"));
      // the mock keeps every request it served; drop them so that the heap measures the controller
      drain =
          Thread.ofPlatform()
              .daemon()
              .name("mock-request-drain")
              .start(() -> {
                try {
                  while (!Thread.currentThread().isInterrupted()) {
                    server.takeRequest(1, TimeUnit.SECONDS);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      kubelet = KubeletSimulator.start(client, NS, Duration.ofMillis(1));
      kubelet.defaultScript(PodScript.succeed().runningFor(Duration.ZERO).withResult("ok"));
      controllerClient =
          new KubernetesClientBuilder()
              .withConfig(new ConfigBuilder(client.getConfiguration()).build())
              .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count", counter))
              .build();
      ControllerConfig config =
          ControllerConfig.defaults()
              .withNamespace(NS)
              .withWorkers(8)
              .withPodGcDeleteDelay(Duration.ofMillis(100))
              .withCronSyncPeriod(Duration.ofHours(1))
              .withEngine(
                  EngineConfig.defaults()
                      .withRecentlyStartedPodDuration(Duration.ofSeconds(10))
                      .withDefaultRequeue(Duration.ofSeconds(10)));
      controller = WorkflowController.start(controllerClient, config);
    }

    void submit(String yaml) {
      GenericKubernetesResource wf =
          client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
      wf.getMetadata().setNamespace(NS);
      client.genericKubernetesResources(WORKFLOWS).inNamespace(NS).resource(wf).create();
    }

    /**
     * Waits until every workflow is completed, its pods released and task results deleted. Polls
     * the cheap conditions first and seldom (listing 1,000 workflows every few milliseconds would
     * load the mock more than the controller does).
     */
    void awaitQuiet(int workflows, Duration max) throws InterruptedException {
      long deadline = System.nanoTime() + max.toNanos();
      long pause = Math.max(20, workflows);
      while (System.nanoTime() < deadline) {
        Thread.sleep(pause);
        if (!client
            .pods()
            .inNamespace(NS)
            .withLabel("workflows.argoproj.io/completed", "false")
            .list()
            .getItems()
            .isEmpty()) {
          continue;
        }
        if (!client
            .genericKubernetesResources(TASK_RESULTS)
            .inNamespace(NS)
            .list()
            .getItems()
            .isEmpty()) {
          continue;
        }
        long done =
            client
                .genericKubernetesResources(WORKFLOWS)
                .inNamespace(NS)
                .withLabel("workflows.argoproj.io/completed", "true")
                .list()
                .getItems()
                .size();
        if (done >= workflows) {
          return;
        }
      }
      throw new IllegalStateException("not quiet within " + max);
    }

    @Override
    public void close() {
      if (controller != null) {
        controller.close();
      }
      kubelet.close();
      controllerClient.close();
      client.close();
      drain.interrupt();
      server.destroy();
    }
  }

  static void installCrds(KubernetesClient client, Path dir) {
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

  /** A workflow of {@code pods} parallel pods (a withItems fan-out under steps). */
  static String fanOut(String name, int pods) {
    return fanOut(name, pods, "# no synchronization");
  }

  /**
   * As {@link #fanOut}, each pod holding one mutex (the pods run one at a time): the requests above
   * the plain fan-out are the lock records' (a grant and a release per pod) and the extra status
   * writes of waiting.
   */
  static String mutexFanOut(String name, int pods) {
    return fanOut(name, pods, "synchronization: {mutexes: [{name: %s}]}".formatted(name));
  }

  /** The fan-out, with one line added to the pods' template. */
  private static String fanOut(String name, int pods, String templateLine) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < pods; i++) {
      items.append(i == 0 ? "" : ", ").append(i);
    }
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      templates:
        - name: main
          steps:
            - - name: work
                template: work
                withItems: [%s]
        - name: work
          %s
          container:
            image: busybox
            command: [echo, hi]
    """
        .formatted(name, items, templateLine);
  }

  /** A single-pod workflow (one container template, no steps). */
  static String onePod(String name) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: work
      templates:
        - name: work
          container:
            image: busybox
            command: [echo, hi]
    """
        .formatted(name);
  }

  public static void main(String[] args) throws Exception {
    Stream.of("io.fabric8", "io.fabric8.mockwebserver")
        .forEach(n -> Logger.getLogger(n).setLevel(Level.SEVERE));
    Path repo = Path.of(args.length > 0 ? args[0] : ".");
    int many = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    apiCost(repo);
    if (many == 0) {
      return; // (a) only
    }
    throughput(repo, 100, "baseline");
    throughput(repo, many, "measured");
  }

  static void apiCost(Path repo) throws Exception {
    System.out.println("## (a) controller API requests per pod node");
    System.out.println();
    try (Bed bed = new Bed(repo)) {
      // warm-up: one workflow of each shape, not counted
      bed.submit(onePod("warm-1"));
      bed.submit(fanOut("warm-10", 10));
      bed.awaitQuiet(2, Duration.ofMinutes(2));
      List<String> shapes = List.of("1-pod", "10-pod", "100-pod", "10-pod one-mutex");
      for (int i = 0; i < shapes.size(); i++) {
        Thread.sleep(500); // let podGC and late events of the previous run settle
        bed.counter.reset();
        String name = "cost-" + i;
        int pods = Integer.parseInt(shapes.get(i).split("-")[0]);
        bed.submit(i == 0 ? onePod(name) : i == 3 ? mutexFanOut(name, pods) : fanOut(name, pods));
        bed.awaitQuiet(3 + i, Duration.ofMinutes(5));
        Thread.sleep(1500); // requests that follow completion (podGC, task-result cleanup)
        Map<String, Long> counts = bed.counter.snapshot();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(
            Locale.ROOT,
            "%s workflow: %d requests, %.2f per pod node: %s%n",
            shapes.get(i),
            total,
            total / (double) pods,
            counts);
      }
    }
    System.out.println();
  }

  static void throughput(Path repo, int workflows, String label) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (Bed bed = new Bed(repo)) {
      bed.submit(fanOut("warm", 5));
      bed.awaitQuiet(1, Duration.ofMinutes(2));
      bed.counter.reset();
      long cpu0 = controllerCpu(threads);
      long process0 = processCpu();
      long start = System.nanoTime();
      for (int i = 0; i < workflows; i++) {
        bed.submit(fanOut("load-" + i, 5));
      }
      bed.awaitQuiet(workflows + 1, Duration.ofMinutes(60));
      long wall = System.nanoTime() - start;
      long cpu = controllerCpu(threads) - cpu0;
      long process = processCpu() - process0;
      long requests = bed.counter.snapshot().values().stream().mapToLong(Long::longValue).sum();
      // the controller's own memory: the heap with it holding every workflow and without it
      long withController = usedAfterGc(memory);
      bed.controller.close();
      bed.controller = null; // else its informer stores stay reachable and nothing is freed
      long withoutController = usedAfterGc(memory);
      long nodes = (long) (workflows + 1) * (5 + 2); // steps node, step group, 5 pods
      System.out.printf(
          Locale.ROOT,
          "(b) %s: %d workflows x 5 pods in %.1f s = %.0f workflows/min; controller worker CPU"
              + " %.2f s (%.1f ms per workflow), whole process CPU %.2f s; %d controller"
              + " requests (%.2f per pod); controller heap %.1f MiB = %.0f bytes per tracked"
              + " node (%d nodes)%n",
          label,
          workflows,
          wall / 1e9,
          workflows / (wall / 6e10),
          cpu / 1e9,
          cpu / 1e6 / workflows,
          process / 1e9,
          requests,
          requests / (5.0 * workflows),
          (withController - withoutController) / 1048576.0,
          (withController - withoutController) / (double) nodes,
          nodes);
    }
  }

  /** CPU time of the controller's workers and of the carriers of its bounded API calls. */
  static long controllerCpu(ThreadMXBean threads) {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      var info = threads.getThreadInfo(id);
      if (info == null) {
        continue;
      }
      String name = info.getThreadName();
      if (name.startsWith("argo4j-") || name.startsWith("ForkJoinPool-")) {
        long t = threads.getThreadCpuTime(id);
        if (t > 0) {
          sum += t;
        }
      }
    }
    return sum;
  }

  static long processCpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }

  static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private ControllerApiCost() {}
}
