package io.argo4j.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A document as the store holds it: uid and creation time are always set, and the resource version
 * is the one to pass to {@link WorkflowRepository#update} next.
 *
 * @param document the stored document
 * @param resourceVersion the store-wide version of its last write; it only grows
 */
public record StoredWorkflow(WorkflowDocument document, long resourceVersion) {

  public StoredWorkflow {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(document.uid(), "a stored document has a uid");
    Objects.requireNonNull(document.creationTimestamp(), "a stored document has a creation time");
    if (resourceVersion <= 0) {
      throw new IllegalArgumentException("resourceVersion must be positive: " + resourceVersion);
    }
  }

  public WorkflowKey key() {
    return document.key();
  }

  public String uid() {
    return document.uid();
  }

  public Instant creationTimestamp() {
    return document.creationTimestamp();
  }

  /** The phase, or null. */
  public WorkflowPhase phase() {
    return document.phase();
  }

  public Map<String, String> labels() {
    return document.labels();
  }

  /** When it started, or null. */
  public Instant startedAt() {
    return document.startedAt();
  }

  /** When it finished, or null. */
  public Instant finishedAt() {
    return document.finishedAt();
  }

  public String json() {
    return document.json();
  }
}
