package io.argo4j.engine.internal;

import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import java.util.Collection;

/** Argo's workflow progress: finished pod nodes over all pod nodes, as {@code N/M}. */
final class Progress {
  private Progress() {}

  static String of(Collection<NodeStatus> nodes) {
    int total = 0;
    int done = 0;
    for (NodeStatus n : nodes) {
      if (n.type() != NodeType.POD && n.type() != NodeType.CONTAINER) {
        continue;
      }
      total++;
      NodePhase p = n.phase();
      if (p != null && p.isCompleted()) {
        done++;
      }
    }
    return total == 0 ? null : done + "/" + total;
  }
}
