package io.argo4j.testkit.sim.internal;

import io.argo4j.model.Workflow;
import io.argo4j.testkit.sim.FaultKind;

/** People using {@code argo stop} and {@code argo terminate}: read, set spec.shutdown, write. */
final class Users {
  private final ApiServer api;
  private final FaultPlan faults;
  private final Trace trace;

  Users(ApiServer api, FaultPlan faults, Trace trace) {
    this.api = api;
    this.faults = faults;
    this.trace = trace;
  }

  void shutdown(String name, String strategy, FaultKind kind) {
    for (int attempt = 0; attempt < 10; attempt++) {
      StoredWorkflow s = api.getWorkflow(name);
      if (s == null || Invariants.completed(s.workflow())) {
        trace.add("user", "argo " + strategy.toLowerCase() + " " + name + ": already completed");
        return;
      }
      Workflow w =
          s.workflow().withSpec(s.workflow().spec().toBuilder().shutdown(strategy).build());
      if (api.updateWorkflow("user", w, s.rv()) instanceof ApiServer.WriteResult.Ok) {
        faults.injected(kind, "argo " + strategy.toLowerCase() + " " + name);
        return;
      }
    }
  }
}
