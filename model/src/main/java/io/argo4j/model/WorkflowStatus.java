package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import io.fabric8.kubernetes.api.model.Volume;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the controller has observed and decided about a workflow; rebuilt by copying with {@link
 * #toBuilder()}.
 */
public record WorkflowStatus(
    WorkflowPhase phase,
    Instant startedAt,
    Instant finishedAt,
    Integer estimatedDuration,
    String progress,
    String message,
    String compressedNodes,
    Map<String, NodeStatus> nodes,
    String offloadNodeStatusVersion,
    Map<String, Template> storedTemplates,
    List<Volume> persistentVolumeClaims,
    Outputs outputs,
    List<Condition> conditions,
    Map<String, Long> resourcesDuration,
    WorkflowSpec storedWorkflowTemplateSpec,
    ArtifactRepositoryRefStatus artifactRepositoryRef,
    ArtGCStatus artifactGCStatus,
    SynchronizationStatus synchronization,
    Map<String, Boolean> taskResultsCompletionStatus) {

  /** Copies collections so that the record stays immutable. */
  public WorkflowStatus {
    nodes = Immutables.map(nodes);
    storedTemplates = Immutables.map(storedTemplates);
    persistentVolumeClaims = Immutables.list(persistentVolumeClaims);
    conditions = Immutables.list(conditions);
    resourcesDuration = Immutables.map(resourcesDuration);
    taskResultsCompletionStatus = Immutables.map(taskResultsCompletionStatus);
  }

  /** The node with this id in {@link #nodes()}, if any. */
  public java.util.Optional<NodeStatus> node(String id) {
    return nodes == null
        ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(nodes.get(id));
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link WorkflowStatus} values; unset components stay null. */
  public static final class Builder {
    private WorkflowPhase phase;
    private Instant startedAt;
    private Instant finishedAt;
    private Integer estimatedDuration;
    private String progress;
    private String message;
    private String compressedNodes;
    private Map<String, NodeStatus> nodes;
    private String offloadNodeStatusVersion;
    private Map<String, Template> storedTemplates;
    private List<Volume> persistentVolumeClaims;
    private Outputs outputs;
    private List<Condition> conditions;
    private Map<String, Long> resourcesDuration;
    private WorkflowSpec storedWorkflowTemplateSpec;
    private ArtifactRepositoryRefStatus artifactRepositoryRef;
    private ArtGCStatus artifactGCStatus;
    private SynchronizationStatus synchronization;
    private Map<String, Boolean> taskResultsCompletionStatus;

    private Builder() {}

    private Builder(WorkflowStatus source) {
      this.phase = source.phase;
      this.startedAt = source.startedAt;
      this.finishedAt = source.finishedAt;
      this.estimatedDuration = source.estimatedDuration;
      this.progress = source.progress;
      this.message = source.message;
      this.compressedNodes = source.compressedNodes;
      this.nodes = source.nodes;
      this.offloadNodeStatusVersion = source.offloadNodeStatusVersion;
      this.storedTemplates = source.storedTemplates;
      this.persistentVolumeClaims = source.persistentVolumeClaims;
      this.outputs = source.outputs;
      this.conditions = source.conditions;
      this.resourcesDuration = source.resourcesDuration;
      this.storedWorkflowTemplateSpec = source.storedWorkflowTemplateSpec;
      this.artifactRepositoryRef = source.artifactRepositoryRef;
      this.artifactGCStatus = source.artifactGCStatus;
      this.synchronization = source.synchronization;
      this.taskResultsCompletionStatus = source.taskResultsCompletionStatus;
    }

    public Builder phase(WorkflowPhase phase) {
      this.phase = phase;
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

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder compressedNodes(String compressedNodes) {
      this.compressedNodes = compressedNodes;
      return this;
    }

    public Builder nodes(Map<String, NodeStatus> nodes) {
      this.nodes = nodes;
      return this;
    }

    public Builder offloadNodeStatusVersion(String offloadNodeStatusVersion) {
      this.offloadNodeStatusVersion = offloadNodeStatusVersion;
      return this;
    }

    public Builder storedTemplates(Map<String, Template> storedTemplates) {
      this.storedTemplates = storedTemplates;
      return this;
    }

    public Builder persistentVolumeClaims(List<Volume> persistentVolumeClaims) {
      this.persistentVolumeClaims = persistentVolumeClaims;
      return this;
    }

    public Builder outputs(Outputs outputs) {
      this.outputs = outputs;
      return this;
    }

    public Builder conditions(List<Condition> conditions) {
      this.conditions = conditions;
      return this;
    }

    public Builder resourcesDuration(Map<String, Long> resourcesDuration) {
      this.resourcesDuration = resourcesDuration;
      return this;
    }

    public Builder storedWorkflowTemplateSpec(WorkflowSpec storedWorkflowTemplateSpec) {
      this.storedWorkflowTemplateSpec = storedWorkflowTemplateSpec;
      return this;
    }

    public Builder artifactRepositoryRef(ArtifactRepositoryRefStatus artifactRepositoryRef) {
      this.artifactRepositoryRef = artifactRepositoryRef;
      return this;
    }

    public Builder artifactGCStatus(ArtGCStatus artifactGCStatus) {
      this.artifactGCStatus = artifactGCStatus;
      return this;
    }

    public Builder synchronization(SynchronizationStatus synchronization) {
      this.synchronization = synchronization;
      return this;
    }

    public Builder taskResultsCompletionStatus(Map<String, Boolean> taskResultsCompletionStatus) {
      this.taskResultsCompletionStatus = taskResultsCompletionStatus;
      return this;
    }

    public WorkflowStatus build() {
      return new WorkflowStatus(
          phase,
          startedAt,
          finishedAt,
          estimatedDuration,
          progress,
          message,
          compressedNodes,
          nodes,
          offloadNodeStatusVersion,
          storedTemplates,
          persistentVolumeClaims,
          outputs,
          conditions,
          resourcesDuration,
          storedWorkflowTemplateSpec,
          artifactRepositoryRef,
          artifactGCStatus,
          synchronization,
          taskResultsCompletionStatus);
    }
  }
}
