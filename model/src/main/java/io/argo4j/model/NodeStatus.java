package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One node of a running workflow (a pod, a step group, a DAG, a retry, ...), keyed by id in {@link
 * WorkflowStatus#nodes()}.
 */
public record NodeStatus(
    String id,
    String name,
    String displayName,
    NodeType type,
    String templateName,
    TemplateRef templateRef,
    String templateScope,
    NodePhase phase,
    String boundaryID,
    String message,
    Instant startedAt,
    Instant finishedAt,
    Integer estimatedDuration,
    String progress,
    Map<String, Long> resourcesDuration,
    String podIP,
    Boolean daemoned,
    NodeFlag nodeFlag,
    Inputs inputs,
    Outputs outputs,
    List<String> children,
    List<String> outboundNodes,
    String hostNodeName,
    MemoizationStatus memoizationStatus,
    NodeSynchronizationStatus synchronizationStatus,
    Integer failedPodRestarts,
    String restartingPodUID,
    Boolean taskResultSynced) {

  /** Copies collections so that the record stays immutable. */
  public NodeStatus {
    resourcesDuration = Immutables.map(resourcesDuration);
    children = Immutables.list(children);
    outboundNodes = Immutables.list(outboundNodes);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link NodeStatus} values; unset components stay null. */
  public static final class Builder {
    private String id;
    private String name;
    private String displayName;
    private NodeType type;
    private String templateName;
    private TemplateRef templateRef;
    private String templateScope;
    private NodePhase phase;
    private String boundaryID;
    private String message;
    private Instant startedAt;
    private Instant finishedAt;
    private Integer estimatedDuration;
    private String progress;
    private Map<String, Long> resourcesDuration;
    private String podIP;
    private Boolean daemoned;
    private NodeFlag nodeFlag;
    private Inputs inputs;
    private Outputs outputs;
    private List<String> children;
    private List<String> outboundNodes;
    private String hostNodeName;
    private MemoizationStatus memoizationStatus;
    private NodeSynchronizationStatus synchronizationStatus;
    private Integer failedPodRestarts;
    private String restartingPodUID;
    private Boolean taskResultSynced;

    private Builder() {}

    private Builder(NodeStatus source) {
      this.id = source.id;
      this.name = source.name;
      this.displayName = source.displayName;
      this.type = source.type;
      this.templateName = source.templateName;
      this.templateRef = source.templateRef;
      this.templateScope = source.templateScope;
      this.phase = source.phase;
      this.boundaryID = source.boundaryID;
      this.message = source.message;
      this.startedAt = source.startedAt;
      this.finishedAt = source.finishedAt;
      this.estimatedDuration = source.estimatedDuration;
      this.progress = source.progress;
      this.resourcesDuration = source.resourcesDuration;
      this.podIP = source.podIP;
      this.daemoned = source.daemoned;
      this.nodeFlag = source.nodeFlag;
      this.inputs = source.inputs;
      this.outputs = source.outputs;
      this.children = source.children;
      this.outboundNodes = source.outboundNodes;
      this.hostNodeName = source.hostNodeName;
      this.memoizationStatus = source.memoizationStatus;
      this.synchronizationStatus = source.synchronizationStatus;
      this.failedPodRestarts = source.failedPodRestarts;
      this.restartingPodUID = source.restartingPodUID;
      this.taskResultSynced = source.taskResultSynced;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    public Builder type(NodeType type) {
      this.type = type;
      return this;
    }

    public Builder templateName(String templateName) {
      this.templateName = templateName;
      return this;
    }

    public Builder templateRef(TemplateRef templateRef) {
      this.templateRef = templateRef;
      return this;
    }

    public Builder templateScope(String templateScope) {
      this.templateScope = templateScope;
      return this;
    }

    public Builder phase(NodePhase phase) {
      this.phase = phase;
      return this;
    }

    public Builder boundaryID(String boundaryID) {
      this.boundaryID = boundaryID;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder finishedAt(Instant finishedAt) {
      this.finishedAt = finishedAt;
      return this;
    }

    public Builder estimatedDuration(Integer estimatedDuration) {
      this.estimatedDuration = estimatedDuration;
      return this;
    }

    public Builder progress(String progress) {
      this.progress = progress;
      return this;
    }

    public Builder resourcesDuration(Map<String, Long> resourcesDuration) {
      this.resourcesDuration = resourcesDuration;
      return this;
    }

    public Builder podIP(String podIP) {
      this.podIP = podIP;
      return this;
    }

    public Builder daemoned(Boolean daemoned) {
      this.daemoned = daemoned;
      return this;
    }

    public Builder nodeFlag(NodeFlag nodeFlag) {
      this.nodeFlag = nodeFlag;
      return this;
    }

    public Builder inputs(Inputs inputs) {
      this.inputs = inputs;
      return this;
    }

    public Builder outputs(Outputs outputs) {
      this.outputs = outputs;
      return this;
    }

    public Builder children(List<String> children) {
      this.children = children;
      return this;
    }

    public Builder outboundNodes(List<String> outboundNodes) {
      this.outboundNodes = outboundNodes;
      return this;
    }

    public Builder hostNodeName(String hostNodeName) {
      this.hostNodeName = hostNodeName;
      return this;
    }

    public Builder memoizationStatus(MemoizationStatus memoizationStatus) {
      this.memoizationStatus = memoizationStatus;
      return this;
    }

    public Builder synchronizationStatus(NodeSynchronizationStatus synchronizationStatus) {
      this.synchronizationStatus = synchronizationStatus;
      return this;
    }

    public Builder failedPodRestarts(Integer failedPodRestarts) {
      this.failedPodRestarts = failedPodRestarts;
      return this;
    }

    public Builder restartingPodUID(String restartingPodUID) {
      this.restartingPodUID = restartingPodUID;
      return this;
    }

    public Builder taskResultSynced(Boolean taskResultSynced) {
      this.taskResultSynced = taskResultSynced;
      return this;
    }

    public NodeStatus build() {
      return new NodeStatus(
          id,
          name,
          displayName,
          type,
          templateName,
          templateRef,
          templateScope,
          phase,
          boundaryID,
          message,
          startedAt,
          finishedAt,
          estimatedDuration,
          progress,
          resourcesDuration,
          podIP,
          daemoned,
          nodeFlag,
          inputs,
          outputs,
          children,
          outboundNodes,
          hostNodeName,
          memoizationStatus,
          synchronizationStatus,
          failedPodRestarts,
          restartingPodUID,
          taskResultSynced);
    }
  }
}
