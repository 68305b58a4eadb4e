package io.argo4j.cli.render;

import io.argo4j.engine.NodeIds;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node tree of {@code argo get}: DAG and Steps nodes contain the nodes of their boundary, step
 * groups and retries their children; step groups, single-attempt retries and omitted nodes are not
 * shown themselves. Children are ordered by start time, then loop index, then name. The exit
 * handler's tree follows the main one after an empty row.
 */
public final class WorkflowTree {

  /** One row: the tree drawing before the node, and the node; a null node is the separator. */
  public record Row(String prefix, NodeStatus node) {}

  private static final Pattern LOOP_INDEX = Pattern.compile("\\((\\d+)(:.*)?\\)$");

  private final Map<String, NodeStatus> nodes;
  private final Map<String, List<String>> children = new HashMap<>();
  private final Predicate<NodeStatus> shown;
  private final boolean utf8;
  private final List<Row> rows = new ArrayList<>();

  private WorkflowTree(Map<String, NodeStatus> nodes, Predicate<NodeStatus> shown, boolean utf8) {
    this.nodes = nodes;
    this.shown = shown;
    this.utf8 = utf8;
  }

  /** The rows of {@code workflow}'s tree; empty when it has no root node yet. */
  public static List<Row> rows(Workflow workflow, Predicate<NodeStatus> shown, boolean utf8) {
    if (workflow.status() == null || workflow.status().nodes() == null) {
      return List.of();
    }
    String name = workflow.metadata().getName();
    WorkflowTree tree = new WorkflowTree(workflow.status().nodes(), shown, utf8);
    if (!tree.nodes.containsKey(name)) {
      return List.of();
    }
    tree.link();
    tree.render(name, " ", " ");
    String onExit = NodeIds.nodeId(name, name + ".onExit");
    if (tree.nodes.containsKey(onExit)) {
      tree.rows.add(new Row("", null));
      tree.render(onExit, " ", " ");
    }
    return tree.rows;
  }

  private static boolean isBoundary(NodeType t) {
    return t == NodeType.DAG || t == NodeType.STEPS;
  }

  private static boolean isGroup(NodeType t) {
    return t == NodeType.STEP_GROUP || t == NodeType.RETRY;
  }

  private static boolean isExecution(NodeType t) {
    return t == NodeType.POD
        || t == NodeType.SKIPPED
        || t == NodeType.SUSPEND
        || t == NodeType.HTTP
        || t == NodeType.PLUGIN;
  }

  /** Attaches each shown node to its group parent, else to its boundary. */
  private void link() {
    Map<String, String> groupParent = new HashMap<>();
    nodes.forEach((id, n) -> {
      if (isGroup(n.type()) && n.children() != null) {
        n.children().forEach(c -> groupParent.put(c, id));
      }
    });
    nodes.forEach((id, n) -> {
      if (n.type() == null
          || !(isBoundary(n.type()) || isGroup(n.type()) || isExecution(n.type()))) {
        return;
      }
      String parent = groupParent.get(id);
      if (parent == null && n.boundaryID() != null && !n.boundaryID().isEmpty()) {
        NodeStatus boundary = nodes.get(n.boundaryID());
        if (boundary != null && isBoundary(boundary.type())) {
          parent = n.boundaryID();
        }
      }
      if (parent != null) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
      }
    });
  }

  private void render(String id, String nodePrefix, String childPrefix) {
    NodeStatus node = nodes.get(id);
    boolean filtered = filtered(node);
    boolean childIndent = node.type() == NodeType.STEP_GROUP;
    if (!filtered) {
      rows.add(new Row(nodePrefix, node));
    }
    List<String> kids = sortedChildren(id);
    int max = kids.size() - 1;
    for (int i = 0; i < kids.size(); i++) {
      String part;
      String sub;
      if (filtered && childIndent) {
        if (max == 0) {
          part = utf8 ? "──" : "--";
          sub = "  ";
        } else if (i == 0) {
          part = utf8 ? "┬─" : "+-";
          sub = utf8 ? "│ " : "| ";
        } else if (i == max) {
          part = utf8 ? "└─" : "`-";
          sub = "  ";
        } else {
          part = utf8 ? "├─" : "|-";
          sub = utf8 ? "│ " : "| ";
        }
      } else if (!filtered) {
        part = i == max ? (utf8 ? "└─" : "`-") : (utf8 ? "├─" : "|-");
        sub = i == max ? "  " : (utf8 ? "│ " : "| ");
      } else {
        part = "";
        sub = "";
      }
      String childNodePrefix;
      if (!filtered) {
        childNodePrefix = childPrefix + part;
      } else {
        childNodePrefix = (i == 0 ? nodePrefix : childPrefix) + part;
      }
      render(kids.get(i), childNodePrefix, childPrefix + sub);
    }
  }

  private List<String> sortedChildren(String id) {
    List<String> kids = new ArrayList<>(children.getOrDefault(id, List.of()));
    kids.sort((a, b) -> {
      NodeStatus x = nodes.get(a);
      NodeStatus y = nodes.get(b);
      int byTime =
          Comparator.nullsLast(Comparator.<Instant>naturalOrder())
              .compare(x.startedAt(), y.startedAt());
      if (byTime != 0) {
        return byTime;
      }
      long ix = loopIndex(x.displayName());
      long iy = loopIndex(y.displayName());
      if (ix >= 0 && iy >= 0) {
        return Long.compare(ix, iy);
      }
      return String.valueOf(x.displayName()).compareTo(String.valueOf(y.displayName()));
    });
    return kids;
  }

  private boolean filtered(NodeStatus node) {
    if (node.type() == NodeType.RETRY && node.children() != null && node.children().size() == 1) {
      return true;
    }
    if (node.type() == NodeType.STEP_GROUP) {
      return true;
    }
    if (node.type() == NodeType.SKIPPED && node.phase() == NodePhase.OMITTED) {
      return true;
    }
    return !shown.test(node);
  }

  /** The loop index in a node name such as {@code process(3:c)}, or -1. */
  public static long loopIndex(String displayName) {
    if (displayName == null) {
      return -1;
    }
    Matcher m = LOOP_INDEX.matcher(displayName);
    if (!m.find()) {
      return -1;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
