package io.argo4j.runtime.local.internal;

import io.argo4j.engine.Action;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.executor.StepDirectory;
import io.argo4j.executor.StepExecutor;
import io.argo4j.executor.StepHandle;
import io.argo4j.executor.StepResult;
import io.argo4j.executor.StepSpec;
import io.argo4j.executor.StepState;
import io.argo4j.executor.TemplateSteps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The step processes of one workflow, keyed by node ID: applies the engine's pod actions
 * idempotently and reports what each step looks like as a {@link PodObservation}. Each step lives
 * in {@code <workflowDir>/<podName>/}; a step directory that already exists is attached to, never
 * started twice. Every change of a step calls {@code onChange}.
 */
public final class StepPool {

  /** Prefix of the executor's message for a step stopped because its runner went away. */
  static final String RUNNER_GONE_PREFIX =
      "stopped because the runner that started the step exited";

  private static final String DELETED_DIR = ".deleted";

  private final StepExecutor executor;
  private final Path workflowDir;
  private final String namespace;
  private final String workflowName;
  private final Runnable onChange;
  private final Duration stopGrace;
  private final InstantSource clock;
  private final Map<String, Step> steps = new ConcurrentHashMap<>();

  public StepPool(
      StepExecutor executor,
      Path workflowDir,
      String namespace,
      String workflowName,
      Duration stopGrace,
      InstantSource clock,
      Runnable onChange) {
    this.executor = executor;
    this.workflowDir = workflowDir;
    this.namespace = namespace;
    this.workflowName = workflowName;
    this.stopGrace = stopGrace;
    this.clock = clock;
    this.onChange = onChange;
  }

  /** One step: its directory, handle once started, and what it looks like now. */
  private static final class Step {
    final String nodeId;
    final String podName;
    final Path dir;
    volatile StepHandle handle;
    volatile PodObservation observation;
    volatile Instant deadline;
    volatile boolean stopRequested;
    volatile boolean deadlineExceeded;

    Step(String nodeId, String podName, Path dir) {
      this.nodeId = nodeId;
      this.podName = podName;
      this.dir = dir;
      this.observation = StepObservations.pending(podName);
    }
  }

  /**
   * Attaches to the steps an earlier runner of this workflow left (after a restart): running ones
   * are followed, finished ones report their result, lost ones report that they are gone.
   */
  public void attachExisting() throws IOException {
    if (!Files.isDirectory(workflowDir)) {
      return;
    }
    List<Path> dirs;
    try (Stream<Path> list = Files.list(workflowDir)) {
      dirs = list.filter(Files::isDirectory).sorted().toList();
    }
    for (Path dir : dirs) {
      String podName = dir.getFileName().toString();
      if (podName.startsWith(".") || Files.exists(deletedMarker(podName))) {
        continue;
      }
      StepDirectory sd = StepDirectory.of(dir);
      Optional<StepSpec> spec = sd.readSpec();
      if (spec.isEmpty() || sd.state() == StepState.PENDING) {
        continue;
      }
      Step step = new Step(spec.get().nodeId(), podName, dir);
      steps.put(step.nodeId, step);
      attach(step);
    }
  }

  /** What every step looks like now, by node ID. */
  public Map<String, PodObservation> observations() {
    Map<String, PodObservation> out = new LinkedHashMap<>();
    steps.forEach((id, step) -> out.put(id, current(step)));
    return out;
  }

  /**
   * The step's observation; a step whose process has ended but whose end was not reported yet is
   * read from its directory, so that the run never depends on the end being reported.
   */
  private PodObservation current(Step step) {
    PodObservation observation = step.observation;
    StepHandle handle = step.handle;
    if (observation.phase() == PodPhase.RUNNING && handle != null && !handle.isAlive()) {
      try {
        Optional<StepResult> result = StepDirectory.of(step.dir).readResult();
        if (result.isPresent()) {
          step.observation = observe(step, result.get());
        }
      } catch (IOException | RuntimeException e) {
        // not readable yet: the end is reported through the handle, or read next time
      }
    }
    return step.observation;
  }

  /** Applies one of the engine's actions. */
  public void apply(Action action) throws IOException {
    switch (action) {
      case Action.StartPod start -> start(start);
      case Action.StopPod stop -> stop(stop.nodeId());
      case Action.DeletePod delete -> delete(delete.nodeId(), delete.podName());
    }
  }

  private void start(Action.StartPod start) throws IOException {
    Step existing = steps.get(start.nodeId());
    if (existing != null && existing.podName.equals(start.podName())) {
      return;
    }
    Path dir = workflowDir.resolve(start.podName());
    Step step = new Step(start.nodeId(), start.podName(), dir);
    step.deadline = start.deadline();
    steps.put(step.nodeId, step);
    Files.deleteIfExists(deletedMarker(start.podName()));
    StepDirectory sd = StepDirectory.of(dir);
    if (sd.readSpec().isPresent()) {
      if (sd.state() != StepState.PENDING) {
        attach(step);
        return;
      }
      // set up by a runner that stopped before starting it: start it afresh
      moveAside(dir);
    }
    TemplateSteps.Translation translation =
        TemplateSteps.of(
            start.template(),
            new TemplateSteps.StepTarget(
                namespace,
                workflowName,
                start.nodeId(),
                start.nodeName(),
                start.podName(),
                start.captureResult()),
            executor.config().images());
    if (translation instanceof TemplateSteps.Unsupported unsupported) {
      Instant now = clock.instant();
      step.observation =
          StepObservations.finished(
              step.podName,
              new StepResult(null, null, null, null, null, unsupported.message(), null, now, now),
              false);
      onChange.run();
      return;
    }
    StepSpec spec = ((TemplateSteps.Ready) translation).spec();
    Thread.ofVirtual()
        .name("argo4j-start-" + step.podName)
        .start(() -> {
          try {
            follow(step, executor.start(spec, dir));
          } catch (IOException e) {
            fail(step, "cannot start the step in " + dir + ": " + e.getMessage());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(step, "interrupted while starting the step");
          } catch (RuntimeException e) {
            fail(step, "cannot start the step: " + e);
          }
        });
  }

