package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.locks.LockName;
import io.argo4j.testkit.sim.WorkloadFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Random workflows in the shape users write them: DAGs and steps (sometimes nested) over a small
 * library of leaf templates (plain, flaky, producing a parameter or a result, consuming one, slow),
 * with loops, retries with policies, template and workflow deadlines, exit handlers, task exit
 * hooks, continueOn and parallelism.
 */
public final class WorkloadGenerator {
  private static final String[] POLICIES = {"Always", "OnError", "OnFailure", "OnTransientError"};

  private final RandomGenerator rng;
  private final boolean parallelism;
  private final boolean backoff;
  private final boolean taskHooks;
  private final boolean locks;

  /** The ConfigMap and key the simulated semaphore takes its limit from, and the limit. */
  public static final String SEMAPHORE_CONFIG_MAP = "sim-limits";

  public static final String SEMAPHORE_KEY = "slots";
  public static final String WORKFLOW_SEMAPHORE_KEY = "workflows";
  public static final int SEMAPHORE_LIMIT = 2;

  /** The limit the simulated cluster's ConfigMap gives a semaphore; 0 for any other key. */
  static int semaphoreLimit(LockName lock) {
    boolean ours =
        lock.resourceName().equals(SEMAPHORE_CONFIG_MAP)
            && (lock.key().equals(SEMAPHORE_KEY) || lock.key().equals(WORKFLOW_SEMAPHORE_KEY));
    return ours ? SEMAPHORE_LIMIT : 0;
  }

  public WorkloadGenerator(RandomGenerator rng, Set<WorkloadFeature> features) {
    this.rng = rng;
    this.parallelism = features.contains(WorkloadFeature.PARALLELISM);
    this.backoff = features.contains(WorkloadFeature.RETRY_BACKOFF);
    this.taskHooks = features.contains(WorkloadFeature.TASK_EXIT_HOOKS);
    this.locks = features.contains(WorkloadFeature.LOCKS);
  }

  public Workload generate(String name) {
    StringBuilder y = new StringBuilder();
    Map<String, TemplateBehaviour> behaviours = new LinkedHashMap<>();
    y.append("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: ")
        .append(name)
        .append("\nspec:\n  entrypoint: main\n");
    boolean exitHandler = chance(0.5);
    if (exitHandler) {
      y.append("  onExit: exit-handler\n");
    }
    if (chance(0.2)) {
      y.append("  activeDeadlineSeconds: ").append(300 + rng.nextInt(3_000)).append('\n');
    }
    if (chance(0.25) && parallelism) {
      y.append("  parallelism: ").append(1 + rng.nextInt(3)).append('\n');
    }
    if (locks && chance(0.3)) {
      synchronization(y, "  ", "sim-workflows", WORKFLOW_SEMAPHORE_KEY);
    }
    y.append("  templates:\n");
    boolean nested = chance(0.25);
    if (nested) {
      y.append("  - name: main\n    steps:\n    - - name: first\n        template: ")
          .append(leafName())
          .append("\n    - - name: inner\n        template: inner\n");
      body(y, "inner");
    } else {
      body(y, "main");
    }
    leaves(y, behaviours);
    if (exitHandler) {
      y.append("  - name: exit-handler\n");
      if (chance(0.3)) {
        y.append("    steps:\n    - - name: notify\n        template: ok\n");
      } else {
        y.append("    container: {image: busybox, command: [echo, \"{{workflow.status}}\"]}\n");
      }
    }
    return new Workload(y.toString(), behaviours, false);
  }

  /** A workflow the engine must reject: its entrypoint names no template. */
  public Workload invalid(String name) {
    return new Workload(
        "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: "
            + name
            + "\nspec:\n  entrypoint: missing\n  templates:\n  - name: main\n"
            + "    container: {image: busybox}\n",
        Map.of(),
        true);
  }

  private void body(StringBuilder y, String templateName) {
    if (chance(0.5)) {
      dag(y, templateName);
    } else {
      steps(y, templateName);
    }
  }

