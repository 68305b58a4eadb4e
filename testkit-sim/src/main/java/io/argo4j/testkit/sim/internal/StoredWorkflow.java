package io.argo4j.testkit.sim.internal;

import io.argo4j.model.Workflow;

/** A workflow as the API server stores it, with its resourceVersion. */
public record StoredWorkflow(Workflow workflow, long rv) {

  public String name() {
    return workflow.metadata().getName();
  }
}