  private void attach(Step step) throws IOException {
    StepState state = StepDirectory.of(step.dir).state();
    if (state == StepState.LOST) {
      step.observation =
          StepObservations.lost(step.podName, StepDirectory.of(step.dir).readResult().orElse(null));
      onChange.run();
      return;
    }
    Optional<StepHandle> handle = executor.attach(step.dir);
    if (handle.isEmpty()) {
      step.observation = StepObservations.lost(step.podName, null);
      onChange.run();
      return;
    }
    follow(step, handle.get());
  }

  private void follow(Step step, StepHandle handle) {
    step.handle = handle;
    if (handle.isAlive()) {
      step.observation = StepObservations.running(step.podName, startedAt(step.dir));
      onChange.run();
      if (step.stopRequested) {
        terminate(step);
      }
    }
    handle
        .onExit()
        .whenComplete((result, error) -> {
          if (error != null) {
            fail(step, "lost track of the step: " + error);
            return;
          }
          step.observation = observe(step, result);
          onChange.run();
        });
  }

  private static PodObservation observe(Step step, StepResult result) {
    if (result.exitCode() == null && result.failure() != null && result.startedAt() != null) {
      return StepObservations.lost(step.podName, result);
    }
    if (result.failure() != null && result.failure().startsWith(RUNNER_GONE_PREFIX)) {
      return StepObservations.lost(step.podName, result);
    }
    return StepObservations.finished(step.podName, result, step.deadlineExceeded);
  }

  private void fail(Step step, String message) {
    Instant now = clock.instant();
    step.observation =
        StepObservations.finished(
            step.podName,
            new StepResult(null, null, null, null, null, message, null, now, now),
            false);
    onChange.run();
  }

  private void stop(String nodeId) {
    Step step = steps.get(nodeId);
    if (step == null || step.stopRequested) {
      return;
    }
    step.stopRequested = true;
    terminate(step);
  }

  private void terminate(Step step) {
    StepHandle handle = step.handle;
    if (handle == null || !handle.isAlive()) {
      return;
    }
    Thread.ofVirtual()
        .name("argo4j-stop-" + step.podName)
        .start(() -> {
          try {
            handle.terminate(stopGrace);
            onChange.run();
          } catch (InterruptedException e) {
            handle.kill();
            Thread.currentThread().interrupt();
          }
        });
  }

  private void delete(String nodeId, String podName) throws IOException {
    Step step = steps.get(nodeId);
    if (step != null && step.podName.equals(podName)) {
      step.stopRequested = true;
      StepHandle handle = step.handle;
      if (handle != null && handle.isAlive()) {
        handle.kill();
      }
      steps.remove(nodeId);
    }
    Path marker = deletedMarker(podName);
    Files.createDirectories(marker.getParent());
    if (!Files.exists(marker)) {
      Files.createFile(marker);
    }
    onChange.run();
  }

  /** The earliest deadline of a running step, if any. */
  public Optional<Instant> nextDeadline() {
    return steps.values().stream()
        .filter(s -> s.deadline != null && !s.deadlineExceeded && isAlive(s))
        .map(s -> s.deadline)
        .min(Instant::compareTo);
  }

  /** Stops the running steps whose deadline has passed. */
  public void enforceDeadlines(Instant now) {
    for (Step step : steps.values()) {
      if (step.deadline != null && !step.deadlineExceeded && !now.isBefore(step.deadline)) {
        if (isAlive(step)) {
          step.deadlineExceeded = true;
          step.stopRequested = true;
          terminate(step);
        }
      }
    }
  }

  /** Kills every running step at once (a second Ctrl-C). */
  public void killAll() {
    for (Step step : steps.values()) {
      step.stopRequested = true;
      StepHandle handle = step.handle;
      if (handle != null && handle.isAlive()) {
        handle.kill();
      }
    }
  }

  /** Whether any step still runs. */
  public boolean anyAlive() {
    return steps.values().stream().anyMatch(StepPool::isAlive);
  }

  /** The steps that still run. */
  public List<String> alivePods() {
    List<String> out = new ArrayList<>();
    steps.values().stream().filter(StepPool::isAlive).forEach(s -> out.add(s.podName));
    return out;
  }

  private static boolean isAlive(Step step) {
    StepHandle handle = step.handle;
    return handle != null && handle.isAlive();
  }

  private Path deletedMarker(String podName) {
    return workflowDir.resolve(DELETED_DIR).resolve(podName);
  }

  private static void moveAside(Path dir) throws IOException {
    moveAside(dir, "abandoned");
  }

  /**
   * Moves a step directory out of the way under a hidden name ({@code .POD.REASON-N}), keeping its
   * files, so that a new step of the same pod name starts afresh instead of attaching to it.
   */
  public static void moveAside(Path dir, String reason) throws IOException {
    for (int i = 1; ; i++) {
      Path aside = dir.resolveSibling("." + dir.getFileName() + "." + reason + "-" + i);
      if (!Files.exists(aside)) {
        Files.move(dir, aside);
        return;
      }
    }
  }

  private Instant startedAt(Path dir) {
    try {
      return Files.readAttributes(dir, BasicFileAttributes.class).creationTime().toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
