package io.argo4j.store;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link WorkflowRepository#list} returns: the filters of {@code argo list}. Results come
 * newest first (creation time descending, then namespace and name ascending), a page at a time when
 * a limit is set. Start from {@link #of} or {@link #inAllNamespaces} and narrow with the {@code
 * with...} methods.
 *
 * @param kind the kind to list
 * @param namespace one namespace, or null for all namespaces
 * @param phases phases to keep; empty keeps every phase (and none)
 * @param labelSelector labels to match
 * @param namePrefix names to keep start with this; empty keeps all
 * @param createdAfter keep documents created strictly after this, or null
 * @param finishedBefore keep documents finished strictly before this, or null (unfinished ones
 *     never match a non-null bound)
 * @param completion completed only, running (not completed) only, or both
 * @param limit at most this many per page; 0 for no limit
 * @param continueToken the token of the previous page, or null for the first page
 */
public record WorkflowQuery(
    WorkflowKind kind,
    String namespace,
    Set<WorkflowPhase> phases,
    LabelSelector labelSelector,
    String namePrefix,
    Instant createdAfter,
    Instant finishedBefore,
    Completion completion,
    int limit,
    String continueToken) {

  /** Argo's {@code --completed} and {@code --running} flags. */
  public enum Completion {
    /** Both completed and running documents. */
    ANY,
    /** Phase Succeeded, Failed or Error. */
    COMPLETED,
    /** Not completed: no phase yet, Pending or Running (what {@code argo list --running} shows). */
    RUNNING
  }

  public WorkflowQuery {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(phases, "phases");
    Objects.requireNonNull(labelSelector, "labelSelector");
    Objects.requireNonNull(namePrefix, "namePrefix");
    Objects.requireNonNull(completion, "completion");
    if (kind.clusterScoped() && namespace != null && !namespace.isEmpty()) {
      throw new IllegalArgumentException(
          kind.argoName() + " is cluster-scoped: list it in all namespaces, not in " + namespace);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 (no limit) or positive, got " + limit);
    }
    phases =
        Collections.unmodifiableSet(
            phases.isEmpty() ? EnumSet.noneOf(WorkflowPhase.class) : EnumSet.copyOf(phases));
    createdAfter = WorkflowDocument.toMicros(createdAfter);
    finishedBefore = WorkflowDocument.toMicros(finishedBefore);
  }

  /** Every document of a kind in one namespace. */
  public static WorkflowQuery of(WorkflowKind kind, String namespace) {
    return inAllNamespaces(kind).withNamespace(Objects.requireNonNull(namespace, "namespace"));
  }

  /** Every document of a kind, in every namespace. */
  public static WorkflowQuery inAllNamespaces(WorkflowKind kind) {
    return new WorkflowQuery(
        kind, null, Set.of(), LabelSelector.everything(), "", null, null, Completion.ANY, 0, null);
  }

  /** One namespace, or null for all. */
  public WorkflowQuery withNamespace(String newNamespace) {
    return new WorkflowQuery(
        kind,
        newNamespace,
        phases,
        labelSelector,
        namePrefix,
        createdAfter,
        finishedBefore,
        completion,
        limit,
        continueToken);
  }

  public WorkflowQuery withPhases(Set<WorkflowPhase> newPhases) {
    return new WorkflowQuery(
        kind,
        namespace,
        newPhases,
        labelSelector,
        namePrefix,
        createdAfter,
        finishedBefore,
        completion,
        limit,
        continueToken);
  }

  public WorkflowQuery withLabelSelector(LabelSelector selector) {
    return new WorkflowQuery(
        kind,
        namespace,
        phases,
        selector,
        namePrefix,
        createdAfter,
        finishedBefore,
        completion,
        limit,
        continueToken);
  }

  public WorkflowQuery withNamePrefix(String prefix) {
    return new WorkflowQuery(
        kind,
        namespace,
        phases,
        labelSelector,
        prefix,
        createdAfter,
        finishedBefore,
        completion,
        limit,
        continueToken);
  }

  public WorkflowQuery withCreatedAfter(Instant time) {
    return new WorkflowQuery(
        kind,
        namespace,
        phases,
        labelSelector,
        namePrefix,
        time,
        finishedBefore,
        completion,
        limit,
        continueToken);
  }

  public WorkflowQuery withFinishedBefore(Instant time) {
    return new WorkflowQuery(
        kind,
        namespace,
        phases,
        labelSelector,
        namePrefix,
        createdAfter,
        time,
        completion,
        limit,
        continueToken);
  }

  public WorkflowQuery withCompletion(Completion newCompletion) {
    return new WorkflowQuery(
        kind,
        namespace,
        phases,
        labelSelector,
        namePrefix,
        createdAfter,
        finishedBefore,
        newCompletion,
        limit,
        continueToken);
  }

  /** At most this many per page; 0 for no limit. */
  public WorkflowQuery withLimit(int newLimit) {
    return new WorkflowQuery(
        kind,
        namespace,
        phases,
        labelSelector,
        namePrefix,
        createdAfter,
        finishedBefore,
        completion,
        newLimit,
        continueToken);
  }

  /** The page after the one that returned {@code token}; null for the first page. */
  public WorkflowQuery withContinueToken(String token) {
    return new WorkflowQuery(
        kind,
        namespace,
        phases,
        labelSelector,
        namePrefix,
        createdAfter,
        finishedBefore,
        completion,
        limit,
        token);
  }

  /** Whether a document passes every filter (pagination aside); adapters' tests use it. */
  public boolean matches(StoredWorkflow workflow) {
    WorkflowKey key = workflow.key();
    WorkflowPhase phase = workflow.phase();
    boolean completed = phase != null && phase.completed();
    return key.kind() == kind
        && (namespace == null || namespace.equals(key.namespace()))
        && (phases.isEmpty() || (phase != null && phases.contains(phase)))
        && labelSelector.matches(workflow.labels())
        && key.name().startsWith(namePrefix)
        && (createdAfter == null || workflow.creationTimestamp().isAfter(createdAfter))
        && (finishedBefore == null
            || (workflow.finishedAt() != null && workflow.finishedAt().isBefore(finishedBefore)))
        && switch (completion) {
          case ANY -> true;
          case COMPLETED -> completed;
          case RUNNING -> !completed;
        };
  }
}
