package io.argo4j.engine.internal;

import io.argo4j.model.Inputs;
import io.argo4j.model.MemoizationStatus;
import io.argo4j.model.NodeFlag;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeSynchronizationStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import io.argo4j.model.TemplateRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node being rewritten during one reconcile. Mutable on purpose: a fan-out appends thousands of
 * children, which immutable copies would make quadratic. Phase changes go through {@link
 * NodeTable#setPhase}, which enforces the phase table and keeps the table's counters right.
 */
final class Node {
  final String id;
  final String name;
  private final NodeStatus source;
  boolean dirty;

  String displayName;
  NodeType type;
  String templateName;
  TemplateRef templateRef;
  String templateScope;
  NodePhase phase;
  String boundaryId;
  String message;
  Instant startedAt;
  Instant finishedAt;
  Integer estimatedDuration;
  String progress;
  Map<String, Long> resourcesDuration;
  String podIp;
  Boolean daemoned;
  NodeFlag nodeFlag;
  Inputs inputs;
  Outputs outputs;
  List<String> children;
  List<String> outboundNodes;
  String hostNodeName;
  MemoizationStatus memoizationStatus;
  NodeSynchronizationStatus synchronizationStatus;
  Integer failedPodRestarts;
  String restartingPodUid;
  Boolean taskResultSynced;

  Node(String id, String name) {
    this.id = id;
    this.name = name;
    this.source = null;
    this.children = new ArrayList<>();
    this.dirty = true;
  }

  Node(NodeStatus s) {
    this.id = s.id();
    this.name = s.name();
    this.source = s;
    this.displayName = s.displayName();
    this.type = s.type();
    this.templateName = s.templateName();
    this.templateRef = s.templateRef();
    this.templateScope = s.templateScope();
    this.phase = s.phase();
    this.boundaryId = s.boundaryID();
    this.message = s.message();
    this.startedAt = s.startedAt();
    this.finishedAt = s.finishedAt();
    this.estimatedDuration = s.estimatedDuration();
    this.progress = s.progress();
    this.resourcesDuration = s.resourcesDuration();
    this.podIp = s.podIP();
    this.daemoned = s.daemoned();
    this.nodeFlag = s.nodeFlag();
    this.inputs = s.inputs();
    this.outputs = s.outputs();
    this.children = s.children() == null ? new ArrayList<>() : new ArrayList<>(s.children());
    this.outboundNodes = s.outboundNodes();
    this.hostNodeName = s.hostNodeName();
    this.memoizationStatus = s.memoizationStatus();
    this.synchronizationStatus = s.synchronizationStatus();
    this.failedPodRestarts = s.failedPodRestarts();
    this.restartingPodUid = s.restartingPodUID();
    this.taskResultSynced = s.taskResultSynced();
  }

  /** Membership index over {@link #children}, built once a node has many (fan-outs). */
  private java.util.Set<String> childIndex;

  /** Adds a child unless present; true if added. Constant time, even for 10k-child groups. */
  boolean addChildId(String id) {
    if (childIndex == null) {
      if (children.size() < 32) {
        if (children.contains(id)) {
          return false;
        }
        children.add(id);
        return true;
      }
      childIndex = new java.util.HashSet<>(children);
    }
    if (!childIndex.add(id)) {
      return false;
    }
    children.add(id);
    return true;
  }

  boolean isFulfilled() {
    if (phase == null) {
      return false;
    }
    if (phase.isFulfilled()) {
      // A completed pod node is fulfilled only once the executor's outputs are in.
      return !Boolean.FALSE.equals(taskResultSynced);
    }
    return isDaemoned() && phase != NodePhase.PENDING;
  }

  boolean isCompleted() {
    return phase != null && phase.isCompleted() && !Boolean.FALSE.equals(taskResultSynced);
  }

  boolean failedOrError() {
    return phase == NodePhase.FAILED || phase == NodePhase.ERROR;
  }

  boolean isDaemoned() {
    return Boolean.TRUE.equals(daemoned);
  }

  boolean isHooked() {
    return nodeFlag != null && Boolean.TRUE.equals(nodeFlag.hooked());
  }

  boolean isRetried() {
    return nodeFlag != null && Boolean.TRUE.equals(nodeFlag.retried());
  }

  boolean isActive() {
    return phase == NodePhase.PENDING || phase == NodePhase.RUNNING;
  }

  void touch() {
    dirty = true;
  }

  NodeStatus toStatus() {
    if (!dirty && source != null) {
      return source;
    }
    return NodeStatus.builder()
        .id(id)
        .name(name)
        .displayName(displayName)
        .type(type)
        .templateName(templateName)
        .templateRef(templateRef)
        .templateScope(templateScope)
        .phase(phase)
        .boundaryID(boundaryId)
        .message(message == null || message.isEmpty() ? null : message)
        .startedAt(startedAt)
        .finishedAt(finishedAt)
        .estimatedDuration(estimatedDuration)
        .progress(progress)
        .resourcesDuration(resourcesDuration)
        .podIP(podIp)
        .daemoned(daemoned)
        .nodeFlag(nodeFlag)
        .inputs(inputs)
        .outputs(outputs)
        .children(children.isEmpty() ? null : children)
        .outboundNodes(outboundNodes == null || outboundNodes.isEmpty() ? null : outboundNodes)
        .hostNodeName(hostNodeName)
        .memoizationStatus(memoizationStatus)
        .synchronizationStatus(synchronizationStatus)
        .failedPodRestarts(failedPodRestarts)
        .restartingPodUID(restartingPodUid)
        .taskResultSynced(taskResultSynced)
        .build();
  }

  @Override
  public String toString() {
    return name + "(" + type + "," + phase + ")";
  }
}
