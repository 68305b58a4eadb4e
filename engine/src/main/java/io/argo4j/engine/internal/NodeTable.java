package io.argo4j.engine.internal;

import io.argo4j.engine.NodeIds;
import io.argo4j.engine.NodePhaseTable;
import io.argo4j.engine.NodeTransition;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The workflow's node map while one reconcile rewrites it. Nodes are converted to mutable form only
 * when touched; unchanged nodes keep their original record, so persisting and diffing stay cheap on
 * big workflows. Per-boundary counters answer the parallelism and fail-fast questions in constant
 * time instead of scanning every node.
 */
final class NodeTable {
  private final String workflowName;
  private final Map<String, NodeStatus> original;
  private final Map<String, Node> working = new HashMap<>();
  private final List<NodeTransition> transitions = new ArrayList<>();
  private final Instant now;
  private Map<String, BoundaryCounts> boundaries;
  private int activePods;

  /** Live counts of one boundary's direct members. */
  static final class BoundaryCounts {
    int active;
    int activePods;
    int unsuccessful;
    final List<String> members = new ArrayList<>();
  }

  NodeTable(String workflowName, Map<String, NodeStatus> nodes, Instant now) {
    this.workflowName = workflowName;
    this.original = nodes == null ? Map.of() : nodes;
    this.now = now;
  }

  String workflowName() {
    return workflowName;
  }

  String idOf(String nodeName) {
    return NodeIds.nodeId(workflowName, nodeName);
  }

  Node get(String id) {
    Node n = working.get(id);
    if (n == null) {
      NodeStatus s = original.get(id);
      if (s == null) {
        return null;
      }
      n = new Node(s);
      working.put(id, n);
    }
    return n;
  }

  Node byName(String nodeName) {
    return get(idOf(nodeName));
  }

  boolean isEmpty() {
    return original.isEmpty() && working.isEmpty();
  }

  /** Visits every node (converting each to mutable form; use on sweeps, not hot paths). */
  void forEach(Consumer<Node> action) {
    for (String id : allIds()) {
      action.accept(get(id));
    }
  }

