package io.argo4j.runtime.kubernetes;

import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.CronWorkflow;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowTaskResult;
import io.argo4j.model.WorkflowTemplate;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations the controller needs from a Kubernetes API server, and nothing more. Reads named
 * "cached" come from watches kept current by the implementation; everything else is one call to the
 * server, bounded by a deadline, that throws {@link ClusterException} when it fails.
 *
 * <p>Implementations: {@link Fabric8Cluster} for a real (or mock) API server; a deterministic
 * in-memory cluster for simulation.
 */
public interface Cluster extends AutoCloseable {

  /**
   * Starts watching workflows, their pods (those not yet labelled completed) and their task
   * results, and returns once the caches hold a first full listing.
   */
  void start(ClusterListener listener);

  /** The workflows in the cache. */
  List<WorkflowKey> cachedWorkflowKeys();

  /**
   * The workflows that cached pods and task results belong to, whether the workflow itself is
   * cached or not. The resync reconciles them too, so that what a deleted workflow left behind is
   * released even when the events that told of it were missed.
   */
  List<WorkflowKey> cachedOwnerKeys();

  /** The workflow as last seen by the watch, if it exists. */
  Optional<Workflow> cachedWorkflow(WorkflowKey key);

  /** The workflow as the server has it now. */
  Optional<Workflow> readWorkflow(WorkflowKey key);

  /**
   * Replaces the workflow (metadata, spec and status) if its resourceVersion is still current.
   *
   * @return the workflow as stored, with its new resourceVersion
   * @throws ClusterException.Conflict when the workflow changed since it was read
   */
  Workflow updateWorkflow(Workflow workflow);

  /** Deletes the workflow (ttlStrategy). A missing workflow is not an error. */
  void deleteWorkflow(WorkflowKey key);

  /**
   * Marks a workflow that cannot even be parsed as failed: phase Error with this message and the
   * completed label, so that it is not retried forever.
   */
  void failUnreadableWorkflow(WorkflowKey key, String message);

  /** The workflow's pods that are not labelled completed, as last seen by the watch. */
  List<Pod> cachedPods(WorkflowKey key);

  /**
   * The workflow's pods as the server has them now, labelled completed or not: for nodes whose pod
   * the watch has not shown (yet).
   */
  List<Pod> listPods(WorkflowKey key);

  /** A pod not labelled completed, as last seen by the watch. */
  Optional<Pod> cachedPod(String namespace, String podName);

  /** The workflow's task results, as last seen by the watch. */
  List<WorkflowTaskResult> cachedTaskResults(WorkflowKey key);

  /**
   * Creates a pod.
   *
   * @return false when a pod of that name already exists (which is fine: creation is idempotent)
   */
  boolean createPod(Pod pod);

  /** Sets annotations on a pod. A missing pod is not an error. */
  void annotatePod(String namespace, String podName, Map<String, String> annotations);

  /**
   * Removes {@code finalizer} from the pod and, when {@code labels} is not empty, sets these labels
   * in the same write. A missing pod is not an error.
   */
  void releasePod(String namespace, String podName, String finalizer, Map<String, String> labels);

  /** Deletes a pod with this grace period. A missing pod is not an error. */
  void deletePod(String namespace, String podName, Duration gracePeriod);

  /** Deletes every task result of the workflow, first removing any finalizer they carry. */
  void deleteTaskResults(WorkflowKey key);

  /**
   * Creates a workflow.
   *
   * @return false when one of that name already exists
   */
  boolean createWorkflow(Workflow workflow);

  /** The cached workflows of {@code namespace} carrying label {@code key=value}. */
  List<Workflow> cachedWorkflowsLabelled(String namespace, String key, String value);

  /** The CronWorkflows, as the server has them now. Unreadable ones are left out. */
  List<CronWorkflow> listCronWorkflows();

  /**
   * Replaces a CronWorkflow (its status included) if its resourceVersion is still current.
   *
   * @throws ClusterException.Conflict when it changed since it was read
   */
  CronWorkflow updateCronWorkflow(CronWorkflow cron);

  Optional<WorkflowTemplate> readWorkflowTemplate(String namespace, String name);

  Optional<ClusterWorkflowTemplate> readClusterWorkflowTemplate(String name);

  /**
   * The {@code data} of a ConfigMap as the server has it now (semaphore limits), empty if it does
   * not exist.
   */
  Optional<Map<String, String>> readConfigMapData(String namespace, String name);

  /**
   * The record of a lock's holders as the server has it now (a fresh read), or an {@link
   * LockRecord#empty} one if none was written yet.
   */
  LockRecord readLockRecord(String namespace, String lock);

  /**
   * Stores a lock's record if the server still has the version it was read at (a null version
   * creates it), and returns it as stored.
   *
   * @throws ClusterException.Conflict when another writer changed or created it first
   */
  LockRecord writeLockRecord(LockRecord record);

  /** Every lock record in the managed namespaces (one call to the server). */
  List<LockRecord> listLockRecords();

  /** Stops the watches. */
  @Override
  void close();
}
