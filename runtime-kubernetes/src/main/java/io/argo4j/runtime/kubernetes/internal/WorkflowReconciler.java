package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.engine.Action;
import io.argo4j.engine.Observations;
import io.argo4j.engine.Plan;
import io.argo4j.model.ArgoDuration;
import io.argo4j.model.CompressedNodes;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.TTLStrategy;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowStatus;
import io.argo4j.runtime.kubernetes.Cluster;
import io.argo4j.runtime.kubernetes.ClusterException;
import io.argo4j.runtime.kubernetes.ControllerConfig;
import io.argo4j.runtime.kubernetes.ControllerSettings;
import io.argo4j.runtime.kubernetes.WorkflowKey;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One reconcile of one workflow: observe, ask the engine, persist the new status (re-reading and
 * asking again on a conflict), and only then apply the plan's actions and podGC. Never waits for
 * anything but bounded API calls; whatever it leaves undone is retried by requeueing the key.
 */
public final class WorkflowReconciler {
  private static final System.Logger LOG = System.getLogger(WorkflowReconciler.class.getName());

  /**
   * Engine failures in a row after which a workflow is marked Error (poison isolation: one workflow
   * the engine cannot handle must not be retried forever while holding its pods).
   */
  public static final int MAX_ENGINE_FAILURES = 3;

  /** What decides a workflow's next step: the engine, or a wrapper of it in tests. */
  @FunctionalInterface
  public interface Engine {
    Plan reconcile(Workflow workflow, Observations observations, Instant now);
  }

  private final Cluster cluster;
  private final Engine engine;
  private final ControllerConfig config;
  private final PodFactory pods;
  private final WorkQueue<PodTask> podTasks;
  private final InstantSource clock;
  private final ControllerMetrics metrics;
  private final ControllerLocks locks;
  private final Supplier<ControllerSettings> settings;
  private final Throttler throttler;
  private final StatusPacker packer;
  private final RecentPodCreations creations;

  private final Map<WorkflowKey, Integer> engineFailures = new ConcurrentHashMap<>();

  /** What this controller last wrote, until the watch catches up with it. */
  private final Map<WorkflowKey, Written> written = new ConcurrentHashMap<>();

  private record Written(String replacedVersion, Workflow stored) {}

  /**
   * @param settings the ConfigMap's settings in force (read at each reconcile)
   * @param throttler workflow parallelism, shared by every worker of the controller
   * @param locks the synchronization lock table, shared by every worker of the controller
   */
  public WorkflowReconciler(
      Cluster cluster,
      Engine engine,
      ControllerConfig config,
      PodFactory pods,
      WorkQueue<PodTask> podTasks,
      InstantSource clock,
      ControllerMetrics metrics,
      Supplier<ControllerSettings> settings,
      Throttler throttler,
      ControllerLocks locks) {
    this.settings = settings;
    this.throttler = throttler;
    this.packer = new StatusPacker(config.maxWorkflowSize());
    this.creations = new RecentPodCreations(config.engine().recentlyStartedPodDuration());
    this.cluster = cluster;
    this.engine = engine;
    this.config = config;
    this.pods = pods;
    this.podTasks = podTasks;
    this.clock = clock;
    this.metrics = metrics;
    this.locks = locks;
  }

