package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.CronWorkflow;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowTaskResult;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.runtime.kubernetes.Cluster;
import io.argo4j.runtime.kubernetes.ClusterListener;
import io.argo4j.runtime.kubernetes.LockRecord;
import io.argo4j.runtime.kubernetes.WorkflowKey;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a deadline on every call of any {@link Cluster} that may reach the server, whatever the
 * implementation does: the controller's workers can never be held by a hung connection. Cached
 * reads are passed through.
 */
public final class BoundedCluster implements Cluster {
  private final Cluster cluster;
  private final Deadlines deadlines;

  public BoundedCluster(Cluster cluster, Duration timeout) {
    this.cluster = cluster;
    this.deadlines = new Deadlines(timeout);
  }

  @Override
  public void start(ClusterListener listener) {
    cluster.start(listener);
  }

  @Override
  public List<WorkflowKey> cachedWorkflowKeys() {
    return cluster.cachedWorkflowKeys();
  }

  @Override
  public Optional<Workflow> cachedWorkflow(WorkflowKey key) {
    return cluster.cachedWorkflow(key);
  }

  @Override
  public Optional<Workflow> readWorkflow(WorkflowKey key) {
    return deadlines.call("read workflow " + key, () -> cluster.readWorkflow(key));
  }

  @Override
  public Workflow updateWorkflow(Workflow workflow) {
    return deadlines.call(
        "update workflow " + workflow.metadata().getName(), () -> cluster.updateWorkflow(workflow));
  }

  @Override
  public void deleteWorkflow(WorkflowKey key) {
    deadlines.run("delete workflow " + key, () -> cluster.deleteWorkflow(key));
  }

  @Override
  public void failUnreadableWorkflow(WorkflowKey key, String message) {
    deadlines.run("fail workflow " + key, () -> cluster.failUnreadableWorkflow(key, message));
  }

  @Override
  public List<WorkflowKey> cachedOwnerKeys() {
    return cluster.cachedOwnerKeys();
  }

  @Override
  public List<Pod> cachedPods(WorkflowKey key) {
    return cluster.cachedPods(key);
  }

  @Override
  public List<Pod> listPods(WorkflowKey key) {
    return deadlines.call("list pods of " + key, () -> cluster.listPods(key));
  }

  @Override
  public Optional<Pod> cachedPod(String namespace, String podName) {
    return cluster.cachedPod(namespace, podName);
  }

  @Override
  public List<WorkflowTaskResult> cachedTaskResults(WorkflowKey key) {
    return cluster.cachedTaskResults(key);
  }

  @Override
  public boolean createPod(Pod pod) {
    return deadlines.call(
        "create pod " + pod.getMetadata().getName(), () -> cluster.createPod(pod));
  }

  @Override
  public void annotatePod(String namespace, String podName, Map<String, String> annotations) {
    deadlines.run(
        "annotate pod " + podName, () -> cluster.annotatePod(namespace, podName, annotations));
  }

  @Override
  public void releasePod(
      String namespace, String podName, String finalizer, Map<String, String> labels) {
    deadlines.run(
        "release pod " + podName, () -> cluster.releasePod(namespace, podName, finalizer, labels));
  }

  @Override
  public void deletePod(String namespace, String podName, Duration gracePeriod) {
    deadlines.run(
        "delete pod " + podName, () -> cluster.deletePod(namespace, podName, gracePeriod));
  }

  @Override
  public void deleteTaskResults(WorkflowKey key) {
    deadlines.run("delete task results of " + key, () -> cluster.deleteTaskResults(key));
  }

  @Override
  public boolean createWorkflow(Workflow workflow) {
    return deadlines.call(
        "create workflow " + workflow.metadata().getName(), () -> cluster.createWorkflow(workflow));
  }

  @Override
  public List<Workflow> cachedWorkflowsLabelled(String namespace, String key, String value) {
    return cluster.cachedWorkflowsLabelled(namespace, key, value);
  }

  @Override
  public List<CronWorkflow> listCronWorkflows() {
    return deadlines.call("list cron workflows", cluster::listCronWorkflows);
  }

  @Override
  public CronWorkflow updateCronWorkflow(CronWorkflow cron) {
    return deadlines.call(
        "update cron workflow " + cron.metadata().getName(),
        () -> cluster.updateCronWorkflow(cron));
  }

  @Override
  public Optional<WorkflowTemplate> readWorkflowTemplate(String namespace, String name) {
    return deadlines.call(
        "read workflow template " + name, () -> cluster.readWorkflowTemplate(namespace, name));
  }

  @Override
  public Optional<Map<String, String>> readConfigMapData(String namespace, String name) {
    return deadlines.call(
        "read config map " + namespace + "/" + name,
        () -> cluster.readConfigMapData(namespace, name));
  }

  @Override
  public LockRecord readLockRecord(String namespace, String lock) {
    return deadlines.call(
        "read lock record " + lock, () -> cluster.readLockRecord(namespace, lock));
  }

  @Override
  public List<LockRecord> listLockRecords() {
    return deadlines.call("list lock records", cluster::listLockRecords);
  }

  @Override
  public LockRecord writeLockRecord(LockRecord record) {
    return deadlines.call(
        "write lock record " + record.lock(), () -> cluster.writeLockRecord(record));
  }

  @Override
  public Optional<ClusterWorkflowTemplate> readClusterWorkflowTemplate(String name) {
    return deadlines.call(
        "read cluster workflow template " + name, () -> cluster.readClusterWorkflowTemplate(name));
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } finally {
      deadlines.close();
    }
  }
}
