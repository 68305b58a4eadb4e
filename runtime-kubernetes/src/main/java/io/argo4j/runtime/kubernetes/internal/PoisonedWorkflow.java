package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The status written when the engine cannot reconcile a workflow: Error, everywhere. Pure. */
final class PoisonedWorkflow {
  private PoisonedWorkflow() {}

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
    var meta =
        new ObjectMetaBuilder(wf.metadata())
            .addToLabels(ArgoNames.LABEL_COMPLETED, "true")
            .addToLabels(ArgoNames.LABEL_PHASE, WorkflowPhase.ERROR.value())
            .build();
    return wf.withMetadata(meta)
        .withStatus(
            st.toBuilder()
                .phase(WorkflowPhase.ERROR)
                .message(message)
                .startedAt(st.startedAt() == null ? now : st.startedAt())
                .finishedAt(later(st.startedAt(), now))
                .nodes(nodes)
                .build());
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