  /**
   * Reconciles the workflow.
   *
   * @return when to reconcile it again even if nothing changes, if ever
   * @throws ClusterException when something could not be done; the caller backs off and retries
   */
  public Optional<Instant> reconcile(WorkflowKey key) {
    Optional<Workflow> cached;
    try {
      cached = cluster.cachedWorkflow(key);
    } catch (ClusterException.Unreadable e) {
      LOG.log(System.Logger.Level.WARNING, "failing unreadable workflow " + key, e);
      cluster.failUnreadableWorkflow(key, "invalid workflow: " + e.getMessage());
      return Optional.empty();
    }
    if (cached.isEmpty()) {
      written.remove(key);
      throttler.release(key);
      locks.forget(key);
      releaseLeftovers(key);
      return Optional.empty();
    }
    Workflow wf = freshest(key, cached.get());
    ControllerSettings current = settings.get();
    if (!current.manages(wf.metadata().getLabels())) {
      written.remove(key);
      return Optional.empty(); // another controller instance's workflow
    }
    if (wf.metadata().getDeletionTimestamp() != null) {
      throttler.release(key);
      locks.release(key);
      releaseLeftovers(key);
      return Optional.empty();
    }
    if (isCompleted(wf)) {
      throttler.release(key);
      locks.release(key);
      return afterCompletion(key, wf);
    }
    try {
      wf = CompressedNodes.hydrate(wf);
    } catch (IllegalArgumentException e) {
      cluster.failUnreadableWorkflow(key, "invalid workflow: " + e.getMessage());
      return Optional.empty();
    }
    if (!throttler.admit(wf)) {
      postpone(key, wf);
      return Optional.empty(); // the throttler requeues it when a slot frees
    }
    Optional<Workflow> startable = startable(key, wf, current);
    if (startable.isEmpty()) {
      return Optional.empty();
    }
    wf = startable.get();
    for (int attempt = 0; ; attempt++) {
      // observed again for each copy: one re-read after a conflict may show nodes started by
      // another writer (a second controller), whose pods this cache has not seen yet
      List<Pod> observedPods = withUnseenPods(key, wf, cluster.cachedPods(key));
      var observations =
          new Observations(
              PodObserver.observe(observedPods, cluster.cachedTaskResults(key)),
              new ClusterTemplateCatalog(cluster),
              locks.view(key));
      Plan plan;
      try {
        plan = engine.reconcile(wf, observations, clock.instant());
        engineFailures.remove(key);
      } catch (RuntimeException e) {
        isolateIfPoisoned(key, wf, e);
        throw e;
      }
      metrics.reconciled();
      Workflow stored = wf;
      if (plan.changed()) {
        try {
          stored = CompressedNodes.hydrate(cluster.updateWorkflow(packer.pack(plan.workflow())));
          written.put(key, new Written(wf.metadata().getResourceVersion(), stored));
        } catch (StatusPacker.TooLarge | ClusterException.TooLarge e) {
          return failTooLarge(key, wf, plan.workflow(), e.getMessage());
        } catch (ClusterException.Conflict e) {
          metrics.conflict();
          if (attempt >= config.maxConflictRetries()) {
            throw e;
          }
          Optional<Workflow> fresh = cluster.readWorkflow(key);
          if (fresh.isEmpty()) {
            throttler.release(key);
            locks.release(key);
            releaseLeftovers(key);
            return Optional.empty();
          }
          wf = CompressedNodes.hydrate(fresh.get());
          continue;
        }
      } else if (!plan.actions().isEmpty()) {
        // a plan that changed nothing was not fenced by a write: the cached copy may be stale
        // (informer lag), and acting on it could re-create the pod of a node already finished
        Optional<Workflow> latest = cluster.readWorkflow(key);
        if (latest.isEmpty()) {
          throttler.release(key);
          locks.release(key);
          releaseLeftovers(key);
          return Optional.empty();
        }
        String seen = wf.metadata().getResourceVersion();
        if (!Objects.equals(latest.get().metadata().getResourceVersion(), seen)) {
          metrics.conflict();
          if (attempt >= config.maxConflictRetries()) {
            throw new ClusterException.Conflict(
                key + ": the cached copy (resourceVersion " + seen + ") is stale", null);
          }
          wf = CompressedNodes.hydrate(latest.get());
          continue;
        }
      }
      // after persisting: the table may only be rebuilt from what statuses record; the version
      // tells claims of a stale cached copy (a replayed watch event) from current ones
      locks.update(key, plan.lockClaims(), stored.metadata().getResourceVersion());
      applyActions(stored, plan.actions(), observedPods);
      releaseDeletedPodsLater(observedPods);
      Optional<Instant> next = plan.requeueAt();
      if (isCompleted(stored)) {
        next = earliest(next, afterCompletion(key, stored));
      } else {
        cleanUpPods(stored, observedPods);
      }
      return next;
    }
  }

