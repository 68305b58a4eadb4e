package io.argo4j.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.argo4j.model.internal.StringEnums;
import java.util.Optional;

/** The phase of a workflow node ({@code status.nodes[*].phase}). */
public enum NodePhase implements StringEnum {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  SKIPPED("Skipped"),
  FAILED("Failed"),
  ERROR("Error"),
  OMITTED("Omitted");

  private final String value;

  NodePhase(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  /** The phase written as {@code value}; throws IllegalArgumentException naming valid phases. */
  @JsonCreator
  public static NodePhase fromValue(String value) {
    return StringEnums.require(NodePhase.class, "node phase", value);
  }

  /** The phase written as {@code value}, if it is one. */
  public static Optional<NodePhase> find(String value) {
    return StringEnums.find(NodePhase.class, value);
  }

  /** Succeeded, Failed or Error: the node ran and has an outcome. */
  public boolean isCompleted() {
    return this == SUCCEEDED || this == FAILED || this == ERROR;
  }

  /** Completed, Skipped or Omitted: nothing more will happen to the node. */
  public boolean isFulfilled() {
    return isCompleted() || this == SKIPPED || this == OMITTED;
  }
}
