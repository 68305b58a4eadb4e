package io.argo4j.store;

/**
 * A failure the caller can cause and should handle: a name already taken, a stale version, a
 * missing document, a malformed query. Each message says what, which object, and what to do.
 */
public abstract sealed class WorkflowStoreException extends Exception
    permits AlreadyExistsException, ConflictException, NotFoundException, InvalidQueryException {

  protected WorkflowStoreException(String message) {
    super(message);
  }
}
