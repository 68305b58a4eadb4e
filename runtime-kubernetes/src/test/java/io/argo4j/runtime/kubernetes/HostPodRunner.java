package io.argo4j.runtime.kubernetes;

import io.argo4j.executor.pod.ExecutorMain;
import io.argo4j.executor.pod.PodLayout;
import io.argo4j.testkit.kube.KubeletSimulator;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs a workflow pod's containers on this host as the pod would: {@code argo4j-exec init} and
 * {@code wait} in-process (wait talks to the mock API server), the main container's command line,
 * exactly as the controller built it, through {@code /bin/sh} with a directory of its own in place
 * of {@code /var/run/argo4j}. The pod's annotations are written as the downward API does, so the
 * controller's stop request reaches the wait container.
 */
final class HostPodRunner implements KubeletSimulator.PodRunner {
  private final Path root;
  private final Supplier<KubernetesClient> clients;
  private final Map<String, Process> mains = new ConcurrentHashMap<>();
  final List<String> problems = new CopyOnWriteArrayList<>();

  HostPodRunner(Path root, Supplier<KubernetesClient> clients) {
    this.root = root;
    this.clients = clients;
  }

  @Override
  public void start(Pod pod, IntConsumer ended) {
    CompletableFuture.runAsync(() -> {
      try {
        ended.accept(run(pod));
      } catch (IOException | RuntimeException e) {
        problems.add(pod.getMetadata().getName() + ": " + e);
        ended.accept(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @Override
  public void updated(Pod pod) {
    try {
      writeAnnotations(pod);
    } catch (IOException e) {
      problems.add(pod.getMetadata().getName() + ": " + e);
    }
    Process main = mains.get(pod.getMetadata().getName());
    if (pod.getMetadata().getDeletionTimestamp() != null && main != null) {
      main.destroy(); // the kubelet's TERM to the container (the wrapper forwards it)
    }
  }

  /** Ends whatever still runs (a test that failed half-way). */
  void close() {
    for (Process p : mains.values()) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private Path dir(Pod pod) {
    return root.resolve(pod.getMetadata().getName());
  }

  private int run(Pod pod) throws IOException, InterruptedException {
    Path dir = dir(pod);
    Path varRun = dir.resolve("var-run-argo4j");
    Files.createDirectories(dir);
    writeAnnotations(pod);
    Container wait = container(pod, "wait");
    Map<String, String> env = env(pod, wait);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    int init =
        new ExecutorMain(env, clients, out, out).execute("init", "--var-run", varRun.toString());
    if (init != 0) {
      problems.add(pod.getMetadata().getName() + ": init: " + log);
      return init;
    }
    CompletableFuture<Integer> waiting =
        CompletableFuture.supplyAsync(() ->
            new ExecutorMain(env, clients, out, out)
                .execute(
                    "wait",
                    "--var-run",
                    varRun.toString(),
                    "--annotations",
                    dir.resolve("annotations").toString(),
                    "--termination-log",
                    dir.resolve("termination-log").toString(),
                    "--poll",
                    "50ms",
                    "--kill-after",
                    "1s",
                    "--api-timeout",
                    "5s",
                    "--api-backoff",
                    "20ms"));
    Container main = container(pod, "main");
    List<String> argv = new ArrayList<>();
    for (String a : main.getCommand()) {
      argv.add(relocate(a, varRun));
    }
    for (String a : main.getArgs() == null ? List.<String>of() : main.getArgs()) {
      argv.add(relocate(a, varRun));
    }
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (EnvVar e : main.getEnv()) {
      if (e.getValue() != null) {
        pb.environment().put(e.getName(), e.getValue());
      }
    }
    pb.directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("main-container.log").toFile());
    Process p = pb.start();
    mains.put(pod.getMetadata().getName(), p);
    int code = p.waitFor();
    int waitCode = waiting.join();
    if (waitCode != 0) {
      problems.add(pod.getMetadata().getName() + ": wait exited " + waitCode + ": " + log);
    }
    return code;
  }

  private static String relocate(String arg, Path varRun) {
    return arg.startsWith(PodLayout.VAR_RUN + "/")
        ? varRun + arg.substring(PodLayout.VAR_RUN.length())
        : arg;
  }

  private static Container container(Pod pod, String name) {
    return pod.getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("pod has no " + name + " container"));
  }

  /** The container's environment, with the downward API's field references resolved. */
  private static Map<String, String> env(Pod pod, Container c) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar e : c.getEnv()) {
      if (e.getValue() != null) {
        env.put(e.getName(), e.getValue());
      } else if (e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null) {
        String field = e.getValueFrom().getFieldRef().getFieldPath();
        env.put(
            e.getName(),
            switch (field) {
              case "metadata.name" -> pod.getMetadata().getName();
              case "metadata.uid" -> pod.getMetadata().getUid();
              case "metadata.namespace" -> pod.getMetadata().getNamespace();
              default -> "";
            });
      }
    }
    return env;
  }

  /** The pod's annotations as the kubelet writes them: key="Go-quoted value", replaced whole. */
  private synchronized void writeAnnotations(Pod pod) throws IOException {
    Path dir = dir(pod);
    Files.createDirectories(dir);
    StringBuilder s = new StringBuilder();
    Map<String, String> a = pod.getMetadata().getAnnotations();
    if (a != null) {
      for (Map.Entry<String, String> e : a.entrySet()) {
        String v = e.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        s.append(e.getKey()).append("=\"").append(v).append("\"\n");
      }
    }
    Path tmp = dir.resolve("annotations.tmp");
    Files.writeString(tmp, s.toString());
    Files.move(tmp, dir.resolve("annotations"), StandardCopyOption.ATOMIC_MOVE);
  }
}
