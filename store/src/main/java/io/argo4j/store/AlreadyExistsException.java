package io.argo4j.store;

/** A create named a document (or gave a uid) that the store already holds. */
public final class AlreadyExistsException extends WorkflowStoreException {

  private final transient WorkflowKey key;

  public AlreadyExistsException(WorkflowKey key, String message) {
    super(message);
    this.key = key;
  }

  /** The key of the document that could not be created. */
  public WorkflowKey key() {
    return key;
  }
}
