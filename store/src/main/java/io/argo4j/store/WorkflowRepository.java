package io.argo4j.store;

import java.util.List;
import java.util.Optional;

/**
 * Where Argo documents (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow) live:
 * JSON text plus the metadata queries filter on. Every write gets a resource version from one
 * store-wide counter that only grows; writes become visible in that order, which is what lets
 * {@link #changesSince} serve watchers without missing anything.
 *
 * <p>Implementations are safe for use by many threads, and the embedded one by many processes. A
 * write has reached durable storage when its method returns. {@code WorkflowRepositoryContract} in
 * this module's test-jar specifies the behaviour every adapter must have.
 */
public interface WorkflowRepository extends AutoCloseable {

  /**
   * Stores a new document. A null uid or creation time is assigned by the store (a random UUID, the
   * store clock's time).
   *
   * @return the document as stored, with its first resource version
   * @throws AlreadyExistsException when its kind, namespace and name, or its uid, are taken
   */
  StoredWorkflow create(WorkflowDocument document) throws AlreadyExistsException;

  /**
   * Replaces a document's JSON and metadata, if nobody wrote it since {@code
   * expectedResourceVersion}. The key selects the document; uid and creation time cannot change
   * (leave them null, or equal to the stored ones).
   *
   * @return the document as stored, with its new resource version
   * @throws ConflictException when the stored resource version is not the expected one
   * @throws NotFoundException when no such document exists
   */
  StoredWorkflow update(WorkflowDocument document, long expectedResourceVersion)
      throws ConflictException, NotFoundException;

  /** The document with this key, if any. */
  Optional<StoredWorkflow> get(WorkflowKey key);

  /** The document with this uid, whatever its kind, if any. */
  Optional<StoredWorkflow> getByUid(String uid);

  /**
   * Removes a document and its events. Watchers see a {@link WorkflowChange.Deleted}.
   *
   * @throws NotFoundException when no such document exists
   */
  void delete(WorkflowKey key) throws NotFoundException;

  /**
   * One page of the documents a query selects, newest first.
   *
   * @throws InvalidQueryException when the continue token is not one this store issued
   */
  WorkflowPage list(WorkflowQuery query) throws InvalidQueryException;

  /**
   * The most recently created document of a kind in a namespace ({@code ""} for cluster-scoped
   * kinds), as {@code argo get @latest} needs; of two created at the same instant, the one created
   * last.
   */
  Optional<StoredWorkflow> latest(WorkflowKind kind, String namespace);

  /**
   * What changed after {@code afterResourceVersion}, oldest first: documents created or updated
   * (once each, in their current state) and deletions. Poll again from the returned {@link
   * ChangeBatch#resourceVersion()}; a watcher that starts from a {@link WorkflowPage}'s version
   * misses nothing.
   *
   * @param kind the kind to watch, or null for every kind
   * @param namespace the namespace to watch, or null for every namespace
   * @param afterResourceVersion 0 to get every document from the start
   * @param limit at most this many changes (positive)
   */
  ChangeBatch changesSince(
      WorkflowKind kind, String namespace, long afterResourceVersion, int limit);

  /** The version of the last write; {@link #changesSince} from it returns only later writes. */
  long currentResourceVersion();

  /**
   * Records an event of a stored workflow.
   *
   * @throws NotFoundException when no document has the event's workflow uid
   */
  void appendEvent(WorkflowEvent event) throws NotFoundException;

  /** The events of a workflow in the order they were appended; empty when there are none. */
  List<WorkflowEvent> events(String workflowUid);

  /** Releases connections, files and threads. The data stays; opening again finds it. */
  @Override
  void close();
}
