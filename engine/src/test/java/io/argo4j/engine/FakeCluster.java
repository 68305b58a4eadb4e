package io.argo4j.engine;

import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A deterministic stand-in for a runtime: pods run on a virtual clock with scripted outcomes, and
 * the engine is reconciled until the workflow completes. Tests script outcomes per template.
 */
final class FakeCluster {

  /** What a pod does: how long it runs, how it exits and what it reports. */
  record Outcome(Duration runFor, int exitCode, String result, Map<String, String> parameters) {
    static Outcome ok() {
      return new Outcome(Duration.ofSeconds(1), 0, null, Map.of());
    }

    static Outcome exit(int code) {
      return new Outcome(Duration.ofSeconds(1), code, null, Map.of());
    }

    static Outcome result(String result) {
      return new Outcome(Duration.ofSeconds(1), 0, result, Map.of());
    }

    Outcome after(Duration d) {
      return new Outcome(d, exitCode, result, parameters);
    }

    Outcome withParameter(String name, String value) {
      Map<String, String> p = new LinkedHashMap<>(parameters);
      p.put(name, value);
      return new Outcome(runFor, exitCode, result, p);
    }
  }

  /** A pod the fake cluster runs. */
  static final class Pod {
    final Action.StartPod start;
    final Instant startedAt;
    final Outcome outcome;
    Instant stoppedAt;
    boolean deleted;

    Pod(Action.StartPod start, Instant startedAt, Outcome outcome) {
      this.start = start;
      this.startedAt = startedAt;
      this.outcome = outcome;
    }
  }

  final WorkflowEngine engine;
  Instant now = Instant.parse("2026-01-01T00:00:00Z");
  Workflow workflow;
  final Map<String, Pod> pods = new LinkedHashMap<>();
  final List<Action> applied = new ArrayList<>();
  final List<String> startedPods = new ArrayList<>();
  Function<Action.StartPod, Outcome> script = s -> Outcome.ok();
  TemplateCatalog catalog = TemplateCatalog.empty();
  int reconciles;

  /** Templates whose executor never reports outputs. */
  final java.util.Set<String> silentTemplates = new java.util.HashSet<>();

  /** Most pods running at once so far. */
  int maxRunning;

  /**
   * The lock table, shared with other workflows by tests that run several (no semaphore limits).
   */
  io.argo4j.engine.locks.LockTable locks =
      new io.argo4j.engine.locks.LockTable(io.argo4j.engine.locks.LimitSource::missingConfigMap);

  /** Workflows the lock table granted something on the last step. */
  java.util.Set<String> lastGranted = java.util.Set.of();

  FakeCluster withLocks(io.argo4j.engine.locks.LockTable table) {
    this.locks = table;
    return this;
  }

  String lockKey() {
    return io.argo4j.engine.locks.HeldLocks.workflowKey(workflow);
  }

  FakeCluster(String yaml) {
    this(yaml, EngineConfig.defaults());
  }

