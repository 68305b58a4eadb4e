package io.argo4j.testkit.sim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.engine.Action;
import io.argo4j.engine.ReportedOutputs;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.CronWorkflow;
import io.argo4j.model.Template;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowTaskResult;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.model.io.ModelJson;
import io.argo4j.runtime.kubernetes.Cluster;
import io.argo4j.runtime.kubernetes.ClusterException;
import io.argo4j.runtime.kubernetes.ClusterListener;
import io.argo4j.runtime.kubernetes.LockRecord;
import io.argo4j.runtime.kubernetes.WorkflowKey;
import io.argo4j.runtime.kubernetes.internal.ArgoNames;
import io.argo4j.testkit.sim.FaultKind;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;

/**
 * The Kubernetes runtime's {@link Cluster} port over the simulated API server, for one incarnation
 * of one controller: cached reads come from its own {@link Informer} (fed by a lagging, faulty
 * watch), every other call goes to the {@link ApiServer} and may hit an injected fault (409s, write
 * timeouts, 429s, slow calls, a finalizer that cannot be removed, the process dying at an API
 * call). Pods it creates are handed to the simulated kubelet, which reads the node's template from
 * the pod spec as the real executor does.
 */
final class SimCluster implements Cluster {
  private static final ObjectMapper JSON = ModelJson.newObjectMapper();

  /** Where in one work item the process dies, if it does. */
  enum CrashPoint {
    NONE,
    BEFORE_WRITE,
    AFTER_WRITE,
    MID_ACTIONS
  }

  private final String id;
  private final ApiServer api;
  private final Kubelet kubelet;
  private final FaultPlan faults;
  private final RandomGenerator rng;
  private final Trace trace;
  private final Stats stats;
  private final Duration apiCallTimeout;
  private final LongConsumer slowCall;
  private final Set<String> stuckFinalizers;
  private Informer informer;
  private CrashPoint crashPoint = CrashPoint.NONE;
  private int actions;

  SimCluster(
      String id,
      ApiServer api,
      Kubelet kubelet,
      FaultPlan faults,
      Trace trace,
      Stats stats,
      Duration apiCallTimeout,
      LongConsumer slowCall,
      Set<String> stuckFinalizers) {
    this.id = id;
    this.api = api;
    this.kubelet = kubelet;
    this.faults = faults;
    this.rng = faults.rng();
    this.trace = trace;
    this.stats = stats;
    this.apiCallTimeout = apiCallTimeout;
    this.slowCall = slowCall;
    this.stuckFinalizers = stuckFinalizers;
  }

  /** The informer receiving watch events, or null once this incarnation is gone. */
  Informer informer() {
    return informer;
  }

  /** A new work item starts; it dies at {@code crash}, if that point is reached. */
  void beginItem(CrashPoint crash) {
    this.crashPoint = crash;
    this.actions = 0;
  }

  void relist() {
    if (informer != null) {
      informer.relist(api);
    }
  }

  // ---- watches and cached reads ------------------------------------------------------------

  @Override
  public void start(ClusterListener listener) {
    informer = new Informer(name -> listener.changed(key(name)));
    informer.relist(api);
  }

  @Override
  public List<WorkflowKey> cachedWorkflowKeys() {
    List<WorkflowKey> out = new ArrayList<>();
    for (StoredWorkflow w : cache().workflows()) {
      out.add(key(w.name()));
    }
    return out;
  }

  @Override
  public List<WorkflowKey> cachedOwnerKeys() {
    Set<String> names = new LinkedHashSet<>();
    cache().pods().forEach(p -> names.add(p.workflow()));
    cache().taskResults().forEach(t -> names.add(t.workflow()));
    return names.stream().map(SimCluster::key).toList();
  }

  @Override
  public Optional<Workflow> cachedWorkflow(WorkflowKey key) {
    StoredWorkflow w = cache().workflow(key.name());
    return w == null ? Optional.empty() : Optional.of(w.workflow());
  }

