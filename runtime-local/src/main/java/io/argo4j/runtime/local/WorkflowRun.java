package io.argo4j.runtime.local;

import io.argo4j.engine.Action;
import io.argo4j.engine.Observations;
import io.argo4j.engine.Plan;
import io.argo4j.engine.TemplateCatalog;
import io.argo4j.engine.WorkflowEngine;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowStatus;
import io.argo4j.runtime.local.internal.LocalLocks;
import io.argo4j.runtime.local.internal.RunnerLock;
import io.argo4j.runtime.local.internal.StepPool;
import io.argo4j.runtime.local.internal.WorkflowDocuments;
import io.argo4j.store.ConflictException;
import io.argo4j.store.NotFoundException;
import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowKey;
import io.argo4j.store.WorkflowRepository;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One workflow being run by this process, holding its runner lock. {@link #run()} reconciles until
 * the workflow completes: it asks the engine for a plan whenever a step changes, a deadline or the
 * plan's requeue time comes, or another process changes the stored workflow; it persists the plan's
 * workflow before applying its actions. {@link #terminate()} and {@link #killNow()} may be called
 * from any thread (a Ctrl-C handler).
 */
public final class WorkflowRun {

  private static final Duration FINAL_WAIT_EXTRA = Duration.ofSeconds(5);

  private final WorkflowRepository repository;
  private final WorkflowEngine engine;
  private final TemplateCatalog catalog;
  private final InstantSource clock;
  private final Duration pollInterval;
  private final Duration stopGrace;
  private final RunnerLock lock;
  private final StepPool steps;
  private final RunListener listener;
  private final WorkflowKey key;
  private final LocalLocks locks;

  private final ReentrantLock mutex = new ReentrantLock();
  private final Condition changed = mutex.newCondition();
  private boolean dirty = true;

  private volatile boolean terminateRequested;
  private volatile boolean killRequested;
  private StoredWorkflow stored;
  private String lastJson;

  WorkflowRun(
      LocalRuntime runtime,
      StoredWorkflow stored,
      TemplateSet templates,
      RunnerLock lock,
      RunListener listener) {
    LocalRuntimeConfig config = runtime.config();
    this.repository = runtime.repository();
    this.engine = new WorkflowEngine(config.engine());
    this.catalog = templates.catalog();
    this.clock = config.clock();
    this.pollInterval = config.pollInterval();
    this.stopGrace = config.stopGrace();
    this.lock = lock;
    this.listener = listener;
    this.stored = stored;
    this.key = stored.key();
    Workflow workflow = WorkflowDocuments.workflow(stored);
    this.steps =
        new StepPool(
            runtime.executor(),
            runtime.workflowDirectory(stored.uid()),
            key.namespace(),
            key.name(),
            stopGrace,
            clock,
            this::wake);
    this.lastJson = WorkflowDocuments.toJson(workflow);
    this.locks = runtime.locks();
    locks.register(key.namespace(), key.name(), templates.configMaps(), this::wake);
  }

  /** The workflow's name. */
  public String name() {
    return key.name();
  }

  /** The workflow's namespace. */
  public String namespace() {
    return key.namespace();
  }

  /** The workflow as this runner last stored it. */
  public Workflow workflow() {
    mutex.lock();
    try {
      return WorkflowDocuments.workflow(stored);
    } finally {
      mutex.unlock();
    }
  }

  /**
   * Asks for the workflow to be terminated, as {@code argo terminate} does: its running steps get
   * SIGTERM, then SIGKILL after the grace period; the run goes on until the workflow is recorded as
   * Failed.
   */
  public void terminate() {
    terminateRequested = true;
    wake();
  }

  /** Kills every running step at once; the run still records the workflow's final state. */
  public void killNow() {
    terminateRequested = true;
    killRequested = true;
    wake();
  }

  /**
   * Runs the workflow to completion and returns it as finally stored. Releases the runner lock on
   * return, whatever happens.
   *
   * @throws InterruptedException when the calling thread is interrupted; the steps are killed
   */
  public Workflow run() throws IOException, InterruptedException {
    boolean shutdownRecorded = false;
    try {
      steps.attachExisting();
      while (true) {
        if (terminateRequested && !shutdownRecorded) {
          shutdownRecorded = recordShutdown();
          if (!shutdownRecorded) {
            return deleted();
          }
        }
        if (killRequested) {
          steps.killAll();
        }
        clearDirty();
        Workflow current = WorkflowDocuments.workflow(stored);
        Plan plan = reconcile(current);
        if (isChanged(plan)) {
          Optional<Boolean> persisted = persist(plan.workflow());
          if (persisted.isEmpty()) {
            return deleted();
          }
          if (!persisted.get()) {
            continue; // someone else wrote it: reconcile what they wrote
          }
          listener.onUpdate(plan.workflow(), plan.transitions());
        }
        // after persisting: what the status records as held is what the table may rebuild from
        locks.update(key.namespace(), key.name(), plan.lockClaims());
        for (Action action : plan.actions()) {
          steps.apply(action);
        }
        if (plan.completed()) {
          finishSteps();
          return plan.workflow();
        }
        awaitChange(plan.requeueAt());
        steps.enforceDeadlines(clock.instant());
        if (!refresh()) {
          return deleted();
        }
      }
    } catch (InterruptedException e) {
      steps.killAll();
      throw e;
    } finally {
      locks.finished(key.namespace(), key.name());
      lock.close();
    }
  }

  private Plan reconcile(Workflow current) {
    Instant now = clock.instant();
    try {
      return engine.reconcile(
          current,
          new Observations(steps.observations(), catalog, locks.view(key.namespace(), key.name())),
          now);
    } catch (RuntimeException e) {
      // A defect of the engine must not leave the workflow Running: record it and stop the steps.
      steps.killAll();
      WorkflowStatus status =
          (current.status() == null ? WorkflowStatus.builder() : current.status().toBuilder())
              .phase(WorkflowPhase.ERROR)
              .finishedAt(now)
              .message("internal error in argo4j's engine: " + e)
              .build();
      return new Plan(current.withStatus(status), true, List.of(), Optional.empty(), List.of());
    }
  }

  private boolean isChanged(Plan plan) {
    if (!plan.changed()) {
      return false;
    }
    String json = WorkflowDocuments.toJson(plan.workflow());
    return !json.equals(lastJson);
  }

  /** Stores the workflow: true when stored, false on a conflict (re-read), empty when deleted. */
  private Optional<Boolean> persist(Workflow workflow) {
    try {
      StoredWorkflow updated =
          repository.update(WorkflowDocuments.document(workflow), stored.resourceVersion());
      setStored(updated);
      return Optional.of(true);
    } catch (ConflictException e) {
      return refresh() ? Optional.of(false) : Optional.empty();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Sets {@code spec.shutdown: Terminate} on the stored workflow; false when it was deleted. */
  private boolean recordShutdown() {
    while (true) {
      Workflow current = WorkflowDocuments.workflow(stored);
      if (current.spec() != null && "Terminate".equals(current.spec().shutdown())) {
        return true;
      }
      Workflow terminated =
          current.withSpec(current.spec().toBuilder().shutdown("Terminate").build());
      try {
        setStored(
            repository.update(WorkflowDocuments.document(terminated), stored.resourceVersion()));
        return true;
      } catch (ConflictException e) {
        if (!refresh()) {
          return false;
        }
      } catch (NotFoundException e) {
        return false;
      }
    }
  }

  /** Re-reads the stored workflow if another process changed it; false when it was deleted. */
  private boolean refresh() {
    Optional<StoredWorkflow> latest = repository.get(key);
    if (latest.isEmpty() || !latest.get().uid().equals(stored.uid())) {
      return false;
    }
    if (latest.get().resourceVersion() != stored.resourceVersion()) {
      setStored(latest.get());
    }
    return true;
  }

  private void setStored(StoredWorkflow updated) {
    mutex.lock();
    try {
      stored = updated;
      lastJson = updated.json();
    } finally {
      mutex.unlock();
    }
  }

  /** The workflow was deleted while running: stop its steps and return it as last known. */
  private Workflow deleted() {
    steps.killAll();
    return WorkflowDocuments.workflow(stored);
  }

  private void wake() {
    mutex.lock();
    try {
      dirty = true;
      changed.signalAll();
    } finally {
      mutex.unlock();
    }
  }

  private void clearDirty() {
    mutex.lock();
    try {
      dirty = false;
    } finally {
      mutex.unlock();
    }
  }

  /**
   * Waits until a step changes, a request arrives, the requeue time or a step deadline comes, or
   * the poll interval passes (to see other processes' changes), whichever is first.
   */
  private void awaitChange(Optional<Instant> requeueAt) throws InterruptedException {
    Instant now = clock.instant();
    Instant until = now.plus(pollInterval);
    if (requeueAt.isPresent() && requeueAt.get().isBefore(until)) {
      until = requeueAt.get();
    }
    Optional<Instant> deadline = steps.nextDeadline();
    if (deadline.isPresent() && deadline.get().isBefore(until)) {
      until = deadline.get();
    }
    long nanos = Math.max(0, Duration.between(now, until).toNanos());
    mutex.lock();
    try {
      while (!dirty && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
    } finally {
      mutex.unlock();
    }
  }

  /** After completion no step may outlive the run: wait for stopping ones, then kill the rest. */
  private void finishSteps() throws InterruptedException {
    long end = System.nanoTime() + stopGrace.plus(FINAL_WAIT_EXTRA).toNanos();
    mutex.lock();
    try {
      long left;
      while (steps.anyAlive() && (left = end - System.nanoTime()) > 0) {
        changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    } finally {
      mutex.unlock();
    }
    steps.killAll();
  }
}
