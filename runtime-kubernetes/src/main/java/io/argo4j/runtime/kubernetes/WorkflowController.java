package io.argo4j.runtime.kubernetes;

import io.argo4j.engine.WorkflowEngine;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.kubernetes.internal.ArgoNames;
import io.argo4j.runtime.kubernetes.internal.BoundedCluster;
import io.argo4j.runtime.kubernetes.internal.ConfigMapWatcher;
import io.argo4j.runtime.kubernetes.internal.ControllerLocks;
import io.argo4j.runtime.kubernetes.internal.ControllerMetrics;
import io.argo4j.runtime.kubernetes.internal.CronReconciler;
import io.argo4j.runtime.kubernetes.internal.ModelCodec;
import io.argo4j.runtime.kubernetes.internal.PodFactory;
import io.argo4j.runtime.kubernetes.internal.PodTask;
import io.argo4j.runtime.kubernetes.internal.PodTaskRunner;
import io.argo4j.runtime.kubernetes.internal.Throttler;
import io.argo4j.runtime.kubernetes.internal.WorkQueue;
import io.argo4j.runtime.kubernetes.internal.WorkflowReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The workflow controller: watches a {@link Cluster}, reconciles each changed workflow through the
 * engine on a pool of workers (one workflow is never reconciled by two workers at once), and runs
 * delayed pod work (kill after the grace period, podGC deletion, finalizer release) on its own
 * worker so that it never waits behind reconciles. {@link #close()} stops it gracefully.
 */
public final class WorkflowController implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WorkflowController.class.getName());

  private final Cluster cluster;
  private final ControllerConfig config;
  private final InstantSource clock;
  private final WorkQueue<WorkflowKey> workflows;
  private final WorkQueue<PodTask> podTasks;
  private final WorkflowReconciler reconciler;
  private final PodTaskRunner podTaskRunner;
  private final CronReconciler crons;
  private final ControllerMetrics metrics = new ControllerMetrics();
  private final ControllerLocks locks;
  private final List<Thread> threads = new ArrayList<>();
  private final ScheduledExecutorService resync =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("argo4j-resync").daemon().factory());
  private final Supplier<ControllerSettings> settings;
  private final Throttler throttler;
  private volatile ConfigMapWatcher configMap;
  private volatile boolean running;

  private WorkflowController(
      Cluster cluster,
      ControllerConfig config,
      InstantSource clock,
      KubernetesSerialization serialization,
      Supplier<ControllerSettings> settings) {
    this.cluster = new BoundedCluster(cluster, config.apiCallTimeout());
    this.settings = settings;
    this.config = config;
    this.clock = clock;
    this.workflows = new WorkQueue<>(clock, config.failureBackoff(), config.maxFailureBackoff());
    this.podTasks = new WorkQueue<>(clock, config.failureBackoff(), config.maxFailureBackoff());
    var pods =
        new PodFactory(
            config.executorImage(),
            config.podStatusFinalizer(),
            config.terminationGracePeriod(),
            new ModelCodec(serialization),
            serialization,
            settings);
    this.throttler = new Throttler(settings, workflows::add);
    this.locks = new ControllerLocks(this.cluster, workflows::add, workflows::addAfterFailure);
    this.reconciler =
        new WorkflowReconciler(
            this.cluster,
            new WorkflowEngine(config.engine())::reconcile,
            config,
            pods,
            podTasks,
            clock,
            metrics,
            settings,
            throttler,
            locks);
    this.podTaskRunner = new PodTaskRunner(this.cluster, config.podStatusFinalizer(), settings);
    this.crons = new CronReconciler(this.cluster);
    metrics.queues(workflows::depth, podTasks::depth);
  }

  /**
   * A controller for the cluster {@code client} talks to, started. When {@link
   * ControllerConfig#configMap()} is set, the ConfigMap is read first (its {@code namespace} key
   * applies when the config names no namespace) and then watched: changes apply without a restart.
   */
  public static WorkflowController start(KubernetesClient client, ControllerConfig config) {
    ConfigMapWatcher watcher = null;
    Supplier<ControllerSettings> settings = ControllerSettings::none;
    ControllerConfig effective = config;
    if (config.configMap() != null) {
      watcher =
          new ConfigMapWatcher(client, config.configMap().namespace(), config.configMap().name());
      watcher.start(config.apiCallTimeout());
      settings = watcher::current;
      String ns = watcher.current().namespace();
      if (config.namespace() == null && ns != null) {
        effective = config.withNamespace(ns);
      }
    }
    var controller =
        new WorkflowController(
            new Fabric8Cluster(client, effective.namespace(), effective.apiCallTimeout()),
            effective,
            InstantSource.system(),
            client.getKubernetesSerialization(),
            settings);
    if (watcher != null) {
      controller.configMap = watcher;
      watcher.onChange(s -> controller.throttler.settingsChanged());
    }
    controller.run();
    return controller;
  }

  /**
   * A controller on any cluster implementation, started. Every call to {@code cluster} that may
   * reach a server is bounded by {@link ControllerConfig#apiCallTimeout()}.
   */
  public static WorkflowController start(
      Cluster cluster,
      ControllerConfig config,
      InstantSource clock,
      KubernetesSerialization serialization) {
    return start(cluster, config, clock, serialization, ControllerSettings::none);
  }

  /**
   * A controller on any cluster implementation with the ConfigMap settings {@code settings} gives
   * (read at every decision, so changes apply at once), started.
   */
  public static WorkflowController start(
      Cluster cluster,
      ControllerConfig config,
      InstantSource clock,
      KubernetesSerialization serialization,
      Supplier<ControllerSettings> settings) {
    var controller = new WorkflowController(cluster, config, clock, serialization, settings);
    controller.run();
    return controller;
  }

  /** The ConfigMap settings in force. */
  public ControllerSettings settings() {
    return settings.get();
  }

  /** Why the controller's ConfigMap was last rejected, if it was (the previous one applies). */
  public Optional<String> settingsError() {
    ConfigMapWatcher w = configMap;
    return w == null ? Optional.empty() : Optional.ofNullable(w.lastError());
  }

  /** How many workflows hold a parallelism slot and how many wait for one. */
  public String parallelism() {
    return throttler.running() + " running, " + throttler.waiting() + " waiting";
  }

  private void run() {
    running = true;
    cluster.start(workflows::add);
    throttler.init(managedWorkflows());
    locks.rebuild();
    cluster.cachedWorkflowKeys().forEach(workflows::add);
    for (int i = 0; i < config.workers(); i++) {
      threads.add(
          Thread.ofPlatform()
              .name("argo4j-workflow-worker-" + i)
              .start(() -> drain(workflows, this::reconcile)));
    }
    threads.add(
        Thread.ofPlatform()
            .name("argo4j-pod-worker")
            .start(() -> drain(podTasks, podTaskRunner::run)));
    long period = Math.max(1, config.resyncPeriod().toMillis());
    resync.scheduleAtFixedRate(
        () -> {
          cluster.cachedWorkflowKeys().forEach(workflows::add);
          cluster.cachedOwnerKeys().forEach(workflows::add);
          try {
            locks.sweep();
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "lock record sweep failed, will retry", e);
          }
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
    long cronPeriod = Math.max(1, config.cronSyncPeriod().toMillis());
    resync.scheduleWithFixedDelay(
        this::syncCronWorkflows, cronPeriod, cronPeriod, TimeUnit.MILLISECONDS);
  }

  private List<Workflow> managedWorkflows() {
    List<Workflow> out = new ArrayList<>();
    ControllerSettings current = settings.get();
    for (WorkflowKey key : cluster.cachedWorkflowKeys()) {
      try {
        cluster
            .cachedWorkflow(key)
            .filter(wf -> current.manages(wf.metadata().getLabels()))
            .filter(wf -> !"true".equals(labelOf(wf, ArgoNames.LABEL_COMPLETED)))
            .ifPresent(out::add);
      } catch (ClusterException e) {
        // an unreadable workflow is failed by its own reconcile
      }
    }
    return out;
  }

  private static String labelOf(Workflow wf, String label) {
    return wf.metadata().getLabels() == null ? null : wf.metadata().getLabels().get(label);
  }

  private void syncCronWorkflows() {
    try {
      crons.sync(clock.instant());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cron sync failed, will retry", e);
    }
  }

  /** Scheduled CronWorkflow runs that concurrencyPolicy Forbid skipped. */
  public long cronRunsForbidden() {
    return crons.forbidden();
  }

  private void reconcile(WorkflowKey key) {
    Optional<Instant> next = reconciler.reconcile(key);
    next.ifPresent(at -> workflows.addAt(key, at));
  }

  private <K> void drain(WorkQueue<K> queue, Consumer<K> work) {
    while (running) {
      Optional<K> item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (item.isEmpty()) {
        return;
      }
      K key = item.get();
      try {
        work.accept(key);
        queue.forget(key);
      } catch (RuntimeException e) {
        metrics.reconcileFailed();
        LOG.log(System.Logger.Level.WARNING, "processing " + key + " failed, will retry", e);
        queue.addAfterFailure(key);
      } finally {
        metrics.workerAlive(clock.instant());
        queue.done(key);
      }
    }
  }

  /** Who holds which mutex or semaphore permit now, by lock name. */
  public Map<String, List<String>> lockHolders() {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    locks.holders().forEach((lock, holders) -> out.put(lock.toString(), holders));
    return out;
  }

  /** The controller's metrics, in Prometheus' text format. */
  public String metrics() {
    return metrics.render();
  }

  /** Whether the controller's workers are running. */
  public boolean healthy() {
    return running && threads.stream().allMatch(Thread::isAlive);
  }

  /** How many reconciles ran so far. */
  public long reconciles() {
    return metrics.reconciles();
  }

  /**
   * Stops taking work, lets each worker finish the item it holds (each of its API calls is bounded
   * by the API deadline), waits up to that deadline plus a margin, and stops the watches.
   */
  @Override
  public void close() {
    running = false;
    resync.shutdownNow();
    workflows.shutdown();
    podTasks.shutdown();
    Duration wait = config.apiCallTimeout().multipliedBy(2);
    long deadline = System.nanoTime() + wait.toNanos();
    for (Thread t : threads) {
      try {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (!t.join(Duration.ofMillis(left))) {
          LOG.log(System.Logger.Level.WARNING, t.getName() + " did not stop in time; interrupting");
          t.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    cluster.close();
    ConfigMapWatcher w = configMap;
    if (w != null) {
      w.close();
    }
  }
}