  /**
   * The cached pods, plus the server's pods of started nodes that the cache does not show. The pod
   * watch can lag behind the workflow's (after a restart or a leader handover, when another
   * controller wrote the status, or when a watch event is lost), and a node must not end "pod
   * deleted" while its pod exists; a pod already labelled completed (out of the cache) still says
   * how it ended. Costs one list, and only while such a node exists.
   */
  private List<Pod> withUnseenPods(WorkflowKey key, Workflow wf, List<Pod> cached) {
    if (wf.status() == null || wf.status().nodes() == null) {
      return cached;
    }
    Set<String> seen = new HashSet<>();
    cached.forEach(p -> seen.add(PodObserver.nodeId(p)));
    boolean unseen =
        wf.status().nodes().values().stream()
            .anyMatch(n ->
                n.type() == NodeType.POD
                    && n.phase() != null
                    && n.phase() != NodePhase.PENDING
                    && !n.phase().isFulfilled()
                    && !seen.contains(n.id()));
    if (!unseen) {
      return cached;
    }
    List<Pod> out = new ArrayList<>(cached);
    for (Pod p : cluster.listPods(key)) {
      String nodeId = PodObserver.nodeId(p);
      if (nodeId != null && seen.add(nodeId)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Marks a workflow held back by the parallelism limits as Argo does (phase Pending with Argo's
   * message), once.
   */
  private void postpone(WorkflowKey key, Workflow wf) {
    if (Throttler.isPostponed(wf)) {
      return;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (wf.metadata().getLabels() != null) {
      labels.putAll(wf.metadata().getLabels());
    }
    labels.put(ArgoNames.LABEL_PHASE, WorkflowPhase.PENDING.value());
    labels.put(ArgoNames.LABEL_COMPLETED, "false");
    var meta = new ObjectMetaBuilder(wf.metadata()).withLabels(labels).build();
    WorkflowStatus status =
        (wf.status() == null ? WorkflowStatus.builder() : wf.status().toBuilder())
            .phase(WorkflowPhase.PENDING)
            .message(Throttler.POSTPONED)
            .build();
    Workflow stored = cluster.updateWorkflow(wf.withMetadata(meta).withStatus(status));
    written.put(key, new Written(wf.metadata().getResourceVersion(), stored));
  }

  /**
   * The workflow as the engine should see it: a postponed workflow that may now run looks new
   * again, and a new workflow gets the ConfigMap's workflowDefaults (written with its first status,
   * as Argo does). Empty when the defaults cannot be merged (the workflow is failed).
   */
  private Optional<Workflow> startable(WorkflowKey key, Workflow wf, ControllerSettings current) {
    if (Throttler.isPostponed(wf)) {
      wf = wf.withStatus(null);
    }
    boolean isNew =
        wf.status() == null
            || wf.status().phase() == null
            || wf.status().phase() == WorkflowPhase.UNKNOWN;
    if (!isNew || current.workflowDefaults() == null) {
      return Optional.of(wf);
    }
    try {
      return Optional.of(WorkflowDefaults.apply(current.workflowDefaults(), wf));
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, e.getMessage());
      cluster.failUnreadableWorkflow(key, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The workflow cannot be stored (seed scenario 18): it fails at once with the reason, no node
   * left running, and its pods are stopped as for any completed workflow. The plan's actions are
   * not applied.
   */
  private Optional<Instant> failTooLarge(
      WorkflowKey key, Workflow read, Workflow planned, String reason) {
    LOG.log(System.Logger.Level.WARNING, "failing workflow " + key + ": " + reason);
    metrics.reconcileFailed();
    Workflow failed = packer.failed(planned, reason, clock.instant());
    Workflow stored;
    try {
      stored = CompressedNodes.hydrate(cluster.updateWorkflow(failed));
    } catch (ClusterException.TooLarge e) {
      // even without its nodes: a small patch of phase, message and labels still goes through
      cluster.failUnreadableWorkflow(key, reason);
      return Optional.empty();
    }
    written.put(key, new Written(read.metadata().getResourceVersion(), stored));
    throttler.release(key);
    locks.release(key);
    return afterCompletion(key, stored);
  }

  /**
   * Counts the engine's failures on this workflow; at {@link #MAX_ENGINE_FAILURES} in a row the
   * workflow is written as Error (its pods are then cleaned up as for any completed workflow).
   */
  private void isolateIfPoisoned(WorkflowKey key, Workflow wf, RuntimeException e) {
    int n = engineFailures.merge(key, 1, Integer::sum);
    if (n < MAX_ENGINE_FAILURES) {
      return;
    }
    LOG.log(
        System.Logger.Level.WARNING, "isolating " + key + " after " + n + " engine failures", e);
    Workflow failed =
        PoisonedWorkflow.markError(
            wf, "reconcile failed " + n + " times in a row: " + e.getMessage(), clock.instant());
    Workflow stored = cluster.updateWorkflow(failed);
    written.put(key, new Written(wf.metadata().getResourceVersion(), stored));
    engineFailures.remove(key);
  }

  private Workflow freshest(WorkflowKey key, Workflow cached) {
    Written w = written.get(key);
    if (w == null) {
      return cached;
    }
    String cachedVersion = cached.metadata().getResourceVersion();
    if (Objects.equals(cachedVersion, w.replacedVersion())) {
      return w.stored(); // the watch has not shown our own write yet
    }
    written.remove(key);
    return cached;
  }

  private static boolean isCompleted(Workflow wf) {
    Map<String, String> labels = wf.metadata().getLabels();
    return labels != null && "true".equals(labels.get(ArgoNames.LABEL_COMPLETED));
  }

  private void applyActions(Workflow wf, List<Action> actions, List<Pod> observedPods) {
    Map<String, Pod> byName = new HashMap<>();
    for (Pod p : observedPods) {
      byName.put(p.getMetadata().getName(), p);
      creations.observed(p.getMetadata().getNamespace(), p.getMetadata().getName());
    }
    String ns = wf.metadata().getNamespace();
    List<RuntimeException> failures = new ArrayList<>();
    for (Action action : actions) {
      try {
        apply(wf, ns, action, byName.get(action.podName()));
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "action "
                + action.getClass().getSimpleName()
                + " on pod "
                + action.podName()
                + " failed: "
                + e.getMessage());
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      ClusterException e =
          new ClusterException(
              failures.size()
                  + " of "
                  + actions.size()
                  + " actions failed; first: "
                  + failures.get(0).getMessage(),
              failures.get(0));
      failures.stream().skip(1).forEach(e::addSuppressed);
      throw e;
    }
  }

  private void apply(Workflow wf, String ns, Action action, Pod pod) {
    switch (action) {
      case Action.StartPod start -> {
        Instant now = clock.instant();
        if (pod == null && !creations.pending(ns, start.podName(), now)) {
          if (cluster.createPod(pods.build(wf, start))) {
            metrics.podCreated();
          }
          creations.created(ns, start.podName(), now);
        }
      }
      case Action.StopPod stop -> stop(ns, stop, pod);
      case Action.DeletePod delete -> {
        if (config.podStatusFinalizer() != null) {
          cluster.releasePod(ns, delete.podName(), config.podStatusFinalizer(), Map.of());
        }
        cluster.deletePod(ns, delete.podName(), Duration.ZERO);
      }
    }
  }

  /**
   * Asks the pod's executor to stop through an annotation it watches (no pods/exec), and schedules
   * the pod's deletion for when its grace period is over, in case the signal is not honoured.
   */
  private void stop(String ns, Action.StopPod stop, Pod pod) {
    if (pod == null || PodTaskRunner.terminal(pod)) {
      return;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if (phase == null || "Pending".equals(phase)) {
      cluster.deletePod(ns, stop.podName(), Duration.ZERO);
      return;
    }
    // the escalation is queued first: a signal that fails or hangs still ends in a kill
    podTasks.addAt(
        new PodTask.Kill(ns, stop.podName()),
        clock.instant().plus(config.terminationGracePeriod()));
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    if (annotations == null || !annotations.containsKey(ArgoNames.ANNOTATION_EXECUTION)) {
      Instant now = clock.instant();
      cluster.annotatePod(
          ns,
          stop.podName(),
          Map.of(ArgoNames.ANNOTATION_EXECUTION, "{\"deadline\":\"" + now + "\"}"));
      metrics.podSignalled();
    }
  }

  /** R-d2: no pod keeps the status finalizer long after its deletion was requested. */
  private void releaseDeletedPodsLater(List<Pod> observedPods) {
    for (Pod p : observedPods) {
      String deletion = p.getMetadata().getDeletionTimestamp();
      if (deletion != null && hasFinalizer(p)) {
        Instant requested = PodObserver.time(deletion);
        Instant at =
            (requested == null ? clock.instant() : requested)
                .plus(config.deletedPodFinalizerDelay());
        podTasks.addAt(
            new PodTask.ReleaseDeleted(p.getMetadata().getNamespace(), p.getMetadata().getName()),
            at);
      }
    }
  }

  private boolean hasFinalizer(Pod p) {
    List<String> f = p.getMetadata().getFinalizers();
    return config.podStatusFinalizer() != null
        && f != null
        && f.contains(config.podStatusFinalizer());
  }

  /**
   * podGC for the pods of fulfilled nodes, once their status is persisted. A pod that cannot be
   * cleaned up (its finalizer removal keeps failing) does not hold up the others: every pod is
   * tried, and the failures are thrown together at the end so that the workflow is retried.
   */
  private void cleanUpPods(Workflow wf, List<Pod> observedPods) {
    List<RuntimeException> failures = new ArrayList<>();
    for (Pod pod : observedPods) {
      try {
        cleanUpPod(wf, pod);
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    throwAll("pod clean-ups", observedPods.size(), failures);
  }

  private static void throwAll(String what, int total, List<RuntimeException> failures) {
    if (failures.isEmpty()) {
      return;
    }
    ClusterException e =
        new ClusterException(
            failures.size()
                + " of "
                + total
                + " "
                + what
                + " failed; first: "
                + failures.get(0).getMessage(),
            failures.get(0));
    failures.stream().skip(1).forEach(e::addSuppressed);
    throw e;
  }

  private void cleanUpPod(Workflow wf, Pod pod) {
    WorkflowPhase wfPhase = wf.status() == null ? null : wf.status().phase();
    boolean wfCompleted = wfPhase != null && wfPhase.isCompleted();
    Instant now = clock.instant();
    String nodeId = PodObserver.nodeId(pod);
    Optional<NodeStatus> node =
        wf.status() == null || nodeId == null ? Optional.empty() : wf.status().node(nodeId);
    boolean fulfilled =
        node.isPresent()
            && node.get().phase() != null
            && node.get().phase().isFulfilled()
            && !Boolean.FALSE.equals(node.get().taskResultSynced());
    if (!fulfilled && !wfCompleted) {
      return;
    }
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    if (!PodTaskRunner.terminal(pod) && pod.getMetadata().getDeletionTimestamp() == null) {
      // still running: it stays watched (and keeps its finalizer) until it ends; nothing of a
      // completed workflow may keep running, so it is killed after the grace period at the latest
      if (wfCompleted) {
        podTasks.addAt(new PodTask.Kill(ns, name), now.plus(config.terminationGracePeriod()));
      }
      return;
    }
    boolean podSucceeded =
        pod.getStatus() != null && "Succeeded".equals(pod.getStatus().getPhase());
    PodCleanup decision =
        PodCleanup.decide(
            wf.spec() == null ? null : wf.spec().podGC(),
            pod.getMetadata().getLabels(),
            podSucceeded,
            wfPhase);
    switch (decision) {
      case RELEASE ->
          cluster.releasePod(
              ns, name, config.podStatusFinalizer(), Map.of(ArgoNames.LABEL_COMPLETED, "true"));
      case RELEASE_FINALIZER -> {
        if (hasFinalizer(pod)) {
          cluster.releasePod(ns, name, config.podStatusFinalizer(), Map.of());
        }
      }
      case DELETE -> podTasks.addAt(new PodTask.Delete(ns, name), now.plus(deleteDelay(wf)));
    }
  }

  private Duration deleteDelay(Workflow wf) {
    var gc = wf.spec() == null ? null : wf.spec().podGC();
    if (gc == null || gc.deleteDelayDuration() == null || gc.deleteDelayDuration().isEmpty()) {
      Duration configured = settings.get().podGcDeleteDelay();
      return configured != null ? configured : config.podGcDeleteDelay();
    }
    return ArgoDuration.parse(gc.deleteDelayDuration());
  }

  /** A completed workflow: its pods are cleaned up, its task results deleted, its TTL applied. */
  private Optional<Instant> afterCompletion(WorkflowKey key, Workflow wf) {
    cleanUpPods(wf, cluster.cachedPods(key));
    if (!cluster.cachedTaskResults(key).isEmpty()) {
      cluster.deleteTaskResults(key);
    }
    return expireByTtl(key, wf);
  }

  private Optional<Instant> expireByTtl(WorkflowKey key, Workflow wf) {
    TTLStrategy ttl = wf.spec() == null ? null : wf.spec().ttlStrategy();
    if (ttl == null || wf.status() == null || wf.status().finishedAt() == null) {
      return Optional.empty();
    }
    Integer seconds =
        wf.status().phase() == WorkflowPhase.SUCCEEDED
            ? first(ttl.secondsAfterSuccess(), ttl.secondsAfterCompletion())
            : first(ttl.secondsAfterFailure(), ttl.secondsAfterCompletion());
    if (seconds == null) {
      return Optional.empty();
    }
    Instant due = wf.status().finishedAt().plusSeconds(seconds);
    if (!due.isAfter(clock.instant())) {
      cluster.deleteWorkflow(key);
      metrics.workflowExpired();
      return Optional.empty();
    }
    return Optional.of(due);
  }

  /**
   * The workflow is gone or going: no pod or task result of it may keep a finalizer. Its pods
   * themselves go with it through their owner reference.
   */
  private void releaseLeftovers(WorkflowKey key) {
    List<Pod> pods = cluster.cachedPods(key);
    List<RuntimeException> failures = new ArrayList<>();
    for (Pod p : pods) {
      if (hasFinalizer(p)) {
        try {
          cluster.releasePod(
              p.getMetadata().getNamespace(),
              p.getMetadata().getName(),
              config.podStatusFinalizer(),
              Map.of());
        } catch (RuntimeException e) {
          failures.add(e); // one pod that cannot be released must not keep the others
        }
      }
    }
    if (!cluster.cachedTaskResults(key).isEmpty()) {
      cluster.deleteTaskResults(key);
    }
    throwAll("finalizer releases", pods.size(), failures);
  }

  private static Integer first(Integer a, Integer b) {
    return a != null ? a : b;
  }

  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isBefore(b.get()) ? a : b;
  }
}
