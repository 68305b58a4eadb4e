package io.argo4j.engine.internal;

import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.PodObservation;
import io.argo4j.model.ContainerNode;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeType;
import io.argo4j.model.Template;
import java.util.List;

/**
 * A containerSet template runs several containers in one pod; each container is a Container node
 * {@code POD.container} under the pod node, attached after the containers it depends on.
 */
final class ContainerSets {
  private ContainerSets() {}

  static void initializeContainerNodes(
      TemplateExecutor executor,
      Node pod,
      Template tmpl,
      String templateScope,
      TemplateContext.Holder holder) {
    NodeTable nodes = executor.nodes();
    List<ContainerNode> containers = tmpl.containerSet().containers();
    if (containers == null) {
      return;
    }
    for (ContainerNode c : containers) {
      String name = pod.name + "." + c.name();
      if (nodes.byName(name) == null) {
        Node n =
            executor.initializeNode(
                name,
                NodeType.CONTAINER,
                templateScope,
                holder,
                pod.id,
                NodePhase.PENDING,
                null,
                null);
        // the pod's executor reports for all its containers at once
        n.taskResultSynced = null;
      }
    }
    for (ContainerNode c : containers) {
      String name = pod.name + "." + c.name();
      if (c.dependencies() == null || c.dependencies().isEmpty()) {
        nodes.addChild(pod.name, name);
      } else {
        for (String dep : c.dependencies()) {
          if (nodes.byName(pod.name + "." + dep) != null) {
            nodes.addChild(pod.name + "." + dep, name);
          }
        }
      }
    }
  }

  /** The containers nothing else in the set waits for: a successor attaches under them. */
  static List<String> leaves(NodeTable nodes, Node pod) {
    List<String> out = new java.util.ArrayList<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(pod.children);
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      Node n = nodes.get(todo.pop());
      if (n == null || n.type != NodeType.CONTAINER || !seen.add(n.id)) {
        continue;
      }
      boolean hasContainerChild = false;
      for (String c : n.children) {
        Node child = nodes.get(c);
        if (child != null && child.type == NodeType.CONTAINER) {
          hasContainerChild = true;
          todo.add(c);
        }
      }
      if (!hasContainerChild) {
        out.add(n.id);
      }
    }
    return out;
  }

  static boolean hasContainers(NodeTable nodes, Node pod) {
    for (String c : pod.children) {
      Node child = nodes.get(c);
      if (child != null && child.type == NodeType.CONTAINER) {
        return true;
      }
    }
    return false;
  }

  /** Moves the pod's container nodes forward from the observed container states. */
  static void observe(NodeTable nodes, Node pod, PodObservation obs) {
    for (ContainerObservation c : obs.containers()) {
      Node n = nodes.byName(pod.name + "." + c.name());
      if (n == null || n.type != NodeType.CONTAINER || n.phase.isFulfilled()) {
        continue;
      }
      switch (c.state()) {
        case RUNNING -> {
          if (n.phase == NodePhase.PENDING) {
            nodes.setPhase(n, NodePhase.RUNNING, null);
          }
        }
        case TERMINATED -> {
          if (n.phase == NodePhase.PENDING) {
            nodes.setPhase(n, NodePhase.RUNNING, null);
          }
          Integer exit = c.exitCode();
          if (exit != null && exit == 0) {
            nodes.setPhase(n, NodePhase.SUCCEEDED, null);
          } else {
            String reason = c.reason() == null || c.reason().isEmpty() ? "Error" : c.reason();
            nodes.setPhase(
                n, NodePhase.FAILED, reason + " (exit code " + (exit == null ? "?" : exit) + ")");
          }
        }
        case WAITING -> {}
      }
    }
  }

  /** Container nodes left unfinished when their pod ended take the pod's outcome. */
  static void finish(NodeTable nodes, Node pod) {
    if (pod.children == null || pod.children.isEmpty()) {
      return;
    }
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(pod.children);
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      Node n = nodes.get(todo.pop());
      if (n == null || n.type != NodeType.CONTAINER || !seen.add(n.id)) {
        continue;
      }
      todo.addAll(n.children);
      if (!n.phase.isFulfilled()) {
        nodes.setPhase(n, pod.phase, pod.phase == NodePhase.SUCCEEDED ? null : pod.message);
      }
    }
  }
}
