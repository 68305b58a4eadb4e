package io.argo4j.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.argo4j.model.internal.StringEnums;
import java.util.Optional;

/** The phase of a workflow ({@code status.phase}); a new workflow has the empty phase. */
public enum WorkflowPhase implements StringEnum {
  UNKNOWN(""),
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  ERROR("Error");

  private final String value;

  WorkflowPhase(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  /** The phase written as {@code value}; throws IllegalArgumentException naming valid phases. */
  @JsonCreator
  public static WorkflowPhase fromValue(String value) {
    return StringEnums.require(WorkflowPhase.class, "workflow phase", value);
  }

  /** The phase written as {@code value}, if it is one. */
  public static Optional<WorkflowPhase> find(String value) {
    return StringEnums.find(WorkflowPhase.class, value);
  }

  /** Succeeded, Failed or Error: the workflow has finished. */
  public boolean isCompleted() {
    return this == SUCCEEDED || this == FAILED || this == ERROR;
  }
}
