package io.argo4j.testkit.sim.internal;

import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the controller writes when the engine cannot reconcile a workflow: Error, everywhere. */
final class PoisonedWorkflows {
  private PoisonedWorkflows() {}

  static boolean isCompleted(Workflow wf) {
    return wf.status() != null && wf.status().phase() != null && wf.status().phase().isCompleted();
  }

  static Workflow markError(Workflow wf, String message, Instant now) {
    WorkflowStatus st = wf.status() == null ? WorkflowStatus.builder().build() : wf.status();
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    if (st.nodes() != null) {
      st.nodes()
          .forEach((id, n) -> {
            if (n.phase() == null || !n.phase().isFulfilled()) {
              n =
                  n.toBuilder()
                      .phase(NodePhase.ERROR)
                      .message(message)
                      .finishedAt(later(n.startedAt(), now))
                      .build();
            }
            if (Boolean.FALSE.equals(n.taskResultSynced())) {
              n = n.toBuilder().taskResultSynced(true).build();
            }
            nodes.put(id, n);
          });
    }
    return wf.withStatus(
        st.toBuilder()
            .phase(WorkflowPhase.ERROR)
            .message(message)
            .finishedAt(later(st.startedAt(), now))
            .nodes(nodes)
            .build());
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
