package io.argo4j.runtime.kubernetes.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/** The controller's counters, rendered in Prometheus' text format under Argo's metric names. */
public final class ControllerMetrics {
  private final AtomicLong reconciles = new AtomicLong();
  private final AtomicLong reconcileErrors = new AtomicLong();
  private final AtomicLong conflicts = new AtomicLong();
  private final AtomicLong podsCreated = new AtomicLong();
  private final AtomicLong podsSignalled = new AtomicLong();
  private final AtomicLong workflowsExpired = new AtomicLong();
  private final AtomicReference<Instant> lastReconcile = new AtomicReference<>();
  private volatile IntSupplier workflowQueueDepth = () -> 0;
  private volatile IntSupplier podQueueDepth = () -> 0;

  void reconciled() {
    reconciles.incrementAndGet();
  }

  public void reconcileFailed() {
    reconcileErrors.incrementAndGet();
  }

  void conflict() {
    conflicts.incrementAndGet();
  }

  void podCreated() {
    podsCreated.incrementAndGet();
  }

  void podSignalled() {
    podsSignalled.incrementAndGet();
  }

  void workflowExpired() {
    workflowsExpired.incrementAndGet();
  }

  public void workerAlive(Instant now) {
    lastReconcile.set(now);
  }

  public Instant lastWorkerActivity() {
    return lastReconcile.get();
  }

  public void queues(IntSupplier workflowQueue, IntSupplier podQueue) {
    this.workflowQueueDepth = workflowQueue;
    this.podQueueDepth = podQueue;
  }

  public long reconciles() {
    return reconciles.get();
  }

  public long conflicts() {
    return conflicts.get();
  }

  /** Prometheus text exposition. */
  public String render() {
    StringBuilder b = new StringBuilder();
    gauge(
        b,
        "argo_workflows_queue_depth_gauge",
        "queue_name=\"workflow_queue\"",
        workflowQueueDepth.getAsInt(),
        "Depth of the queues");
    b.append("argo_workflows_queue_depth_gauge{queue_name=\"pod_cleanup_queue\"} ")
        .append(podQueueDepth.getAsInt())
        .append('\n');
    counter(b, "argo_workflows_operations_total", reconciles.get(), "Reconciles of workflows");
    counter(b, "argo4j_reconcile_errors_total", reconcileErrors.get(), "Reconciles that failed");
    counter(
        b,
        "argo4j_workflow_update_conflicts_total",
        conflicts.get(),
        "Workflow updates refused with 409");
    counter(b, "argo4j_pods_created_total", podsCreated.get(), "Pods created");
    counter(b, "argo4j_pods_signalled_total", podsSignalled.get(), "Pods asked to stop");
    counter(
        b,
        "argo4j_workflows_expired_total",
        workflowsExpired.get(),
        "Workflows deleted by ttlStrategy");
    return b.toString();
  }

  private static void gauge(StringBuilder b, String name, String labels, long v, String help) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(" gauge\n");
    b.append(name).append('{').append(labels).append("} ").append(v).append('\n');
  }

  private static void counter(StringBuilder b, String name, long v, String help) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(" counter\n");
    b.append(name).append(' ').append(v).append('\n');
  }
}
