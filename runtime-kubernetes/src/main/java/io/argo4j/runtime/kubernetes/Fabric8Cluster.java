package io.argo4j.runtime.kubernetes;

import static io.argo4j.runtime.kubernetes.internal.ArgoNames.LABEL_COMPLETED;
import static io.argo4j.runtime.kubernetes.internal.ArgoNames.LABEL_PHASE;
import static io.argo4j.runtime.kubernetes.internal.ArgoNames.LABEL_WORKFLOW;

import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.CronWorkflow;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowTaskResult;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.runtime.kubernetes.internal.ArgoNames;
import io.argo4j.runtime.kubernetes.internal.Deadlines;
import io.argo4j.runtime.kubernetes.internal.ModelCodec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link Cluster} on a fabric8 {@link KubernetesClient}: informers for workflows, pods and task
 * results, and plain update / JSON patch / delete calls (no server-side apply), each bounded by the
 * API deadline.
 */
public final class Fabric8Cluster implements Cluster {

  private static final String BY_WORKFLOW = "byWorkflow";

  static final ResourceDefinitionContext WORKFLOWS = crd("Workflow", "workflows", true);
  static final ResourceDefinitionContext TASK_RESULTS =
      crd("WorkflowTaskResult", "workflowtaskresults", true);
  static final ResourceDefinitionContext WORKFLOW_TEMPLATES =
      crd("WorkflowTemplate", "workflowtemplates", true);
  static final ResourceDefinitionContext CRON_WORKFLOWS =
      crd("CronWorkflow", "cronworkflows", true);
  static final ResourceDefinitionContext CLUSTER_WORKFLOW_TEMPLATES =
      crd("ClusterWorkflowTemplate", "clusterworkflowtemplates", false);

  private final KubernetesClient client;
  private final String namespace;
  private final Deadlines deadlines;
  private final ModelCodec codec;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private SharedIndexInformer<GenericKubernetesResource> workflowInformer;
  private SharedIndexInformer<Pod> podInformer;
  private SharedIndexInformer<GenericKubernetesResource> taskResultInformer;

  /**
   * @param client the client (not closed by this cluster)
   * @param namespace the namespace to manage, or null for all namespaces
   * @param apiTimeout the deadline of every call to the API server
   */
  public Fabric8Cluster(KubernetesClient client, String namespace, Duration apiTimeout) {
    this.client = client;
    this.namespace = namespace;
    this.deadlines = new Deadlines(apiTimeout);
    this.codec = new ModelCodec(client.getKubernetesSerialization());
  }

