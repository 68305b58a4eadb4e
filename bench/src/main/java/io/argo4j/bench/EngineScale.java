package io.argo4j.bench;

import io.argo4j.engine.Action;
import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.Observations;
import io.argo4j.engine.Plan;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.engine.ReportedOutputs;
import io.argo4j.engine.Submission;
import io.argo4j.engine.TemplateCatalog;
import io.argo4j.engine.WorkflowEngine;
import io.argo4j.model.Outputs;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The engine alone on large workflows with instant steps: every pod the engine starts has succeeded
 * by the next reconcile. Prints CPU time per node event and in total, with ratios against the
 * smallest size measured in the same run, so that growth can be judged as near-linear or not.
 *
 * <p>Run: {@code bench/engine-scale.sh} (or {@code java -cp bench/target/benchmarks.jar
 * io.argo4j.bench.EngineScale}).
 */
public final class EngineScale {
  private EngineScale() {}

  record Result(String shape, int nodes, int reconciles, long events, double cpuMillis) {}

  public static void main(String[] args) throws Exception {
    int layers = 10;
    // warm up the JIT on a mid-sized workflow so the first measured size is not penalised
    run("warmup", dag(2_000, layers, 7));
    run("warmup", fanout(2_000));
    List<Result> results =
        List.of(
            run("dag", dag(1_000, layers, 1)),
            run("dag", dag(10_000, layers, 2)),
            run("dag", dag(50_000, layers, 3)),
            run("fan-out", fanout(1_000)),
            run("fan-out", fanout(10_000)));
    Result base = results.get(0);
    Result fanBase = results.get(3);
    System.out.println(
        "| shape | nodes | reconciles | node events | CPU total (ms) | CPU per event (µs) |"
            + " total vs smallest |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Result r : results) {
      Result b = r.shape().equals("dag") ? base : fanBase;
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %d | %,d | %,.0f | %.1f | %.1fx for %.0fx the nodes |%n",
          r.shape(),
          r.nodes(),
          r.reconciles(),
          r.events(),
          r.cpuMillis(),
          r.cpuMillis() * 1000.0 / r.events(),
          r.cpuMillis() / b.cpuMillis(),
          (double) r.nodes() / b.nodes());
    }
  }

  /** A layered DAG: each task depends on one or two random tasks of the previous layer. */
  static String dag(int tasks, int layers, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int width = tasks / layers;
    StringBuilder sb = new StringBuilder();
    sb.append(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: scale}
        spec:
          entrypoint: main
          templates:
          - name: ok
            container: {image: busybox, command: ["true"]}
          - name: main
            dag:
              tasks:
        """);
    for (int l = 0; l < layers; l++) {
      for (int w = 0; w < width; w++) {
        sb.append("      - name: t").append(l).append('-').append(w).append("\n");
        sb.append("        template: ok\n");
        if (l > 0) {
          int a = rnd.nextInt(width);
          int b = rnd.nextInt(width);
          sb.append("        depends: \"t")
              .append(l - 1)
              .append('-')
              .append(a)
              .append(a == b ? "" : " && t" + (l - 1) + "-" + b)
              .append("\"\n");
        }
      }
    }
    return sb.toString();
  }

  static String fanout(int items) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata: {name: scale}
    spec:
      entrypoint: main
      templates:
      - name: ok
        container: {image: busybox, command: ["true"]}
      - name: main
        dag:
          tasks:
          - name: fan
            template: ok
            withSequence: {count: "%d"}
    """
        .formatted(items);
  }

  static Result run(String shape, String yaml) throws Exception {
    Workflow manifest =
        ManifestReader.lenient().read(yaml, shape + ".yaml").requireOne(Workflow.class);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Workflow wf =
        new Submission("default", "x", "uid", now, Map.of(), null, Map.of()).apply(manifest);
    WorkflowEngine engine = WorkflowEngine.withDefaults();
    Map<String, PodObservation> pods = new HashMap<>();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long events = 0;
    int reconciles = 0;
    long start = cpu.getCurrentThreadCpuTime();
    while (true) {
      Plan plan = engine.reconcile(wf, new Observations(pods, TemplateCatalog.empty()), now);
      reconciles++;
      events += plan.transitions().size();
      wf = plan.workflow();
      if (plan.completed()) {
        break;
      }
      now = now.plusSeconds(1);
      for (Action a : plan.actions()) {
        if (a instanceof Action.StartPod s) {
          pods.put(
              s.nodeId(),
              new PodObservation(
                  s.podName(),
                  PodPhase.SUCCEEDED,
                  null,
                  null,
                  now,
                  now,
                  false,
                  List.of(ContainerObservation.terminated("main", 0, "Completed", now)),
                  ReportedOutputs.complete(new Outputs(null, null, null, "0")),
                  "local",
                  null));
        }
      }
      if (reconciles > 10_000) {
        throw new IllegalStateException("did not complete: " + wf.status().phase());
      }
    }
    double ms = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
    int nodes = wf.status().nodes().size();
    if (!wf.status().phase().value().equals("Succeeded")) {
      throw new IllegalStateException(shape + " ended " + wf.status().phase());
    }
    return new Result(shape, nodes, reconciles, events, ms);
  }
}