  private void dag(StringBuilder y, String templateName) {
    y.append("  - name: ").append(templateName).append('\n');
    if (chance(0.15) && parallelism) {
      y.append("    parallelism: ").append(1 + rng.nextInt(2)).append('\n');
    }
    y.append("    dag:\n      tasks:\n");
    int n = 2 + rng.nextInt(5);
    List<String> producers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String task = "t" + i;
      List<String> deps = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        if (chance(0.35)) {
          deps.add("t" + j);
        }
      }
      String consumesFrom = null;
      for (String p : producers) {
        if (deps.contains(p) && chance(0.7)) {
          consumesFrom = p;
        }
      }
      String leaf = consumesFrom != null ? "consume" : leafName();
      boolean looped = false;
      y.append("      - name: ")
          .append(task)
          .append("\n        template: ")
          .append(leaf)
          .append('\n');
      if (!deps.isEmpty()) {
        if (chance(0.3) && consumesFrom == null) {
          y.append("        depends: \"")
              .append(deps.get(0))
              .append(chance(0.5) ? ".Succeeded" : ".Failed || " + deps.get(0) + ".Succeeded")
              .append("\"\n");
        } else {
          y.append("        dependencies: [").append(String.join(", ", deps)).append("]\n");
        }
      }
      if (consumesFrom != null) {
        y.append("        arguments:\n          parameters: [{name: in, value: \"{{tasks.")
            .append(consumesFrom)
            .append(".outputs.parameters.out}}\"}]\n");
      } else if (chance(0.15)) {
        looped = true;
        y.append("        withItems: [a, b").append(chance(0.5) ? ", c" : "").append("]\n");
      }
      if (leaf.equals("flaky") && chance(0.4)) {
        y.append("        continueOn: {failed: true}\n");
      }
      if (chance(0.1) && taskHooks) {
        y.append("        hooks:\n          exit: {template: ok}\n");
      }
      if (leaf.equals("param") && !looped) {
        producers.add(task);
      }
    }
  }

  private void steps(StringBuilder y, String templateName) {
    y.append("  - name: ").append(templateName).append('\n');
    if (chance(0.15) && parallelism) {
      y.append("    parallelism: ").append(1 + rng.nextInt(2)).append('\n');
    }
    y.append("    steps:\n");
    int groups = 1 + rng.nextInt(3);
    List<String> producers = new ArrayList<>();
    int counter = 0;
    for (int g = 0; g < groups; g++) {
      int width = 1 + rng.nextInt(3);
      List<String> produced = new ArrayList<>();
      for (int w = 0; w < width; w++) {
        String step = "s" + counter++;
        String from =
            !producers.isEmpty() && chance(0.5)
                ? producers.get(rng.nextInt(producers.size()))
                : null;
        String leaf = from != null ? "consume" : leafName();
        y.append(w == 0 ? "    - - name: " : "      - name: ").append(step).append('\n');
        y.append("        template: ").append(leaf).append('\n');
        if (from != null) {
          y.append("        arguments:\n          parameters: [{name: in, value: \"{{steps.")
              .append(from)
              .append(".outputs.parameters.out}}\"}]\n");
        } else if (chance(0.15)) {
          y.append("        withItems: [1, 2]\n");
        } else if (leaf.equals("param")) {
          produced.add(step);
        }
        if (leaf.equals("flaky") && chance(0.4)) {
          y.append("        continueOn: {failed: true}\n");
        }
      }
      producers.addAll(produced);
    }
  }

  private String leafName() {
    int r = rng.nextInt(100);
    if (r < 30) {
      return "ok";
    } else if (r < 50) {
      return "flaky";
    } else if (r < 70) {
      return "param";
    } else if (r < 85) {
      return "produce";
    } else {
      return "slow";
    }
  }

  private void leaves(StringBuilder y, Map<String, TemplateBehaviour> behaviours) {
    leaf(y, "ok", "    container: {image: busybox, command: [sh, -c, \"true\"]}\n");
    behaviours.put("flaky", new TemplateBehaviour(0.3 + rng.nextDouble() * 0.4, 1_000, 90_000));
    leaf(
        y,
        "flaky",
        "    container: {image: busybox, command: [sh, -c, \"exit $((RANDOM % 2))\"]}\n");
    leaf(
        y,
        "param",
        "    container: {image: busybox, command: [sh, -c, \"echo x > /tmp/out\"]}\n"
            + "    outputs:\n      parameters:\n      - name: out\n        valueFrom: {path: /tmp/out}\n");
    leaf(
        y,
        "produce",
        "    script:\n      image: python:alpine\n      command: [python]\n      source: print(42)\n");
    leaf(
        y,
        "consume",
        "    inputs:\n      parameters: [{name: in}]\n"
            + "    container: {image: busybox, command: [echo, \"{{inputs.parameters.in}}\"]}\n");
    behaviours.put("slow", new TemplateBehaviour(0, 5 * 60_000, 40 * 60_000));
    leaf(y, "slow", "    container: {image: busybox, command: [sleep, \"1800\"]}\n");
  }

  private void leaf(StringBuilder y, String name, String body) {
    y.append("  - name: ").append(name).append('\n');
    if (chance(0.3)) {
      y.append("    retryStrategy:\n      limit: ").append(1 + rng.nextInt(3)).append('\n');
      y.append("      retryPolicy: ").append(POLICIES[rng.nextInt(POLICIES.length)]).append('\n');
      if (chance(0.3) && backoff) {
        y.append("      backoff: {duration: \"5s\", factor: 2}\n");
      }
    }
    if (locks && chance(0.2)) {
      synchronization(y, "    ", "sim-" + name, SEMAPHORE_KEY);
    }
    if (name.equals("slow") ? chance(0.6) : chance(0.1)) {
      y.append("    activeDeadlineSeconds: ").append(30 + rng.nextInt(600)).append('\n');
    }
    y.append(body);
  }

  /**
   * A mutex shared by every workflow using it, or a shared semaphore. Workflow-level and
   * template-level locks never share a name: a workflow holding a permit while its nodes wait for
   * another of the same semaphore deadlocks (in Argo too), which is the user's design, not a fault.
   */
  private void synchronization(StringBuilder y, String indent, String mutex, String key) {
    y.append(indent).append("synchronization:\n");
    if (chance(0.5)) {
      y.append(indent).append("  mutexes: [{name: ").append(mutex).append("}]\n");
    } else {
      y.append(indent)
          .append("  semaphores: [{configMapKeyRef: {name: ")
          .append(SEMAPHORE_CONFIG_MAP)
          .append(", key: ")
          .append(key)
          .append("}}]\n");
    }
  }

  private boolean chance(double p) {
    return rng.nextDouble() < p;
  }
}
