package io.argo4j.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.argo4j.model.internal.StringEnums;
import java.util.Optional;

/** The type of a workflow node ({@code status.nodes[*].type}). */
public enum NodeType implements StringEnum {
  POD("Pod"),
  CONTAINER("Container"),
  STEPS("Steps"),
  STEP_GROUP("StepGroup"),
  DAG("DAG"),
  TASK_GROUP("TaskGroup"),
  RETRY("Retry"),
  SKIPPED("Skipped"),
  SUSPEND("Suspend"),
  HTTP("HTTP"),
  PLUGIN("Plugin");

  private final String value;

  NodeType(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  /** The type written as {@code value}; throws IllegalArgumentException naming valid types. */
  @JsonCreator
  public static NodeType fromValue(String value) {
    return StringEnums.require(NodeType.class, "node type", value);
  }

  /** The type written as {@code value}, if it is one. */
  public static Optional<NodeType> find(String value) {
    return StringEnums.find(NodeType.class, value);
  }
}