  Collection<String> allIds() {
    List<String> ids = new ArrayList<>(original.keySet());
    for (String id : working.keySet()) {
      if (!original.containsKey(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The phase of a node without converting it. */
  NodePhase phaseOf(String id) {
    Node n = working.get(id);
    if (n != null) {
      return n.phase;
    }
    NodeStatus s = original.get(id);
    return s == null ? null : s.phase();
  }

  /** Creates a node; the caller fills in the remaining fields. */
  Node create(String nodeName, NodeType type, NodePhase phase, String boundaryId, String message) {
    String id = idOf(nodeName);
    if (get(id) != null) {
      throw new IllegalStateException("node '" + nodeName + "' already exists");
    }
    NodePhaseTable.check(nodeName, null, phase);
    Node n = new Node(id, nodeName);
    n.type = type;
    n.phase = phase;
    n.boundaryId = boundaryId;
    n.message = message;
    n.startedAt = now;
    if (phase.isFulfilled()) {
      n.finishedAt = now;
    }
    Node boundary = boundaryId == null ? null : get(boundaryId);
    n.displayName = displayName(nodeName, boundary);
    working.put(id, n);
    if (boundaries != null) {
      counts(boundaryId).members.add(id);
      account(n, +1);
    } else if (countsPod(n)) {
      activePods++;
    }
    transitions.add(new NodeTransition(id, nodeName, n.displayName, type, null, phase, n.message));
    return n;
  }

  private static String displayName(String nodeName, Node boundary) {
    if (boundary == null || !nodeName.startsWith(boundary.name)) {
      return nodeName;
    }
    String d = nodeName.substring(boundary.name.length());
    // Strip the separator Argo puts after the boundary: "[N]." or ".".
    int i = 0;
    if (d.startsWith("[")) {
      int close = d.indexOf(']');
      if (close > 0 && d.substring(1, close).chars().allMatch(Character::isDigit)) {
        i = close + 1;
      }
    }
    if (d.startsWith(".", i)) {
      return d.substring(i + 1);
    }
    return d;
  }

  /**
   * Moves a node to a phase, with an optional message (null keeps the current one). Checks the
   * phase table, stamps finishedAt when the node is fulfilled, and records the transition.
   */
  void setPhase(Node n, NodePhase phase, String message) {
    NodePhase from = n.phase;
    if (from != phase) {
      NodePhaseTable.check(n.name, from, phase);
      if (boundaries != null) {
        account(n, -1);
      } else if (countsPod(n)) {
        activePods--;
      }
      n.phase = phase;
      if (boundaries != null) {
        account(n, +1);
      } else if (countsPod(n)) {
        activePods++;
      }
      if (phase == NodePhase.FAILED || phase == NodePhase.ERROR) {
        if (from != NodePhase.RUNNING && n.taskResultSynced != null) {
          // A node that never ran will not report outputs.
          n.taskResultSynced = true;
        }
      }
    }
    if (message != null) {
      n.message = message;
    }
    if (phase.isFulfilled() && n.finishedAt == null) {
      // never before it started, even if the clock stepped back
      n.finishedAt = n.startedAt != null && now.isBefore(n.startedAt) ? n.startedAt : now;
    }
    n.touch();
    if (from != phase) {
      transitions.add(
          new NodeTransition(n.id, n.name, n.displayName, n.type, from, phase, n.message));
    }
  }

  void addChild(Node parent, String childId) {
    if (parent.id.equals(childId)) {
      throw new IllegalStateException("node '" + parent.name + "' cannot be its own child");
    }
    if (parent.addChildId(childId)) {
      parent.touch();
    }
  }

  void addChild(String parentName, String childName) {
    Node parent = byName(parentName);
    if (parent == null) {
      throw new IllegalStateException("no node '" + parentName + "' to attach '" + childName + "'");
    }
    addChild(parent, idOf(childName));
  }

  List<NodeTransition> transitions() {
    return transitions;
  }

  /** Whether a node counts against workflow-level pod parallelism. */
  private static boolean countsPod(Node n) {
    return n.type == NodeType.POD
        && n.isActive()
        && (n.synchronizationStatus == null
            || n.synchronizationStatus.waiting() == null
            || n.synchronizationStatus.waiting().isEmpty());
  }

  /**
   * As Argo's getActiveChildren: only pods, steps and DAGs hold a parallelism slot (a task group or
   * retry node holding one would starve its own children).
   */
  private static boolean holdsParallelismSlot(NodeType type) {
    return type == NodeType.POD || type == NodeType.STEPS || type == NodeType.DAG;
  }

  private void account(Node n, int delta) {
    if (countsPod(n)) {
      activePods += delta;
    }
    if (n.boundaryId == null) {
      return;
    }
    BoundaryCounts c = counts(n.boundaryId);
    if (n.isActive() && holdsParallelismSlot(n.type)) {
      c.active += delta;
    }
    if (countsPod(n)) {
      c.activePods += delta;
    }
    if (n.phase == NodePhase.FAILED || n.phase == NodePhase.ERROR) {
      c.unsuccessful += delta;
    }
  }

  private BoundaryCounts counts(String boundaryId) {
    return index().computeIfAbsent(boundaryId, k -> new BoundaryCounts());
  }

  private Map<String, BoundaryCounts> index() {
    if (boundaries == null) {
      boundaries = new HashMap<>();
      activePods = 0;
      for (String id : allIds()) {
        Node n = working.get(id);
        String boundaryId;
        NodePhase phase;
        NodeType type;
        boolean waiting;
        if (n != null) {
          boundaryId = n.boundaryId;
          phase = n.phase;
          type = n.type;
          waiting = n.synchronizationStatus != null && n.synchronizationStatus.waiting() != null;
        } else {
          NodeStatus s = original.get(id);
          boundaryId = s.boundaryID();
          phase = s.phase();
          type = s.type();
          waiting =
              s.synchronizationStatus() != null && s.synchronizationStatus().waiting() != null;
        }
        boolean active = phase == NodePhase.PENDING || phase == NodePhase.RUNNING;
        boolean pod = type == NodeType.POD && active && !waiting;
        if (pod) {
          activePods++;
        }
        if (boundaryId == null) {
          continue;
        }
        BoundaryCounts c = boundaries.computeIfAbsent(boundaryId, k -> new BoundaryCounts());
        c.members.add(id);
        if (active && holdsParallelismSlot(type)) {
          c.active++;
        }
        if (pod) {
          c.activePods++;
        }
        if (phase == NodePhase.FAILED || phase == NodePhase.ERROR) {
          c.unsuccessful++;
        }
      }
    }
    return boundaries;
  }

  /** Pending or Running pods, steps and DAGs of the boundary. */
  int activeChildren(String boundaryId) {
    BoundaryCounts c = index().get(boundaryId);
    return c == null ? 0 : c.active;
  }

  int activePods(String boundaryId) {
    BoundaryCounts c = index().get(boundaryId);
    return c == null ? 0 : c.activePods;
  }

  int unsuccessfulChildren(String boundaryId) {
    BoundaryCounts c = index().get(boundaryId);
    return c == null ? 0 : c.unsuccessful;
  }

  /** Pending or Running pods of the whole workflow. */
  int activePods() {
    if (boundaries == null) {
      index();
    }
    return activePods;
  }

  /** IDs of the nodes whose boundary is the given node. */
  List<String> members(String boundaryId) {
    BoundaryCounts c = index().get(boundaryId);
    return c == null ? List.of() : c.members;
  }

  /** The node map to persist: unchanged nodes keep their records; sorted by ID, as Argo's JSON. */
  Map<String, NodeStatus> toStatusMap() {
    Map<String, NodeStatus> out = new TreeMap<>();
    for (Map.Entry<String, NodeStatus> e : original.entrySet()) {
      Node n = working.get(e.getKey());
      out.put(e.getKey(), n == null ? e.getValue() : n.toStatus());
    }
    for (Map.Entry<String, Node> e : working.entrySet()) {
      if (!original.containsKey(e.getKey())) {
        out.put(e.getKey(), e.getValue().toStatus());
      }
    }
    return out;
  }

  boolean changed() {
    for (Node n : working.values()) {
      if (n.dirty) {
        return true;
      }
    }
    return false;
  }
}
