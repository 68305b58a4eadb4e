package io.argo4j.runtime.kubernetes;

import io.argo4j.engine.EngineConfig;
import io.argo4j.runtime.kubernetes.internal.ArgoNames;
import java.time.Duration;
import java.util.Objects;

/**
 * How the controller runs. {@link #defaults()} gives Argo's defaults.
 *
 * @param engine the engine's settings (Argo's RECENTLY_STARTED_POD_DURATION and friends)
 * @param namespace the namespace to manage, or null for the whole cluster
 * @param workers how many workflows are reconciled at once (one worker per workflow at a time)
 * @param apiCallTimeout the deadline of every call to the API server
 * @param executorImage the image of the init and wait containers
 * @param podStatusFinalizer the finalizer put on every pod so its status is captured before it goes
 *     ({@code workflows.argoproj.io/status}); null to put none
 * @param terminationGracePeriod how long a stopped pod may take to exit before it is deleted
 * @param deletedPodFinalizerDelay how long after a pod's deletion was requested its finalizer is
 *     removed even if its status was never captured (Argo: 2 minutes)
 * @param podGcDeleteDelay podGC's default deleteDelayDuration (Argo: 5 s)
 * @param failureBackoff the first back-off of a workflow whose reconcile failed; it doubles
 * @param maxFailureBackoff the longest back-off
 * @param resyncPeriod every workflow is reconciled at least this often
 * @param maxConflictRetries how often a reconcile re-reads and retries after a 409 before backing
 *     off
 * @param cronSyncPeriod how often CronWorkflows are checked for due runs (Argo's CRON_SYNC_PERIOD)
 * @param configMap the {@code workflow-controller-configmap} to read and watch, or null to read
 *     none ({@link ControllerSettings#none()})
 * @param maxWorkflowSize the largest workflow, in bytes of JSON, written as is; larger ones get
 *     compressed nodes, and those still larger fail (Argo's MAX_WORKFLOW_SIZE, 1 MiB)
 */