  FakeCluster(String yaml, EngineConfig config) {
    this.engine = new WorkflowEngine(config);
    try {
      Workflow manifest =
          ManifestReader.strict().read(yaml, "test.yaml").requireOne(Workflow.class);
      this.workflow =
          new Submission("default", "abcde", "uid-1", now, Map.of(), null, Map.of())
              .apply(manifest);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Scripts outcomes by template name; templates not listed succeed after one second. */
  FakeCluster outcomes(Map<String, Outcome> byTemplate) {
    Map<String, Outcome> copy = new HashMap<>(byTemplate);
    this.script = s -> copy.getOrDefault(s.template().name(), Outcome.ok());
    return this;
  }

  FakeCluster script(Function<Action.StartPod, Outcome> script) {
    this.script = script;
    return this;
  }

  /** One reconcile with what the cluster shows now; applies the plan's actions. */
  Plan step() {
    reconciles++;
    Observations obs = observations();
    if (locks != null) {
      obs = obs.withLocks(locks.view(lockKey()));
    }
    Plan plan = engine.reconcile(workflow, obs, now);
    workflow = plan.workflow();
    if (locks != null) {
      lastGranted = locks.update(lockKey(), plan.lockClaims());
    }
    for (Action a : plan.actions()) {
      applied.add(a);
      switch (a) {
        case Action.StartPod s -> {
          if (!pods.containsKey(s.nodeId())) {
            pods.put(s.nodeId(), new Pod(s, now, script.apply(s)));
            startedPods.add(s.podName());
          }
        }
        case Action.StopPod s -> {
          Pod p = pods.get(s.nodeId());
          if (p != null && p.stoppedAt == null && !finished(p)) {
            p.stoppedAt = now;
          }
        }
        case Action.DeletePod d -> {
          Pod p = pods.get(d.nodeId());
          if (p != null) {
            p.deleted = true;
          }
        }
      }
    }
    return plan;
  }

  private boolean finished(Pod p) {
    return !now.isBefore(p.startedAt.plus(p.outcome.runFor()));
  }

  Observations observations() {
    Map<String, PodObservation> obs = new LinkedHashMap<>();
    int running = 0;
    for (Pod p : pods.values()) {
      if (!p.deleted && p.stoppedAt == null && !finished(p)) {
        running++;
      }
    }
    maxRunning = Math.max(maxRunning, running);
    for (Map.Entry<String, Pod> e : pods.entrySet()) {
      Pod p = e.getValue();
      if (p.deleted) {
        continue;
      }
      obs.put(e.getKey(), observe(p));
    }
    return new Observations(obs, catalog);
  }

  /** Observations to show instead of the scripted ones, by node name. */
  final Map<String, PodObservation> forced = new HashMap<>();

  private PodObservation observe(Pod p) {
    String name = p.start.podName();
    if (forced.containsKey(p.start.nodeName())) {
      return forced.get(p.start.nodeName());
    }
    if (p.stoppedAt != null) {
      return new PodObservation(
          name,
          PodPhase.FAILED,
          null,
          null,
          p.startedAt,
          p.stoppedAt,
          false,
          List.of(ContainerObservation.terminated("main", 143, "Error", p.stoppedAt)),
          ReportedOutputs.complete(new Outputs(null, null, null, "143")),
          "host",
          "10.0.0.1");
    }
    if (!finished(p)) {
      return new PodObservation(
          name,
          PodPhase.RUNNING,
          null,
          null,
          p.startedAt,
          null,
          false,
          List.of(ContainerObservation.running("main")),
          null,
          "host",
          "10.0.0.1");
    }
    Outcome o = p.outcome;
    Instant end = p.startedAt.plus(o.runFor());
    List<Parameter> params = new ArrayList<>();
    Template t = p.start.template();
    if (t.outputs() != null && t.outputs().parameters() != null) {
      for (Parameter decl : t.outputs().parameters()) {
        String v = o.parameters().get(decl.name());
        if (v == null && decl.valueFrom() != null) {
          v = decl.valueFrom().defaultValue();
        }
        if (v != null) {
          params.add(Parameter.builder().name(decl.name()).value(v).build());
        }
      }
    }
    String result = p.start.captureResult() ? (o.result() == null ? "" : o.result()) : null;
    Outputs out =
        new Outputs(params.isEmpty() ? null : params, null, result, Integer.toString(o.exitCode()));
    return new PodObservation(
        name,
        o.exitCode() == 0 ? PodPhase.SUCCEEDED : PodPhase.FAILED,
        null,
        null,
        p.startedAt,
        end,
        false,
        List.of(
            ContainerObservation.terminated(
                "main", o.exitCode(), o.exitCode() == 0 ? "Completed" : "Error", end)),
        silentTemplates.contains(t.name()) ? null : ReportedOutputs.complete(out),
        "host",
        "10.0.0.1");
  }

  /** Reconciles, advancing the clock to the next event, until the workflow completes. */
  Workflow run() {
    return runUntil(w -> false);
  }

  Workflow runUntil(java.util.function.Predicate<Workflow> stop) {
    Instant suspendedSince = null;
    for (int i = 0; i < 10_000; i++) {
      Plan plan = step();
      if (plan.completed() || stop.test(workflow)) {
        return workflow;
      }
      if (idle() && suspended()) {
        suspendedSince = suspendedSince == null ? now : suspendedSince;
        if (Duration.between(suspendedSince, now).toHours() >= 1) {
          return workflow; // waits for a person to resume it
        }
      } else {
        suspendedSince = null;
      }
      if (plan.requeueAt().isEmpty()
          && idle()
          && !plan.changed()
          && !lastGranted.contains(lockKey())) {
        if (suspended()) {
          return workflow;
        }
        throw new AssertionError("workflow is stuck: nothing runs and nothing is due\n" + tree());
      }
      advance(plan);
    }
    throw new AssertionError("workflow did not complete in 10000 reconciles\n" + tree());
  }

  private boolean idle() {
    return pods.values().stream().allMatch(p -> p.deleted || p.stoppedAt != null || finished(p));
  }

  /** Whether the workflow waits for a person: a suspend node without duration is running. */
  boolean suspended() {
    return workflow.status() != null
        && workflow.status().nodes() != null
        && workflow.status().nodes().values().stream()
            .anyMatch(n ->
                n.type() == io.argo4j.model.NodeType.SUSPEND
                    && n.phase() == io.argo4j.model.NodePhase.RUNNING);
  }

  /** The nodes, one per line: name, type, phase, message. */
  String tree() {
    StringBuilder sb = new StringBuilder();
    if (workflow.status() != null && workflow.status().nodes() != null) {
      workflow.status().nodes().values().stream()
          .sorted(java.util.Comparator.comparing(io.argo4j.model.NodeStatus::name))
          .forEach(n ->
              sb.append("  ")
                  .append(n.name())
                  .append(' ')
                  .append(n.type().value())
                  .append(' ')
                  .append(n.phase().value())
                  .append(n.message() == null ? "" : " " + n.message())
                  .append('\n'));
    }
    return sb.toString();
  }

  /** Moves the clock to the next pod completion or requeue time (at least one second on). */
  void advance(Plan plan) {
    Instant next = null;
    for (Pod p : pods.values()) {
      Instant end = p.startedAt.plus(p.outcome.runFor());
      if (p.stoppedAt == null && !p.deleted && end.isAfter(now)) {
        next = next == null || end.isBefore(next) ? end : next;
      }
    }
    if (plan.requeueAt().isPresent() && (next == null || plan.requeueAt().get().isBefore(next))) {
      next = plan.requeueAt().get();
    }
    if (next == null || !next.isAfter(now)) {
      next = now.plusSeconds(1);
    }
    boolean anyRunning =
        pods.values().stream().anyMatch(p -> !p.deleted && p.stoppedAt == null && !finished(p));
    if (anyRunning && next.isAfter(now.plusSeconds(1))) {
      // look at running pods every second, as a runtime's events would
      next = now.plusSeconds(1);
    }
    now = next;
  }

  /** The user sets {@code spec.shutdown} (argo stop / argo terminate). */
  void shutdown(String strategy) {
    workflow = workflow.withSpec(workflow.spec().toBuilder().shutdown(strategy).build());
  }

  /** The pod of a node vanishes (deleted, its machine gone). */
  void deletePodOf(String nodeName) {
    Pod p =
        pods.values().stream()
            .filter(x -> x.start.nodeName().equals(nodeName))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no pod for " + nodeName));
    p.deleted = true;
  }

  boolean hasNode(String name) {
    return workflow.status() != null
        && workflow.status().nodes() != null
        && workflow.status().nodes().values().stream().anyMatch(n -> n.name().equals(name));
  }

  io.argo4j.model.NodeStatus node(String name) {
    return workflow.status().nodes().values().stream()
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + name + " in " + nodeNames()));
  }

  List<String> nodeNames() {
    return workflow.status().nodes().values().stream().map(n -> n.name()).sorted().toList();
  }

  String phase() {
    return workflow.status().phase().value();
  }
}
