package io.argo4j.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a workflow or one of its nodes, as Argo records Kubernetes events
 * ({@code WorkflowRunning}, {@code WorkflowNodeFailed}, ...), for {@code argo4j get}'s history.
 *
 * @param workflowUid the workflow's uid
 * @param time when it happened (kept to the microsecond)
 * @param nodeId the node it concerns, or null for the workflow itself
 * @param type Normal or Warning
 * @param reason a short CamelCase cause, such as {@code WorkflowNodeSucceeded}
 * @param message a sentence for people
 */
public record WorkflowEvent(
    String workflowUid, Instant time, String nodeId, Type type, String reason, String message) {

  /** Kubernetes' event types. */
  public enum Type {
    NORMAL("Normal"),
    WARNING("Warning");

    private final String kubernetesName;

    Type(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    public String kubernetesName() {
      return kubernetesName;
    }
  }

  /** Bounds of the columns that hold these fields. */
  public static final int MAX_NODE_ID_LENGTH = 512;

  public static final int MAX_REASON_LENGTH = 128;

  public WorkflowEvent {
    Objects.requireNonNull(workflowUid, "workflowUid");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    if (nodeId != null && nodeId.length() > MAX_NODE_ID_LENGTH) {
      throw new IllegalArgumentException(
          "event node id has " + nodeId.length() + " characters; at most " + MAX_NODE_ID_LENGTH);
    }
    if (reason.length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException(
          "event reason \"" + reason + "\" is longer than " + MAX_REASON_LENGTH + " characters");
    }
    time = WorkflowDocument.toMicros(time);
  }
}
