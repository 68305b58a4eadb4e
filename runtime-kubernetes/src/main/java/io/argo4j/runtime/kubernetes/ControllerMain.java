package io.argo4j.runtime.kubernetes;

import io.argo4j.engine.EngineConfig;
import io.argo4j.model.ArgoDuration;
import io.argo4j.runtime.kubernetes.internal.HealthServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The controller process, as the Deployment in {@code manifests/} runs it. Settings come from
 * Argo's environment variables ({@code RECENTLY_STARTED_POD_DURATION}, {@code
 * LEADER_ELECTION_DISABLE}...) plus {@code ARGO_NAMESPACE} (managed namespace, empty for all),
 * {@code ARGO4J_EXECUTOR_IMAGE} and {@code ARGO4J_METRICS_PORT} (9090). The ConfigMap named by
 * {@code ARGO_CONFIGMAP} (default {@code workflow-controller-configmap}, empty for none) in {@code
 * POD_NAMESPACE} is read and watched.
 */
public final class ControllerMain {
  private ControllerMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    ControllerConfig config = configFrom(env);
    KubernetesClient client = new KubernetesClientBuilder().build();
    int port = Integer.parseInt(env.getOrDefault("ARGO4J_METRICS_PORT", "9090"));
    CountDownLatch stopped = new CountDownLatch(1);
    if (Boolean.parseBoolean(env.getOrDefault("LEADER_ELECTION_DISABLE", "false"))) {
      WorkflowController controller = WorkflowController.start(client, config);
      var health = new HealthServer(port, controller::metrics, controller::healthy);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(controller, stopped)));
      awaitThenClose(stopped, health);
    } else {
      String identity =
          env.getOrDefault("LEADER_ELECTION_IDENTITY", env.getOrDefault("HOSTNAME", "argo4j"));
      var elected =
          new LeaderElectedController(
              client,
              config,
              env.getOrDefault("POD_NAMESPACE", "argo"),
              "workflow-controller",
              identity,
              duration(env, "LEADER_ELECTION_LEASE_DURATION", "15s"));
      var health = new HealthServer(port, elected::metrics, () -> true);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(elected, stopped)));
      awaitThenClose(stopped, health);
    }
    client.close();
  }

  private static void awaitThenClose(CountDownLatch stopped, HealthServer health)
      throws InterruptedException {
    try {
      stopped.await();
    } finally {
      health.close();
    }
  }

  private static void shutdown(AutoCloseable c, CountDownLatch stopped) {
    try {
      c.close();
    } catch (Exception e) {
      System.err.println("argo4j: error while stopping: " + e);
    } finally {
      stopped.countDown();
    }
  }

  static ControllerConfig configFrom(Map<String, String> env) {
    EngineConfig engine =
        EngineConfig.defaults()
            .withRecentlyStartedPodDuration(duration(env, "RECENTLY_STARTED_POD_DURATION", "10s"))
            .withTaskResultTimeout(duration(env, "TASK_RESULT_TIMEOUT_DURATION", "10m"))
            .withDefaultRequeue(duration(env, "DEFAULT_REQUEUE_TIME", "10s"));
    String ns = env.getOrDefault("ARGO_NAMESPACE", "");
    ControllerConfig c =
        ControllerConfig.defaults()
            .withEngine(engine)
            .withNamespace(ns.isEmpty() ? null : ns)
            .withApiCallTimeout(duration(env, "MAX_OPERATION_TIME", "30s"))
            .withDeletedPodFinalizerDelay(duration(env, "RECENTLY_DELETED_POD_DURATION", "2m"))
            .withCronSyncPeriod(duration(env, "CRON_SYNC_PERIOD", "10s"));
    String configMap = env.getOrDefault("ARGO_CONFIGMAP", "workflow-controller-configmap");
    if (!configMap.isEmpty()) {
      c =
          c.withConfigMap(
              new ControllerConfig.ConfigMapRef(
                  env.getOrDefault("POD_NAMESPACE", "argo"), configMap));
    }
    if (env.containsKey("MAX_WORKFLOW_SIZE")) {
      c = c.withMaxWorkflowSize(Long.parseLong(env.get("MAX_WORKFLOW_SIZE").strip()));
    }
    if (env.containsKey("ARGO_WORKFLOW_WORKERS")) {
      c = c.withWorkers(Integer.parseInt(env.get("ARGO_WORKFLOW_WORKERS")));
    }
    if ("false".equals(env.get("ARGO_POD_STATUS_CAPTURE_FINALIZER"))) {
      c = c.withPodStatusFinalizer(null);
    }
    return c;
  }

  private static Duration duration(Map<String, String> env, String name, String fallback) {
    return ArgoDuration.parse(env.getOrDefault(name, fallback));
  }
}