  private static ResourceDefinitionContext crd(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(ArgoNames.GROUP)
        .withVersion(ArgoNames.VERSION)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  @Override
  public synchronized void start(ClusterListener listener) {
    if (workflowInformer != null) {
      throw new IllegalStateException("already started");
    }
    var workflows = generic(WORKFLOWS);
    workflowInformer =
        (namespace == null ? workflows.inAnyNamespace() : workflows.inNamespace(namespace))
            .runnableInformer(0);
    workflowInformer.addEventHandler(handler(listener, Fabric8Cluster::keyOfWorkflow));

    podInformer =
        (namespace == null ? client.pods().inAnyNamespace() : client.pods().inNamespace(namespace))
            .withLabel(LABEL_WORKFLOW)
            .withLabel(LABEL_COMPLETED, "false")
            .runnableInformer(0);
    podInformer.addIndexers(Map.of(BY_WORKFLOW, p -> ownerKeys(p)));
    podInformer.addEventHandler(handler(listener, Fabric8Cluster::keyOfLabelled));

    var results = generic(TASK_RESULTS);
    taskResultInformer =
        (namespace == null ? results.inAnyNamespace() : results.inNamespace(namespace))
            .withLabel(LABEL_WORKFLOW)
            .runnableInformer(0);
    taskResultInformer.addIndexers(Map.of(BY_WORKFLOW, r -> ownerKeys(r)));
    taskResultInformer.addEventHandler(handler(listener, Fabric8Cluster::keyOfLabelled));

    informers.addAll(List.of(workflowInformer, podInformer, taskResultInformer));
    for (SharedIndexInformer<?> informer : informers) {
      try {
        informer
            .start()
            .toCompletableFuture()
            .get(deadlines.timeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        throw new ClusterException("cannot start watching the cluster: " + e, e);
      }
    }
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      genericIn(ResourceDefinitionContext ctx, String ns) {
    return client.genericKubernetesResources(ctx).inNamespace(ns);
  }

  private io.fabric8.kubernetes.client.dsl.MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      generic(ResourceDefinitionContext ctx) {
    return client.genericKubernetesResources(ctx);
  }

  private static <T extends HasMetadata> ResourceEventHandler<T> handler(
      ClusterListener listener, Function<T, WorkflowKey> key) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        notify(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        notify(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        notify(obj);
      }

      private void notify(T obj) {
        WorkflowKey k = key.apply(obj);
        if (k != null) {
          listener.changed(k);
        }
      }
    };
  }

  private static WorkflowKey keyOfWorkflow(HasMetadata wf) {
    return new WorkflowKey(wf.getMetadata().getNamespace(), wf.getMetadata().getName());
  }

  private static WorkflowKey keyOfLabelled(HasMetadata obj) {
    Map<String, String> labels = obj.getMetadata().getLabels();
    String wf = labels == null ? null : labels.get(LABEL_WORKFLOW);
    return wf == null ? null : new WorkflowKey(obj.getMetadata().getNamespace(), wf);
  }

  private static List<String> ownerKeys(HasMetadata obj) {
    WorkflowKey key = keyOfLabelled(obj);
    return key == null ? List.of() : List.of(key.toString());
  }

  private void requireStarted() {
    if (workflowInformer == null) {
      throw new IllegalStateException("cluster not started");
    }
  }

  @Override
  public List<WorkflowKey> cachedWorkflowKeys() {
    requireStarted();
    return workflowInformer.getStore().list().stream().map(Fabric8Cluster::keyOfWorkflow).toList();
  }

  @Override
  public Optional<Workflow> cachedWorkflow(WorkflowKey key) {
    requireStarted();
    GenericKubernetesResource r = workflowInformer.getStore().getByKey(key.toString());
    return r == null ? Optional.empty() : Optional.of(codec.fromResource(r, Workflow.class));
  }

  @Override
  public Optional<Workflow> readWorkflow(WorkflowKey key) {
    GenericKubernetesResource r =
        deadlines.call(
            "get workflow " + key,
            () -> genericIn(WORKFLOWS, key.namespace()).withName(key.name()).get());
    return r == null ? Optional.empty() : Optional.of(codec.fromResource(r, Workflow.class));
  }

  @Override
  public Workflow updateWorkflow(Workflow workflow) {
    String ns = workflow.metadata().getNamespace();
    String name = workflow.metadata().getName();
    GenericKubernetesResource resource = codec.toResource(workflow);
    try {
      GenericKubernetesResource stored =
          deadlines.call(
              "update workflow " + ns + "/" + name,
              () -> genericIn(WORKFLOWS, ns).resource(resource).update());
      return codec.fromResource(stored, Workflow.class);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new ClusterException.Conflict("workflow " + ns + "/" + name + " changed", e);
      }
      if (tooLarge(e)) {
        throw new ClusterException.TooLarge(
            "the API server refused workflow "
                + ns
                + "/"
                + name
                + " as too large: "
                + e.getMessage(),
            e);
      }
      throw new ClusterException("update workflow " + ns + "/" + name + ": " + e.getMessage(), e);
    }
  }

  private static boolean tooLarge(KubernetesClientException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
    return e.getCode() == 413
        || m.contains("request entity too large")
        || m.contains("request is too large")
        || m.contains("too long: must have at most");
  }

  @Override
  public void deleteWorkflow(WorkflowKey key) {
    deadlines.run(
        "delete workflow " + key,
        () -> genericIn(WORKFLOWS, key.namespace()).withName(key.name()).delete());
  }

  @Override
  public void failUnreadableWorkflow(WorkflowKey key, String message) {
    Map<String, Object> patch =
        Map.of(
            "metadata",
            Map.of("labels", Map.of(LABEL_COMPLETED, "true", LABEL_PHASE, "Error")),
            "status",
            Map.of("phase", "Error", "message", message));
    String json = client.getKubernetesSerialization().asJson(patch);
    deadlines.run(
        "fail workflow " + key,
        () ->
            genericIn(WORKFLOWS, key.namespace())
                .withName(key.name())
                .patch(PatchContext.of(PatchType.JSON_MERGE), json));
  }

  @Override
  public List<WorkflowKey> cachedOwnerKeys() {
    requireStarted();
    Set<WorkflowKey> keys = new LinkedHashSet<>();
    for (Pod p : podInformer.getStore().list()) {
      keys.add(keyOfLabelled(p));
    }
    for (GenericKubernetesResource r : taskResultInformer.getStore().list()) {
      keys.add(keyOfLabelled(r));
    }
    keys.remove(null);
    return List.copyOf(keys);
  }

  @Override
  public List<Pod> cachedPods(WorkflowKey key) {
    requireStarted();
    return List.copyOf(podInformer.getIndexer().byIndex(BY_WORKFLOW, key.toString()));
  }

  @Override
  public List<Pod> listPods(WorkflowKey key) {
    return deadlines.call(
        "list pods of " + key,
        () ->
            client
                .pods()
                .inNamespace(key.namespace())
                .withLabel(LABEL_WORKFLOW, key.name())
                .list()
                .getItems());
  }

  @Override
  public Optional<Pod> cachedPod(String ns, String podName) {
    requireStarted();
    return Optional.ofNullable(podInformer.getStore().getByKey(ns + "/" + podName));
  }

  @Override
  public List<WorkflowTaskResult> cachedTaskResults(WorkflowKey key) {
    requireStarted();
    List<WorkflowTaskResult> out = new ArrayList<>();
    for (GenericKubernetesResource r :
        taskResultInformer.getIndexer().byIndex(BY_WORKFLOW, key.toString())) {
      try {
        out.add(codec.fromResource(r, WorkflowTaskResult.class));
      } catch (ClusterException.Unreadable e) {
        // an unreadable result is as good as no result: the engine bounds the wait for it
      }
    }
    return out;
  }

  @Override
  public boolean createPod(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    try {
      deadlines.run(
          "create pod " + ns + "/" + pod.getMetadata().getName(),
          () -> client.pods().inNamespace(ns).resource(pod).create());
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return false;
      }
      throw new ClusterException("create pod " + pod.getMetadata().getName() + ": " + e, e);
    }
  }

