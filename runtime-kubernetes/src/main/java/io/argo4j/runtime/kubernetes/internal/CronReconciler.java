package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.model.CronWorkflow;
import io.argo4j.model.CronWorkflowSpec;
import io.argo4j.model.CronWorkflowStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.runtime.kubernetes.Cluster;
import io.argo4j.runtime.kubernetes.ClusterException;
import io.argo4j.runtime.kubernetes.WorkflowKey;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts the runs of CronWorkflows (Argo's cron controller): at most one run per tick, named after
 * the tick ({@code <cron>-<unix seconds>}) so that a restarted controller never starts a tick
 * twice; a tick missed while the controller was down still runs if it is within {@code
 * startingDeadlineSeconds}. A run is active until its workflow is completed or gone, so a run whose
 * pods vanished blocks {@code Forbid} only until the engine ends it (seed defect d).
 */
public final class CronReconciler {
  private static final System.Logger LOG = System.getLogger(CronReconciler.class.getName());

  public static final String LABEL_CRON_WORKFLOW = "workflows.argoproj.io/cron-workflow";
  static final String ANNOTATION_SCHEDULED_TIME = "workflows.argoproj.io/scheduled-time";

  private static final int MAX_TERMINATE_ATTEMPTS = 3;

  private final Cluster cluster;
  private long forbidden;

  public CronReconciler(Cluster cluster) {
    this.cluster = cluster;
  }

  /** Runs that Forbid skipped so far (Argo's cronworkflows_concurrencypolicy_triggered). */
  public synchronized long forbidden() {
    return forbidden;
  }

  /** Checks every CronWorkflow once. Errors of one do not stop the others. */
  public synchronized void sync(Instant now) {
    for (CronWorkflow cron : cluster.listCronWorkflows()) {
      try {
        sync(cron, now);
      } catch (ClusterException.Conflict e) {
        LOG.log(System.Logger.Level.DEBUG, "cron workflow changed meanwhile; next sync retries");
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "cron workflow " + cron.metadata().getName() + ": " + e.getMessage(),
            e);
      }
    }
  }

  private void sync(CronWorkflow cron, Instant now) {
    CronWorkflowSpec spec = cron.spec();
    String ns = cron.metadata().getNamespace();
    String name = cron.metadata().getName();
    List<Workflow> children = cluster.cachedWorkflowsLabelled(ns, LABEL_CRON_WORKFLOW, name);
    List<Workflow> active = children.stream().filter(w -> !completed(w)).toList();
    CronWorkflowStatus status = cron.status();
    Instant last =
        status != null && status.lastScheduledTime() != null
            ? status.lastScheduledTime()
            : Instant.parse(cron.metadata().getCreationTimestamp());

    Instant newLast = last;
    List<String> activeNames =
        new ArrayList<>(active.stream().map(w -> w.metadata().getName()).toList());
    var tick = CronSchedule.parse(spec.schedules(), spec.timezone()).latestTick(last, now);
    if (tick.isPresent() && !Boolean.TRUE.equals(spec.suspend())) {
      newLast = tick.get();
      boolean missed =
          spec.startingDeadlineSeconds() != null
              && Duration.between(tick.get(), now).getSeconds() > spec.startingDeadlineSeconds();
      String policy = spec.concurrencyPolicy() == null ? "Allow" : spec.concurrencyPolicy();
      if (missed) {
        LOG.log(
            System.Logger.Level.INFO, name + ": missed tick " + tick.get() + " past its deadline");
      } else if (policy.equals("Forbid") && !active.isEmpty()) {
        forbidden++;
      } else {
        if (policy.equals("Replace")) {
          active.forEach(this::terminate);
        }
        Workflow run = run(cron, tick.get());
        if (cluster.createWorkflow(run)) {
          activeNames.add(run.metadata().getName());
        }
      }
    }
    deleteBeyondHistoryLimits(spec, children);

    CronWorkflowStatus newStatus =
        new CronWorkflowStatus(
            activeNames.stream().distinct().map(n -> ref(ns, n)).toList(),
            newLast,
            status == null ? null : status.conditions(),
            status == null ? null : status.succeeded(),
            status == null ? null : status.failed(),
            status == null ? null : status.phase());
    if (!Objects.equals(newStatus, status)) {
      cluster.updateCronWorkflow(cron.withStatus(newStatus));
    }
  }

  private static boolean completed(Workflow w) {
    return w.status() != null && w.status().phase() != null && w.status().phase().isCompleted();
  }

  /**
   * Replace: terminates a run. The cached copy may be stale, so a 409 re-reads the run and tries
   * again; a run that meanwhile completed or went needs nothing (the new tick must not be skipped
   * because an old copy cannot be written).
   */
  private void terminate(Workflow w) {
    WorkflowKey key = new WorkflowKey(w.metadata().getNamespace(), w.metadata().getName());
    Workflow current = w;
    for (int attempt = 0; ; attempt++) {
      if (completed(current)
          || (current.spec() != null && "Terminate".equals(current.spec().shutdown()))) {
        return;
      }
      try {
        cluster.updateWorkflow(
            current.withSpec(current.spec().toBuilder().shutdown("Terminate").build()));
        return;
      } catch (ClusterException.Conflict e) {
        if (attempt >= MAX_TERMINATE_ATTEMPTS) {
          throw e;
        }
        Optional<Workflow> fresh = cluster.readWorkflow(key);
        if (fresh.isEmpty()) {
          return;
        }
        current = fresh.get();
      }
    }
  }

  static Workflow run(CronWorkflow cron, Instant tick) {
    ObjectMeta template =
        cron.spec().workflowMetadata() == null ? new ObjectMeta() : cron.spec().workflowMetadata();
    Map<String, String> labels = new LinkedHashMap<>();
    if (template.getLabels() != null) {
      labels.putAll(template.getLabels());
    }
    labels.put(LABEL_CRON_WORKFLOW, cron.metadata().getName());
    Map<String, String> annotations = new LinkedHashMap<>();
    if (template.getAnnotations() != null) {
      annotations.putAll(template.getAnnotations());
    }
    annotations.put(ANNOTATION_SCHEDULED_TIME, tick.toString());
    ObjectMeta meta =
        new ObjectMetaBuilder()
            .withName(cron.metadata().getName() + "-" + tick.getEpochSecond())
            .withNamespace(cron.metadata().getNamespace())
            .withLabels(labels)
            .withAnnotations(annotations)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(ArgoNames.API_VERSION)
                    .withKind(CronWorkflow.KIND)
                    .withName(cron.metadata().getName())
                    .withUid(cron.metadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build())
            .build();
    return Workflow.of(meta, cron.spec().workflowSpec());
  }

  private void deleteBeyondHistoryLimits(CronWorkflowSpec spec, List<Workflow> children) {
    int keepSucceeded =
        spec.successfulJobsHistoryLimit() == null ? 3 : spec.successfulJobsHistoryLimit();
    int keepFailed = spec.failedJobsHistoryLimit() == null ? 1 : spec.failedJobsHistoryLimit();
    deleteOldest(
        children.stream()
            .filter(w -> completed(w) && w.status().phase() == WorkflowPhase.SUCCEEDED)
            .toList(),
        keepSucceeded);
    deleteOldest(
        children.stream()
            .filter(w -> completed(w) && w.status().phase() != WorkflowPhase.SUCCEEDED)
            .toList(),
        keepFailed);
  }

  private void deleteOldest(List<Workflow> done, int keep) {
    List<Workflow> byAge =
        done.stream()
            .sorted(Comparator.comparing((Workflow w) -> w.metadata().getName()).reversed())
            .toList();
    for (Workflow w : byAge.subList(Math.min(keep, byAge.size()), byAge.size())) {
      cluster.deleteWorkflow(new WorkflowKey(w.metadata().getNamespace(), w.metadata().getName()));
    }
  }

  private static ObjectReference ref(String ns, String name) {
    return new ObjectReferenceBuilder()
        .withApiVersion(ArgoNames.API_VERSION)
        .withKind("Workflow")
        .withNamespace(ns)
        .withName(name)
        .build();
  }
}
