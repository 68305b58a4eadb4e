package io.argo4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * A seeded random DAG of {@code layers × width} tasks: every task of a layer after the first
 * depends on one to three tasks of earlier layers, at least one of them in the layer just before,
 * so the DAG has {@code layers} levels. Written as an Argo Workflow and as a Makefile, so that
 * {@code argo4j run} and {@code make} run the same graph.
 *
 * @param tasks the tasks in topological order
 */
record RandomDag(List<Task> tasks) {

  /** One task and the names of the tasks it depends on. */
  record Task(String name, List<String> dependencies) {}

  static RandomDag generate(int layers, int width, long seed) {
    Random random = new Random(seed);
    List<Task> tasks = new ArrayList<>();
    for (int layer = 0; layer < layers; layer++) {
      for (int i = 0; i < width; i++) {
        TreeSet<String> deps = new TreeSet<>();
        if (layer > 0) {
          deps.add(name(layer - 1, random.nextInt(width)));
          int more = random.nextInt(3);
          for (int k = 0; k < more; k++) {
            deps.add(name(random.nextInt(layer), random.nextInt(width)));
          }
        }
        tasks.add(new Task(name(layer, i), List.copyOf(deps)));
      }
    }
    return new RandomDag(List.copyOf(tasks));
  }

  private static String name(int layer, int index) {
    return "t" + layer + "-" + index;
  }

  /** A Workflow whose DAG runs {@code true} (image busybox) for every task. */
  String workflowYaml(String name) {
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: ")
        .append(name)
        .append("\nspec:\n  entrypoint: main\n  templates:\n")
        .append(
            "  - name: nothing\n    container:\n      image: busybox\n      command: [\"true\"]\n")
        .append("  - name: main\n    dag:\n      tasks:\n");
    for (Task t : tasks) {
      y.append("      - name: ").append(t.name()).append("\n        template: nothing\n");
      if (!t.dependencies().isEmpty()) {
        y.append("        dependencies: [")
            .append(String.join(", ", t.dependencies()))
            .append("]\n");
      }
    }
    return y.toString();
  }

  /** A Makefile with one phony target per task, running {@code true}, and {@code all}. */
  String makefile() {
    StringBuilder m = new StringBuilder(".PHONY: all");
    tasks.forEach(t -> m.append(' ').append(t.name()));
    m.append("\nall:");
    tasks.forEach(t -> m.append(' ').append(t.name()));
    m.append('\n');
    for (Task t : tasks) {
      m.append(t.name()).append(':');
      t.dependencies().forEach(d -> m.append(' ').append(d));
      m.append("\n\ttrue\n");
    }
    return m.toString();
  }
}