  @Override
  public List<Pod> cachedPods(WorkflowKey key) {
    List<Pod> out = new ArrayList<>();
    for (PodSnapshot p : cache().pods()) {
      if (p.workflow().equals(key.name())) {
        out.add(p.pod());
      }
    }
    return out;
  }

  @Override
  public List<Pod> listPods(WorkflowKey key) {
    call("list pods of " + key);
    List<Pod> out = new ArrayList<>();
    for (PodSnapshot p : api.listPods()) {
      if (p.workflow().equals(key.name())) {
        out.add(p.pod());
      }
    }
    return out;
  }

  @Override
  public Optional<Pod> cachedPod(String namespace, String podName) {
    PodSnapshot p = cache().pod(podName);
    return p == null ? Optional.empty() : Optional.of(p.pod());
  }

  @Override
  public List<WorkflowTaskResult> cachedTaskResults(WorkflowKey key) {
    List<WorkflowTaskResult> out = new ArrayList<>();
    for (TaskResultSnapshot t : cache().taskResults()) {
      if (t.workflow().equals(key.name())) {
        out.add(taskResult(key.namespace(), t));
      }
    }
    return out;
  }

  @Override
  public List<Workflow> cachedWorkflowsLabelled(String namespace, String key, String value) {
    List<Workflow> out = new ArrayList<>();
    for (StoredWorkflow w : cache().workflows()) {
      Map<String, String> labels = w.workflow().metadata().getLabels();
      if (labels != null && value.equals(labels.get(key))) {
        out.add(w.workflow());
      }
    }
    return out;
  }

  private Informer cache() {
    if (informer == null) {
      throw new IllegalStateException("controller " + id + ": the cluster is not started");
    }
    return informer;
  }

  // ---- workflows -----------------------------------------------------------------------------

  @Override
  public Optional<Workflow> readWorkflow(WorkflowKey key) {
    call("read workflow " + key);
    StoredWorkflow w = api.getWorkflow(key.name());
    return w == null ? Optional.empty() : Optional.of(w.workflow());
  }

  @Override
  public Workflow updateWorkflow(Workflow wf) {
    String name = wf.metadata().getName();
    crashAt(CrashPoint.BEFORE_WRITE, "before persisting " + name);
    call("update workflow " + name);
    long rv = Long.parseLong(wf.metadata().getResourceVersion());
    StoredWorkflow latest = api.getWorkflow(name);
    if (latest != null && faults.decide(FaultKind.WRITE_CONFLICT)) {
      Workflow touched =
          latest
              .workflow()
              .withMetadata(
                  new ObjectMetaBuilder(latest.workflow().metadata())
                      .addToAnnotations("sim.argo4j.io/touched", Long.toString(latest.rv()))
                      .build());
      api.updateWorkflow("other-client", touched, latest.rv());
      faults.injected(FaultKind.WRITE_CONFLICT, "another client updated " + name + " first");
    }
    stats.statusWrites++;
    if (faults.decide(FaultKind.WRITE_TIMEOUT)) {
      boolean committed =
          rng.nextBoolean() && api.updateWorkflow(id, wf, rv) instanceof ApiServer.WriteResult.Ok;
      faults.injected(
          FaultKind.WRITE_TIMEOUT,
          "status write of "
              + name
              + " by "
              + id
              + " timed out ("
              + (committed ? "it was committed" : "not committed")
              + ")");
      throw new ClusterException.Timeout("update workflow " + name + ": timed out");
    }
    switch (api.updateWorkflow(id, wf, rv)) {
      case ApiServer.WriteResult.Ok ok -> {
        trace.add(id, name + " status written (rv " + ok.stored().rv() + ")" + summary(wf));
        crashAt(CrashPoint.AFTER_WRITE, "after persisting " + name + ", before its actions");
        return ok.stored().workflow();
      }
      case ApiServer.WriteResult.Conflict c -> {
        stats.conflicts++;
        trace.add(id, name + ": 409 (had rv " + rv + ", now " + c.currentRv() + ")");
        throw new ClusterException.Conflict(name + " changed since rv " + rv, null);
      }
      case ApiServer.WriteResult.NotFound n ->
          throw new ClusterException("update workflow " + name + ": not found");
    }
  }

