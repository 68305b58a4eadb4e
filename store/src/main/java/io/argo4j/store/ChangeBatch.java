package io.argo4j.store;

import java.util.List;

/**
 * What {@link WorkflowRepository#changesSince} returns.
 *
 * @param changes in increasing resource version order
 * @param resourceVersion where to continue: pass it to the next {@code changesSince}
 * @param more true when the limit cut the batch short and more changes are ready now
 */
public record ChangeBatch(List<WorkflowChange> changes, long resourceVersion, boolean more) {

  public ChangeBatch {
    changes = List.copyOf(changes);
  }
}