  @Override
  public void annotatePod(String ns, String podName, Map<String, String> annotations) {
    editPod(
        "annotate pod " + ns + "/" + podName,
        ns,
        podName,
        pod -> {
          Map<String, String> all = new LinkedHashMap<>();
          if (pod.getMetadata().getAnnotations() != null) {
            all.putAll(pod.getMetadata().getAnnotations());
          }
          all.putAll(annotations);
          pod.getMetadata().setAnnotations(all);
          return pod;
        });
  }

  @Override
  public void releasePod(String ns, String podName, String finalizer, Map<String, String> labels) {
    Pod cached = podInformer == null ? null : podInformer.getStore().getByKey(ns + "/" + podName);
    if (cached == null && "true".equals(labels.get(LABEL_COMPLETED))) {
      // the pod informer holds every pod not labelled completed: this one already is (by an
      // earlier reconcile whose write the caller's cache had not shown yet)
      return;
    }
    if (cached != null) {
      // one patch built from the cached pod; only when the cache turns out stale does it cost a
      // read and a second patch
      String patch = releasePatch(cached, finalizer, labels);
      if (patch == null) {
        return;
      }
      try {
        deadlines.run(
            "release pod " + ns + "/" + podName,
            () ->
                // on the cached pod, not withName(): that would GET the pod before patching it
                client
                    .pods()
                    .inNamespace(ns)
                    .resource(cached)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return;
        }
        if (e.getCode() != 409) {
          throw new ClusterException(
              "release pod " + ns + "/" + podName + ": " + e.getMessage(), e);
        }
      }
    }
    editPod(
        "release pod " + ns + "/" + podName,
        ns,
        podName,
        pod -> {
          List<String> finalizers = pod.getMetadata().getFinalizers();
          if (finalizer != null && finalizers != null && finalizers.contains(finalizer)) {
            List<String> rest = new ArrayList<>(finalizers);
            rest.remove(finalizer);
            pod.getMetadata().setFinalizers(rest);
          }
          if (!labels.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>();
            if (pod.getMetadata().getLabels() != null) {
              all.putAll(pod.getMetadata().getLabels());
            }
            all.putAll(labels);
            pod.getMetadata().setLabels(all);
          }
          return pod;
        });
  }