  @Override
  public void deleteWorkflow(WorkflowKey key) {
    call("delete workflow " + key);
    trace.add(id, "delete workflow " + key.name());
    api.deleteWorkflow(key.name());
  }

  @Override
  public void failUnreadableWorkflow(WorkflowKey key, String message) {
    // every stored workflow is a parsed model object: nothing is ever unreadable here
    throw new IllegalStateException("the simulated cluster holds no unreadable workflow " + key);
  }

  @Override
  public boolean createWorkflow(Workflow wf) {
    call("create workflow " + wf.metadata().getName());
    Workflow withServerFields =
        wf.withMetadata(
            new ObjectMetaBuilder(wf.metadata())
                .withUid("uid-" + wf.metadata().getName())
                .withCreationTimestamp(api.now().toString())
                .build());
    boolean created = api.createWorkflow(id, withServerFields) != null;
    trace.add(
        id, "create workflow " + wf.metadata().getName() + (created ? "" : ": already exists"));
    return created;
  }

  @Override
  public List<CronWorkflow> listCronWorkflows() {
    call("list cron workflows");
    return api.crons().stream().map(ApiServer.StoredCron::cron).toList();
  }

  @Override
  public CronWorkflow updateCronWorkflow(CronWorkflow cron) {
    String name = cron.metadata().getName();
    call("update cron workflow " + name);
    long rv = Long.parseLong(cron.metadata().getResourceVersion());
    if (!api.updateCron(cron, rv)) {
      throw new ClusterException.Conflict(
          "cron workflow " + name + " changed since rv " + rv, null);
    }
    return api.crons().stream()
        .map(ApiServer.StoredCron::cron)
        .filter(c -> c.metadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Override
  public Optional<WorkflowTemplate> readWorkflowTemplate(String namespace, String name) {
    return Optional.empty();
  }

  @Override
  public Optional<ClusterWorkflowTemplate> readClusterWorkflowTemplate(String name) {
    return Optional.empty();
  }

  /** The simulated cluster has one ConfigMap: the semaphore limits of the generated workloads. */
  @Override
  public Optional<Map<String, String>> readConfigMapData(String namespace, String name) {
    call("get configmap " + name);
    if (!name.equals(WorkloadGenerator.SEMAPHORE_CONFIG_MAP)) {
      return Optional.empty();
    }
    String limit = Integer.toString(WorkloadGenerator.SEMAPHORE_LIMIT);
    return Optional.of(
        Map.of(
            WorkloadGenerator.SEMAPHORE_KEY,
            limit,
            WorkloadGenerator.WORKFLOW_SEMAPHORE_KEY,
            limit));
  }

  // ---- lock records --------------------------------------------------------------------------

  @Override
  public LockRecord readLockRecord(String namespace, String lock) {
    call("get lock record " + lock);
    ApiServer.StoredLock s = api.getLock(lock);
    return s == null
        ? LockRecord.empty(namespace, lock)
        : new LockRecord(namespace, lock, s.holders(), Long.toString(s.rv()));
  }

  @Override
  public List<LockRecord> listLockRecords() {
    call("list lock records");
    return api.locks().stream()
        .map(l ->
            new LockRecord(SimulationRun.NAMESPACE, l.lock(), l.holders(), Long.toString(l.rv())))
        .toList();
  }

  /** A compare-and-swap write that may time out (committed or not), be throttled or be slow. */
  @Override
  public LockRecord writeLockRecord(LockRecord r) {
    call("write lock record " + r.lock());
    Long rv = r.resourceVersion() == null ? null : Long.parseLong(r.resourceVersion());
    if (faults.decide(FaultKind.WRITE_TIMEOUT)) {
      boolean committed = rng.nextBoolean() && api.writeLock(r.lock(), r.holders(), rv) != null;
      faults.injected(
          FaultKind.WRITE_TIMEOUT,
          "lock record write of "
              + r.lock()
              + " by "
              + id
              + " timed out ("
              + (committed ? "it was committed" : "not committed")
              + ")");
      throw new ClusterException.Timeout("write lock record " + r.lock() + ": timed out");
    }
    ApiServer.StoredLock s = api.writeLock(r.lock(), r.holders(), rv);
    if (s == null) {
      stats.conflicts++;
      throw new ClusterException.Conflict(
          "lock record " + r.lock() + " changed since rv " + r.resourceVersion(), null);
    }
    trace.add(id, "lock record " + r.lock() + " (rv " + s.rv() + "): " + s.holders());
    return new LockRecord(r.namespace(), r.lock(), s.holders(), Long.toString(s.rv()));
  }

  // ---- pods and task results ---------------------------------------------------------------

  @Override
  public boolean createPod(Pod pod) {
    String name = pod.getMetadata().getName();
    action("create pod " + name);
    Map<String, String> labels = orEmpty(pod.getMetadata().getLabels());
    Map<String, String> annotations = orEmpty(pod.getMetadata().getAnnotations());
    String workflow = labels.get(ArgoNames.LABEL_WORKFLOW);
    boolean created =
        kubelet.create(
            pod.getMetadata().getNamespace(),
            workflow,
            startOf(pod, labels, annotations),
            labels,
            annotations,
            pod.getMetadata().getFinalizers() == null
                ? List.of()
                : pod.getMetadata().getFinalizers());
    if (created) {
      stats.podsCreated++;
    }
    return created;
  }

  /** The node a pod runs, read back from its spec as the executor reads it. */
  private static Action.StartPod startOf(
      Pod pod, Map<String, String> labels, Map<String, String> annotations) {
    Map<String, String> env = new TreeMap<>();
    for (var c : pod.getSpec().getContainers()) {
      if ("wait".equals(c.getName()) && c.getEnv() != null) {
        for (EnvVar e : c.getEnv()) {
          if (e.getValue() != null) {
            env.put(e.getName(), e.getValue());
          }
        }
      }
    }
    Template template;
    try {
      template = JSON.readValue(env.get("ARGO_TEMPLATE"), Template.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "pod " + pod.getMetadata().getName() + " carries no readable ARGO_TEMPLATE", e);
    }
    String deadline = env.get("ARGO_DEADLINE");
    return new Action.StartPod(
        annotations.get(ArgoNames.ANNOTATION_NODE_ID),
        pod.getMetadata().getName(),
        annotations.get(ArgoNames.ANNOTATION_NODE_NAME),
        template,
        "true".equals(labels.get(ArgoNames.LABEL_ON_EXIT)),
        Boolean.parseBoolean(env.get("ARGO_INCLUDE_SCRIPT_OUTPUT")),
        deadline == null ? null : Instant.parse(deadline));
  }

  @Override
  public void annotatePod(String namespace, String podName, Map<String, String> annotations) {
    action("annotate pod " + podName);
    SimPod pod = api.pod(podName);
    if (pod == null) {
      return;
    }
    api.annotatePod(pod, annotations);
    if (annotations.containsKey(ArgoNames.ANNOTATION_EXECUTION)) {
      // the executor watches this annotation: past the deadline it terminates the step
      kubelet.stop(podName, "execution deadline set by " + id);
    }
  }

  @Override
  public void releasePod(
      String namespace, String podName, String finalizer, Map<String, String> labels) {
    action("release pod " + podName);
    SimPod pod = api.pod(podName);
    if (pod == null) {
      return;
    }
    if (pod.finalizers.contains(finalizer)) {
      if (stuckFinalizers.contains(podName)) {
        throw new ClusterException(
            "release pod " + podName + ": admission webhook denied the finalizer removal");
      }
      if (faults.decide(FaultKind.FINALIZER_REMOVAL_FAILS)) {
        stuckFinalizers.add(podName);
        faults.injected(
            FaultKind.FINALIZER_REMOVAL_FAILS, podName + ": its finalizer can never be removed");
        throw new ClusterException(
            "release pod " + podName + ": admission webhook denied the finalizer removal");
      }
    }
    api.releasePod(pod, finalizer, labels);
  }

  @Override
  public void deletePod(String namespace, String podName, Duration gracePeriod) {
    action("delete pod " + podName);
    kubelet.delete(podName);
  }

  @Override
  public void deleteTaskResults(WorkflowKey key) {
    action("delete task results of " + key);
    api.deleteTaskResults(key.name());
  }

  @Override
  public void close() {
    informer = null;
  }

  // ---- faults ------------------------------------------------------------------------------

  /** One API call: it may be throttled, or slow (and past the deadline, a timeout). */
  private void call(String what) {
    if (faults.decide(FaultKind.API_THROTTLED)) {
      faults.injected(FaultKind.API_THROTTLED, what + " by " + id + ": 429");
      throw new ClusterException(what + ": 429 Too Many Requests");
    }
    if (faults.decide(FaultKind.API_LATENCY_SPIKE)) {
      long millis = 1_000 + rng.nextLong(59_000);
      boolean timedOut = millis > apiCallTimeout.toMillis();
      faults.injected(
          FaultKind.API_LATENCY_SPIKE,
          what + " by " + id + " takes " + millis + "ms" + (timedOut ? ": timed out" : ""));
      slowCall.accept(Math.min(millis, apiCallTimeout.toMillis()));
      if (timedOut) {
        throw new ClusterException.Timeout(what + " did not complete within " + apiCallTimeout);
      }
    }
  }

  /** A call that acts on the world after the status write: the process may die before it. */
  private void action(String what) {
    if (crashPoint == CrashPoint.MID_ACTIONS && actions >= 1) {
      crashAt(CrashPoint.MID_ACTIONS, "after " + actions + " actions, before " + what);
    }
    actions++;
    call(what);
  }

  private void crashAt(CrashPoint point, String where) {
    if (crashPoint == point) {
      crashPoint = CrashPoint.NONE;
      faults.injected(FaultKind.CONTROLLER_CRASH, id + " dies " + where);
      throw new ControllerCrashed(where);
    }
  }

  private static WorkflowTaskResult taskResult(String namespace, TaskResultSnapshot t) {
    ReportedOutputs r = t.outputs();
    Map<String, String> labels = new TreeMap<>();
    labels.put(ArgoNames.LABEL_WORKFLOW, t.workflow());
    if (r.complete()) {
      labels.put(ArgoNames.LABEL_REPORT_OUTPUTS_COMPLETED, "true");
    }
    return WorkflowTaskResult.builder()
        .metadata(
            new ObjectMetaBuilder()
                .withName(t.nodeId())
                .withNamespace(namespace)
                .withLabels(labels)
                .withResourceVersion(Long.toString(t.rv()))
                .build())
        .outputs(r.outputs())
        .progress(r.progress())
        .build();
  }

  private static WorkflowKey key(String name) {
    return new WorkflowKey(SimulationRun.NAMESPACE, name);
  }

  private static Map<String, String> orEmpty(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }

  private static String summary(Workflow wf) {
    if (wf.status() == null || wf.status().phase() == null) {
      return "";
    }
    return ": " + wf.status().phase().value();
  }

  static Set<String> newStuckSet() {
    return new TreeSet<>();
  }
}
