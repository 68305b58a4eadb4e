package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.model.Condition;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

  /**
   * The last tick this controller dealt with, on the CronWorkflow. {@code status.lastScheduledTime}
   * is the last tick that started a run, as in Argo (a {@code when} reads it), so a tick skipped by
   * {@code when}, Forbid or its deadline is remembered here, never run later.
   */
  static final String ANNOTATION_LAST_TICK = "argo4j.io/last-tick";

  static final String PHASE_ACTIVE = "Active";
  static final String PHASE_STOPPED = "Stopped";
  private static final String SPEC_ERROR = "SpecError";

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
    whenError = null;
    CronWorkflowSpec spec = cron.spec();
    String ns = cron.metadata().getNamespace();
    String name = cron.metadata().getName();
    List<Workflow> children = cluster.cachedWorkflowsLabelled(ns, LABEL_CRON_WORKFLOW, name);
    List<Workflow> active = children.stream().filter(w -> !completed(w)).toList();
    CronWorkflowStatus status = cron.status();
    Instant lastScheduled = status == null ? null : status.lastScheduledTime();
    Instant cursor = cursor(cron, lastScheduled);

    // runs seen completed since the last sync are counted once: they leave status.active
    long succeeded = status == null || status.succeeded() == null ? 0 : status.succeeded();
    long failed = status == null || status.failed() == null ? 0 : status.failed();
    Set<String> wasActive = new HashSet<>();
    if (status != null && status.active() != null) {
      status.active().forEach(r -> wasActive.add(r.getName()));
    }
    for (Workflow w : children) {
      if (completed(w) && wasActive.contains(w.metadata().getName())) {
        if (w.status().phase() == WorkflowPhase.SUCCEEDED) {
          succeeded++;
        } else {
          failed++;
        }
      }
    }

    String phase = status == null ? null : status.phase();
    String specError = null;
    boolean stopped = PHASE_STOPPED.equals(phase);
    if (!stopped && spec.stopStrategy() != null) {
      try {
        stopped =
            new CronConditions(cron, lastScheduled, succeeded, failed, now)
                .shouldStop(spec.stopStrategy().expression());
      } catch (IllegalArgumentException e) {
        specError = e.getMessage();
      }
      if (stopped) {
        phase = PHASE_STOPPED;
        LOG.log(System.Logger.Level.INFO, name + ": stopStrategy holds; no more runs");
      }
    }

    Instant newCursor = cursor;
    List<String> activeNames =
        new ArrayList<>(active.stream().map(w -> w.metadata().getName()).toList());
    var tick = CronSchedule.parse(spec.schedules(), spec.timezone()).latestTick(cursor, now);
    if (tick.isPresent() && !Boolean.TRUE.equals(spec.suspend()) && !stopped) {
      newCursor = tick.get();
      boolean missed =
          spec.startingDeadlineSeconds() != null
              && Duration.between(tick.get(), now).getSeconds() > spec.startingDeadlineSeconds();
      String policy = spec.concurrencyPolicy() == null ? "Allow" : spec.concurrencyPolicy();
      if (missed) {
        LOG.log(
            System.Logger.Level.INFO, name + ": missed tick " + tick.get() + " past its deadline");
      } else if (policy.equals("Forbid") && !active.isEmpty()) {
        forbidden++;
      } else if (shouldRun(cron, lastScheduled, succeeded, failed, now)) {
        if (policy.equals("Replace")) {
          active.forEach(this::terminate);
        }
        Workflow run = run(cron, tick.get());
        if (cluster.createWorkflow(run)) {
          activeNames.add(run.metadata().getName());
        }
        lastScheduled = tick.get();
        phase = PHASE_ACTIVE;
      } else {
        LOG.log(
            System.Logger.Level.INFO, name + ": tick " + tick.get() + " skipped: when is false");
      }
    }
    if (specError == null) {
      specError = whenError;
    }
    deleteBeyondHistoryLimits(spec, children);

    CronWorkflowStatus newStatus =
        new CronWorkflowStatus(
            activeNames.stream().distinct().map(n -> ref(ns, n)).toList(),
            lastScheduled,
            conditions(status, specError),
            succeeded == 0 && (status == null || status.succeeded() == null) ? null : succeeded,
            failed == 0 && (status == null || status.failed() == null) ? null : failed,
            phase);
    CronWorkflow updated = cron.withStatus(newStatus);
    if (!Objects.equals(newCursor, cursor)) {
      updated = withCursor(updated, newCursor);
    }
    if (!Objects.equals(newStatus, status) || updated.metadata() != cron.metadata()) {
      cluster.updateCronWorkflow(updated);
    }
  }

  /** The error of the last {@code when} evaluated, for the status's SpecError condition. */
  private String whenError;

  private boolean shouldRun(
      CronWorkflow cron, Instant lastScheduled, long succeeded, long failed, Instant now) {
    try {
      return new CronConditions(cron, lastScheduled, succeeded, failed, now)
          .shouldRun(cron.spec().when());
    } catch (IllegalArgumentException e) {
      // the tick is not run, and the status says why
      LOG.log(System.Logger.Level.WARNING, cron.metadata().getName() + ": " + e.getMessage());
      whenError = e.getMessage();
      return false;
    }
  }

  /**
   * The last tick dealt with (run, skipped, forbidden or missed): our annotation, or for a
   * CronWorkflow without it the last run's time, or its creation.
   */
  private static Instant cursor(CronWorkflow cron, Instant lastScheduled) {
    Map<String, String> annotations = cron.metadata().getAnnotations();
    String mark = annotations == null ? null : annotations.get(ANNOTATION_LAST_TICK);
    if (mark != null) {
      try {
        Instant tick = Instant.parse(mark);
        return lastScheduled != null && lastScheduled.isAfter(tick) ? lastScheduled : tick;
      } catch (java.time.format.DateTimeParseException e) {
        // a damaged mark: fall back on what the status says
      }
    }
    return lastScheduled != null
        ? lastScheduled
        : Instant.parse(cron.metadata().getCreationTimestamp());
  }

  private static CronWorkflow withCursor(CronWorkflow cron, Instant tick) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (cron.metadata().getAnnotations() != null) {
      annotations.putAll(cron.metadata().getAnnotations());
    }
    annotations.put(ANNOTATION_LAST_TICK, tick.toString());
    ObjectMeta meta = new ObjectMetaBuilder(cron.metadata()).withAnnotations(annotations).build();
    return new CronWorkflow(cron.apiVersion(), cron.kind(), meta, cron.spec(), cron.status());
  }

  /** The status's conditions with a SpecError condition set to {@code error}, or cleared. */
  private static List<Condition> conditions(CronWorkflowStatus status, String error) {
    List<Condition> before = status == null ? null : status.conditions();
    List<Condition> out = new ArrayList<>();
    if (before != null) {
      before.stream().filter(c -> !SPEC_ERROR.equals(c.type())).forEach(out::add);
    }
    if (error != null) {
      out.add(new Condition(SPEC_ERROR, "True", error));
    }
    return out.isEmpty() && before == null ? null : out;
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