public record ControllerConfig(
    EngineConfig engine,
    String namespace,
    int workers,
    Duration apiCallTimeout,
    String executorImage,
    String podStatusFinalizer,
    Duration terminationGracePeriod,
    Duration deletedPodFinalizerDelay,
    Duration podGcDeleteDelay,
    Duration failureBackoff,
    Duration maxFailureBackoff,
    Duration resyncPeriod,
    int maxConflictRetries,
    Duration cronSyncPeriod,
    ConfigMapRef configMap,
    long maxWorkflowSize) {

  /** Where the controller's ConfigMap is. */
  public record ConfigMapRef(String namespace, String name) {
    public ConfigMapRef {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
    }
  }

  public ControllerConfig {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(executorImage, "executorImage");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be positive, was " + workers);
    }
    if (maxWorkflowSize < 1) {
      throw new IllegalArgumentException(
          "maxWorkflowSize must be positive, was " + maxWorkflowSize);
    }
    if (maxConflictRetries < 0) {
      throw new IllegalArgumentException("maxConflictRetries must not be negative");
    }
    for (Duration d :
        new Duration[] {
          apiCallTimeout,
          terminationGracePeriod,
          deletedPodFinalizerDelay,
          podGcDeleteDelay,
          failureBackoff,
          maxFailureBackoff,
          resyncPeriod,
          cronSyncPeriod
        }) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException("durations must be set and not negative");
      }
    }
  }

  public static ControllerConfig defaults() {
    return new ControllerConfig(
        EngineConfig.defaults(),
        null,
        8,
        Duration.ofSeconds(30),
        "argo4j/argo4j-executor:latest",
        ArgoNames.FINALIZER_POD_STATUS,
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        Duration.ofSeconds(5),
        Duration.ofMillis(100),
        Duration.ofMinutes(5),
        Duration.ofMinutes(20),
        5,
        Duration.ofSeconds(10),
        null,
        1024L * 1024);
  }

  public ControllerConfig withEngine(EngineConfig e) {
    return new ControllerConfig(
        e,
        namespace,
        workers,
        apiCallTimeout,
        executorImage,
        podStatusFinalizer,
        terminationGracePeriod,
        deletedPodFinalizerDelay,
        podGcDeleteDelay,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        cronSyncPeriod,
        configMap,
        maxWorkflowSize);
  }

  public ControllerConfig withCronSyncPeriod(Duration d) {
    return new ControllerConfig(
        engine,
        namespace,
        workers,
        apiCallTimeout,
        executorImage,
        podStatusFinalizer,
        terminationGracePeriod,
        deletedPodFinalizerDelay,
        podGcDeleteDelay,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        d,
        configMap,
        maxWorkflowSize);
  }

  public ControllerConfig withNamespace(String ns) {
    return new ControllerConfig(
        engine,
        ns,
        workers,
        apiCallTimeout,
        executorImage,
        podStatusFinalizer,
        terminationGracePeriod,
        deletedPodFinalizerDelay,
        podGcDeleteDelay,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        cronSyncPeriod,
        configMap,
        maxWorkflowSize);
  }

  public ControllerConfig withWorkers(int n) {
    return new ControllerConfig(
        engine,
        namespace,
        n,
        apiCallTimeout,
        executorImage,
        podStatusFinalizer,
        terminationGracePeriod,
        deletedPodFinalizerDelay,
        podGcDeleteDelay,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        cronSyncPeriod,
        configMap,
        maxWorkflowSize);
  }

  public ControllerConfig withApiCallTimeout(Duration d) {
    return new ControllerConfig(
        engine,
        namespace,
        workers,
        d,
        executorImage,
        podStatusFinalizer,
        terminationGracePeriod,
        deletedPodFinalizerDelay,
        podGcDeleteDelay,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        cronSyncPeriod,
        configMap,
        maxWorkflowSize);
  }

  public ControllerConfig withPodStatusFinalizer(String finalizer) {
    return new ControllerConfig(
        engine,
        namespace,
        workers,
        apiCallTimeout,
        executorImage,
        finalizer,
        terminationGracePeriod,
        deletedPodFinalizerDelay,
        podGcDeleteDelay,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        cronSyncPeriod,
        configMap,
        maxWorkflowSize);
  }

  public ControllerConfig withTerminationGracePeriod(Duration d) {
    return new ControllerConfig(
        engine,
        namespace,
        workers,
        apiCallTimeout,
        executorImage,
        podStatusFinalizer,
        d,
        deletedPodFinalizerDelay,
        podGcDeleteDelay,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        cronSyncPeriod,
        configMap,
        maxWorkflowSize);
  }

  public ControllerConfig withDeletedPodFinalizerDelay(Duration d) {
    return new ControllerConfig(
        engine,
        namespace,
        workers,
        apiCallTimeout,
        executorImage,
        podStatusFinalizer,
        terminationGracePeriod,
        d,
        podGcDeleteDelay,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        cronSyncPeriod,
        configMap,
        maxWorkflowSize);
  }

  public ControllerConfig withPodGcDeleteDelay(Duration d) {
    return new ControllerConfig(
        engine,
        namespace,
        workers,
        apiCallTimeout,
        executorImage,
        podStatusFinalizer,
        terminationGracePeriod,
        deletedPodFinalizerDelay,
        d,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        cronSyncPeriod,
        configMap,
        maxWorkflowSize);
  }

  public ControllerConfig withConfigMap(ConfigMapRef ref) {
    return new ControllerConfig(
        engine,
        namespace,
        workers,
        apiCallTimeout,
        executorImage,
        podStatusFinalizer,
        terminationGracePeriod,
        deletedPodFinalizerDelay,
        podGcDeleteDelay,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        cronSyncPeriod,
        ref,
        maxWorkflowSize);
  }

  public ControllerConfig withMaxWorkflowSize(long bytes) {
    return new ControllerConfig(
        engine,
        namespace,
        workers,
        apiCallTimeout,
        executorImage,
        podStatusFinalizer,
        terminationGracePeriod,
        deletedPodFinalizerDelay,
        podGcDeleteDelay,
        failureBackoff,
        maxFailureBackoff,
        resyncPeriod,
        maxConflictRetries,
        cronSyncPeriod,
        configMap,
        bytes);
  }
}