  /**
   * A JSON merge patch that removes {@code finalizer} and sets {@code labels}, computed from the
   * cached pod and guarded by its resourceVersion (a stale cache gets 409, not a lost update); null
   * when the cached pod needs no change. No finalizer left is written as null (field removed).
   */
  private String releasePatch(Pod pod, String finalizer, Map<String, String> labels) {
    var json = client.getKubernetesSerialization();
    StringBuilder meta = new StringBuilder();
    List<String> finalizers = pod.getMetadata().getFinalizers();
    if (finalizer != null && finalizers != null && finalizers.contains(finalizer)) {
      List<String> rest = new ArrayList<>(finalizers);
      rest.remove(finalizer);
      meta.append(",\"finalizers\":").append(rest.isEmpty() ? "null" : json.asJson(rest));
    }
    Map<String, String> current =
        pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    Map<String, String> changed = new LinkedHashMap<>();
    labels.forEach((k, v) -> {
      if (!v.equals(current.get(k))) {
        changed.put(k, v);
      }
    });
    if (!changed.isEmpty()) {
      meta.append(",\"labels\":").append(json.asJson(changed));
    }
    if (meta.isEmpty()) {
      return null;
    }
    return "{\"metadata\":{\"resourceVersion\":"
        + json.asJson(pod.getMetadata().getResourceVersion())
        + meta
        + "}}";
  }

