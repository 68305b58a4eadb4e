package io.argo4j.executor.pod.internal;

import io.argo4j.executor.PodStep;
import io.argo4j.executor.StepDirectory;
import io.argo4j.executor.StepResult;
import io.argo4j.executor.StepSignal;
import io.argo4j.executor.StepSpec;
import io.argo4j.executor.pod.PodLayout;
import io.argo4j.executor.pod.internal.ApiCalls.ApiCallFailed;
import io.argo4j.model.Template;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wait container: announces the task result, stops the step when the controller asks (the
 * execution annotation) or its deadline passes, waits for the wrapper to record the exit code,
 * collects the outputs with the local executor's code, and reports them.
 */
public final class PodWait {

  /**
   * Timing and places.
   *
   * @param varRun the shared volume
   * @param annotationsFile the downward API annotations file
   * @param poll how often the step directory and annotations are looked at
   * @param killAfter how long after TERM the step gets KILL
   * @param lostAfter how long a silent wrapper (no heartbeat, no exit code) is given before the
   *     step is reported lost
   * @param clock the time
   */
  public record Settings(
      Path varRun,
      Path annotationsFile,
      Duration poll,
      Duration killAfter,
      Duration lostAfter,
      Clock clock) {}

  /** What the wait container ended with. */
  public record Outcome(int exitCode, String message) {}

  private final Settings settings;
  private final PodEnvironment env;
  private final TaskResults results;
  private final PrintStream log;

  public PodWait(Settings settings, PodEnvironment env, TaskResults results, PrintStream log) {
    this.settings = settings;
    this.env = env;
    this.results = results;
    this.log = log;
  }

  /** Runs to the end; the outcome's code is the wait container's exit code. */
  public Outcome run() throws ApiCallFailed, InterruptedException, IOException {
    Template t = PodInit.template(env);
    results.announce();
    Optional<String> unwrapped = unwrapped(t);
    if (unwrapped.isPresent()) {
      String reason = unwrapped.get();
      boolean declares = declaresOutputs(t);
      String message =
          declares
              ? reason + ", so its outputs cannot be collected; give the template a command"
              : null;
      results.complete(Map.of(), message);
      return declares ? new Outcome(1, message) : new Outcome(0, null);
    }

    Path stepDir = Path.of(PodLayout.stepDir(settings.varRun().toString()));
    Instant termAt = null;
    boolean killed = false;
    while (!PodStep.exited(stepDir)) {
      Instant now = settings.clock().instant();
      Optional<Instant> stop = stopAt();
      if (termAt == null && stop.isPresent() && !now.isBefore(stop.get())) {
        log.println("argo4j-exec: stopping the step (deadline " + stop.get() + ")");
        PodStep.requestSignal(stepDir, StepSignal.TERM);
        termAt = now;
      } else if (termAt != null && !killed && !now.isBefore(termAt.plus(settings.killAfter()))) {
        log.println("argo4j-exec: the step ignored TERM for " + settings.killAfter() + "; KILL");
        PodStep.requestSignal(stepDir, StepSignal.KILL);
        killed = true;
      }
      Optional<String> lost = lost(stepDir, now, killed ? termAt.plus(settings.killAfter()) : null);
      if (lost.isPresent()) {
        results.complete(Map.of(), lost.get());
        return new Outcome(1, lost.get());
      }
      Thread.sleep(settings.poll().toMillis());
    }

    StepDirectory sd = StepDirectory.of(stepDir);
    StepResult r =
        sd.readResult()
            .orElseThrow(() -> new IOException(stepDir + ": exit code recorded but no result"));
    StepSpec spec = sd.readSpec().orElseThrow(() -> new IOException(stepDir + ": no spec.json"));
    Map<String, Object> outputs = outputs(r, spec);
    String message = r.failure() != null ? r.failure() : String.join("; ", r.errors());
    results.complete(outputs, message.isEmpty() ? null : message);
    if (!r.errors().isEmpty()) {
      // as Argo's wait container: outputs it could not save fail the pod, saying why
      return new Outcome(1, message);
    }
    return new Outcome(0, null);
  }

  /** The earlier of the controller's stop request and the template's deadline. */
  private Optional<Instant> stopAt() {
    Optional<Instant> requested = ExecutionControl.deadline(settings.annotationsFile());
    if (env.deadline() == null) {
      return requested;
    }
    if (requested.isEmpty() || env.deadline().isBefore(requested.get())) {
      return Optional.of(env.deadline());
    }
    return requested;
  }

  /**
   * Why the step is lost, if it is: its wrapper stopped its heartbeat without recording an exit
   * code (the container was OOM-killed, or its image has no {@code /bin/sh}), or a KILL went
   * unanswered.
   */
  private Optional<String> lost(Path stepDir, Instant now, Instant killedAt) throws IOException {
    Optional<Instant> beat = PodStep.lastHeartbeat(stepDir);
    Instant silentSince = beat.orElse(killedAt);
    if (killedAt != null && beat.isPresent() && beat.get().isBefore(killedAt)) {
      silentSince = killedAt;
    }
    if (silentSince == null || now.isBefore(silentSince.plus(settings.lostAfter()))) {
      return Optional.empty();
    }
    if (PodStep.exited(stepDir)) {
      return Optional.empty();
    }
    return Optional.of(
        "the main container's wrapper stopped without recording the command's exit code (silent"
            + " since "
            + silentSince
            + "; was the container killed, for example out of memory?); its outputs were not"
            + " collected");
  }

  /** The outputs as Argo's task result holds them. */
  static Map<String, Object> outputs(StepResult r, StepSpec spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, String>> params = new ArrayList<>();
    for (StepSpec.OutputParameter p : spec.outputParameters()) {
      String v = r.outputParameters().get(p.name());
      if (v != null) {
        params.add(Map.of("name", p.name(), "value", v));
      }
    }
    if (!params.isEmpty()) {
      out.put("parameters", params);
    }
    // No artifact repository yet: an artifact is reported by name and path only, no location.
    List<Map<String, String>> artifacts = new ArrayList<>();
    for (StepSpec.OutputArtifact a : spec.outputArtifacts()) {
      if (r.outputArtifacts().containsKey(a.name())) {
        artifacts.add(Map.of("name", a.name(), "path", a.path()));
      }
    }
    if (!artifacts.isEmpty()) {
      out.put("artifacts", artifacts);
    }
    if (r.result() != null) {
      out.put("result", r.result());
    }
    if (r.exitCode() != null) {
      out.put("exitCode", Integer.toString(r.exitCode()));
    }
    return out;
  }

  /** Why the main container does not run under the wrapper, if it does not. */
  static Optional<String> unwrapped(Template t) {
    List<String> command =
        t.container() != null
            ? t.container().getCommand()
            : t.script() != null ? t.script().command() : List.of(PodLayout.EXECUTOR_BINARY);
    if (command == null || command.isEmpty()) {
      return Optional.of(
          "the main container has no command: argo4j does not look image entrypoints up yet, so it"
              + " runs without the wrapper");
    }
    return Optional.empty();
  }

  private boolean declaresOutputs(Template t) {
    if (env.includeScriptOutput()) {
      return true;
    }
    if (t.outputs() == null) {
      return false;
    }
    boolean params =
        t.outputs().parameters() != null
            && t.outputs().parameters().stream()
                .anyMatch(p -> p.valueFrom() != null && p.valueFrom().path() != null);
    boolean artifacts = t.outputs().artifacts() != null && !t.outputs().artifacts().isEmpty();
    return params || artifacts;
  }
}
