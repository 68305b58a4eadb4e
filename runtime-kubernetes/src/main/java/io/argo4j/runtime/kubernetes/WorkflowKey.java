package io.argo4j.runtime.kubernetes;

import java.util.Objects;

/** Identifies a workflow: its namespace and name. */
public record WorkflowKey(String namespace, String name) {

  public WorkflowKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
