package io.argo4j.testkit.sim.internal;

import io.argo4j.model.CronWorkflow;
import io.argo4j.runtime.kubernetes.internal.CronReconciler;
import io.argo4j.runtime.kubernetes.internal.CronSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * I8, exactly one workflow per scheduled tick: checked on every run a controller creates (never a
 * tick twice, only ticks of the schedule, none after the CronWorkflow was suspended) and at the end
 * (every tick of the active window ran, where the policy promises it: Allow or Replace, no starting
 * deadline, and no forward clock jump, which legitimately makes ticks be skipped).
 */
final class CronChecks implements ApiServer.Listener {
  static final String ANNOTATION_SCHEDULED_TIME = "workflows.argoproj.io/scheduled-time";

  /** Ticks this close to the suspension may legitimately not have fired yet. */
  static final long SLACK_MILLIS = 5 * 60_000L;

  private final Invariants invariants;
  private final Scheduler scheduler;
  private final Map<String, TreeSet<Instant>> ran = new TreeMap<>();
  private final Map<String, Instant> suspendedAt = new TreeMap<>();
  private final Map<String, CronWorkflow> crons = new TreeMap<>();

  CronChecks(Invariants invariants, Scheduler scheduler) {
    this.invariants = invariants;
    this.scheduler = scheduler;
  }

  void created(CronWorkflow cron) {
    crons.put(cron.metadata().getName(), cron);
  }

  void suspended(String cron) {
    suspendedAt.putIfAbsent(cron, scheduler.instant());
  }

  @Override
  public void onWorkflowWrite(String writer, StoredWorkflow before, StoredWorkflow after) {
    if (before != null) {
      return;
    }
    Map<String, String> labels = after.workflow().metadata().getLabels();
    String cronName = labels == null ? null : labels.get(CronReconciler.LABEL_CRON_WORKFLOW);
    if (cronName == null) {
      return;
    }
    String run = after.name();
    Map<String, String> annotations = after.workflow().metadata().getAnnotations();
    String scheduled = annotations == null ? null : annotations.get(ANNOTATION_SCHEDULED_TIME);
    if (scheduled == null) {
      invariants.violation("I8", run, "cron run without its scheduled time");
      return;
    }
    Instant tick = Instant.parse(scheduled);
    if (!ran.computeIfAbsent(cronName, k -> new TreeSet<>()).add(tick)) {
      invariants.violation("I8", run, "tick " + tick + " of " + cronName + " ran a second time");
    }
    if (suspendedAt.containsKey(cronName)) {
      invariants.violation(
          "I8",
          run,
          cronName + " started a run after it was suspended at " + suspendedAt.get(cronName));
    }
    CronWorkflow cron = crons.get(cronName);
    if (cron != null && !ticks(cron, tick.minusSeconds(1), tick).contains(tick)) {
      invariants.violation("I8", run, tick + " is not a tick of " + cron.spec().schedules());
    }
  }

  /** Every tick of the active window ran, where nothing legitimately skips one. */
  void atEnd(boolean clockJumpedForward) {
    if (clockJumpedForward) {
      return;
    }
    for (CronWorkflow cron : crons.values()) {
      String name = cron.metadata().getName();
      String policy = cron.spec().concurrencyPolicy();
      if ("Forbid".equals(policy) || cron.spec().startingDeadlineSeconds() != null) {
        continue;
      }
      Instant from = Instant.parse(cron.metadata().getCreationTimestamp());
      Instant to = suspendedAt.getOrDefault(name, scheduler.instant()).minusMillis(SLACK_MILLIS);
      TreeSet<Instant> done = ran.getOrDefault(name, new TreeSet<>());
      List<Instant> missed = new ArrayList<>();
      for (Instant t : ticks(cron, from, to)) {
        if (!done.contains(t)) {
          missed.add(t);
        }
      }
      if (!missed.isEmpty()) {
        invariants.violation(
            "I8", name, "ticks never ran (policy " + policy + "): " + missed + "; ran: " + done);
      }
    }
  }

  /** The schedule's ticks in (from, to]. */
  private static List<Instant> ticks(CronWorkflow cron, Instant from, Instant to) {
    CronSchedule schedule = CronSchedule.parse(cron.spec().schedules(), cron.spec().timezone());
    List<Instant> out = new ArrayList<>();
    Instant upTo = to;
    while (upTo.isAfter(from)) {
      Optional<Instant> t = schedule.latestTick(from, upTo);
      if (t.isEmpty()) {
        break;
      }
      out.addFirst(t.get());
      upTo = t.get().minusSeconds(1);
    }
    return out;
  }
}
