package io.argo4j.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a {@link WorkflowQuery}'s results.
 *
 * @param items the documents, newest first
 * @param continueToken pass to {@link WorkflowQuery#withContinueToken} for the next page; empty on
 *     the last page
 * @param resourceVersion the store's version when the page was read: every write at or below it is
 *     reflected, so {@link WorkflowRepository#changesSince} from it misses nothing
 */
public record WorkflowPage(
    List<StoredWorkflow> items, Optional<String> continueToken, long resourceVersion) {

  public WorkflowPage {
    items = List.copyOf(items);
    Objects.requireNonNull(continueToken, "continueToken");
  }
}