  private void editPod(
      String what, String ns, String podName, java.util.function.UnaryOperator<Pod> edit) {
    try {
      deadlines.run(what, () -> client.pods().inNamespace(ns).withName(podName).edit(edit));
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw new ClusterException(what + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void deletePod(String ns, String podName, Duration gracePeriod) {
    try {
      deadlines.run(
          "delete pod " + ns + "/" + podName,
          () ->
              client
                  .pods()
                  .inNamespace(ns)
                  .withName(podName)
                  .withGracePeriod(gracePeriod.toSeconds())
                  .delete());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw new ClusterException("delete pod " + podName + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void deleteTaskResults(WorkflowKey key) {
    boolean finalizers =
        taskResultInformer != null
            && taskResultInformer.getIndexer().byIndex(BY_WORKFLOW, key.toString()).stream()
                .anyMatch(r ->
                    r.getMetadata().getFinalizers() != null
                        && !r.getMetadata().getFinalizers().isEmpty());
    if (!finalizers) {
      // none known to carry a finalizer: one delete-collection call instead of list + N deletes
      try {
        deadlines.run(
            "delete task results of " + key,
            () ->
                genericIn(TASK_RESULTS, key.namespace())
                    .withLabel(LABEL_WORKFLOW, key.name())
                    .delete());
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return;
        }
        throw new ClusterException("delete task results of " + key + ": " + e.getMessage(), e);
      }
    }
    FilterWatchListDeletable<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        selected = genericIn(TASK_RESULTS, key.namespace()).withLabel(LABEL_WORKFLOW, key.name());
    List<GenericKubernetesResource> items =
        deadlines.call("list task results of " + key, () -> selected.list().getItems());
    for (GenericKubernetesResource r : items) {
      String name = r.getMetadata().getName();
      Resource<GenericKubernetesResource> one =
          genericIn(TASK_RESULTS, key.namespace()).withName(name);
      try {
        if (r.getMetadata().getFinalizers() != null && !r.getMetadata().getFinalizers().isEmpty()) {
          deadlines.run(
              "release task result " + name,
              () ->
                  one.patch(
                      PatchContext.of(PatchType.JSON),
                      "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]"));
        }
        deadlines.run("delete task result " + name, one::delete);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw new ClusterException("delete task result " + name + ": " + e.getMessage(), e);
        }
      }
    }
  }

  @Override
  public boolean createWorkflow(Workflow workflow) {
    String ns = workflow.metadata().getNamespace();
    GenericKubernetesResource resource = codec.toResource(workflow);
    try {
      deadlines.run(
          "create workflow " + workflow.metadata().getName(),
          () -> genericIn(WORKFLOWS, ns).resource(resource).create());
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return false;
      }
      throw new ClusterException(
          "create workflow " + workflow.metadata().getName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<Workflow> cachedWorkflowsLabelled(String ns, String key, String value) {
    requireStarted();
    List<Workflow> out = new ArrayList<>();
    for (GenericKubernetesResource r : workflowInformer.getStore().list()) {
      Map<String, String> labels = r.getMetadata().getLabels();
      if (ns.equals(r.getMetadata().getNamespace())
          && labels != null
          && value.equals(labels.get(key))) {
        try {
          out.add(codec.fromResource(r, Workflow.class));
        } catch (ClusterException.Unreadable e) {
          // an unreadable workflow is failed by its own reconcile
        }
      }
    }
    return out;
  }

  @Override
  public List<CronWorkflow> listCronWorkflows() {
    var crons = generic(CRON_WORKFLOWS);
    List<GenericKubernetesResource> items =
        deadlines.call(
            "list cron workflows",
            () ->
                (namespace == null
                        ? crons.inAnyNamespace().list()
                        : crons.inNamespace(namespace).list())
                    .getItems());
    List<CronWorkflow> out = new ArrayList<>();
    for (GenericKubernetesResource r : items) {
      try {
        out.add(codec.fromResource(r, CronWorkflow.class));
      } catch (ClusterException.Unreadable e) {
        System.getLogger(Fabric8Cluster.class.getName())
            .log(System.Logger.Level.WARNING, e.getMessage());
      }
    }
    return out;
  }

  @Override
  public CronWorkflow updateCronWorkflow(CronWorkflow cron) {
    String ns = cron.metadata().getNamespace();
    String name = cron.metadata().getName();
    GenericKubernetesResource resource = codec.toResource(cron);
    try {
      return codec.fromResource(
          deadlines.call(
              "update cron workflow " + ns + "/" + name,
              () -> genericIn(CRON_WORKFLOWS, ns).resource(resource).update()),
          CronWorkflow.class);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new ClusterException.Conflict("cron workflow " + ns + "/" + name + " changed", e);
      }
      throw new ClusterException("update cron workflow " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<WorkflowTemplate> readWorkflowTemplate(String ns, String name) {
    GenericKubernetesResource r =
        deadlines.call(
            "get workflow template " + ns + "/" + name,
            () -> genericIn(WORKFLOW_TEMPLATES, ns).withName(name).get());
    return r == null
        ? Optional.empty()
        : Optional.of(codec.fromResource(r, WorkflowTemplate.class));
  }

  @Override
  public Optional<Map<String, String>> readConfigMapData(String ns, String name) {
    io.fabric8.kubernetes.api.model.ConfigMap cm =
        deadlines.call(
            "get config map " + ns + "/" + name,
            () -> client.configMaps().inNamespace(ns).withName(name).get());
    if (cm == null) {
      return Optional.empty();
    }
    return Optional.of(cm.getData() == null ? Map.of() : Map.copyOf(cm.getData()));
  }

  // ---- lock records: one Lease per lock, its holders in an annotation ----------------------

  static final String LOCK_ANNOTATION = "argo4j.io/lock";
  static final String HOLDERS_ANNOTATION = "argo4j.io/lock-holders";
  static final String LOCK_LABEL = "argo4j.io/lock-record";

  /** A Lease name for a lock name, which may be longer or hold characters a name may not. */
  static String lockRecordName(String lock) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(lock.getBytes(StandardCharsets.UTF_8));
      return "argo4j-lock-" + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public List<LockRecord> listLockRecords() {
    List<Lease> leases;
    try {
      leases =
          deadlines.call(
              "list lock records",
              () ->
                  (namespace == null
                          ? client.leases().inAnyNamespace().withLabel(LOCK_LABEL, "true")
                          : client.leases().inNamespace(namespace).withLabel(LOCK_LABEL, "true"))
                      .list()
                      .getItems());
    } catch (KubernetesClientException e) {
      throw new ClusterException("list lock records: " + e.getMessage(), e);
    }
    List<LockRecord> out = new ArrayList<>();
    for (Lease lease : leases) {
      Map<String, String> annotations = lease.getMetadata().getAnnotations();
      String lock = annotations == null ? null : annotations.get(LOCK_ANNOTATION);
      if (lock != null) {
        out.add(toRecord(lease.getMetadata().getNamespace(), lock, lease));
      }
    }
    return out;
  }

  private static LockRecord toRecord(String ns, String lock, Lease lease) {
    Map<String, String> annotations = lease.getMetadata().getAnnotations();
    String holders = annotations == null ? null : annotations.get(HOLDERS_ANNOTATION);
    List<String> list =
        holders == null || holders.isBlank() ? List.of() : List.of(holders.split(","));
    return new LockRecord(ns, lock, list, lease.getMetadata().getResourceVersion());
  }

  @Override
  public LockRecord readLockRecord(String ns, String lock) {
    Lease lease;
    try {
      lease =
          deadlines.call(
              "get lock record of " + lock,
              () -> client.leases().inNamespace(ns).withName(lockRecordName(lock)).get());
    } catch (KubernetesClientException e) {
      throw new ClusterException("get lock record of " + lock + ": " + e.getMessage(), e);
    }
    return lease == null ? LockRecord.empty(ns, lock) : toRecord(ns, lock, lease);
  }

  @Override
  public LockRecord writeLockRecord(LockRecord record) {
    String ns = record.namespace();
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withNamespace(ns)
            .withName(lockRecordName(record.lock()))
            .withResourceVersion(record.resourceVersion())
            .addToLabels(LOCK_LABEL, "true")
            .addToAnnotations(LOCK_ANNOTATION, record.lock())
            .addToAnnotations(HOLDERS_ANNOTATION, String.join(",", record.holders()))
            .endMetadata()
            .build();
    String what = "write lock record of " + record.lock();
    try {
      Lease stored =
          deadlines.call(
              what,
              () ->
                  record.resourceVersion() == null
                      ? client.leases().inNamespace(ns).resource(lease).create()
                      : client.leases().inNamespace(ns).resource(lease).update());
      return new LockRecord(
          ns, record.lock(), record.holders(), stored.getMetadata().getResourceVersion());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new ClusterException.Conflict(what + ": changed by another writer", e);
      }
      throw new ClusterException(what + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<ClusterWorkflowTemplate> readClusterWorkflowTemplate(String name) {
    GenericKubernetesResource r =
        deadlines.call(
            "get cluster workflow template " + name,
            () ->
                client.genericKubernetesResources(CLUSTER_WORKFLOW_TEMPLATES).withName(name).get());
    return r == null
        ? Optional.empty()
        : Optional.of(codec.fromResource(r, ClusterWorkflowTemplate.class));
  }

  @Override
  public synchronized void close() {
    for (SharedIndexInformer<?> informer : informers) {
      informer.close();
    }
    informers.clear();
    deadlines.close();
  }
}
