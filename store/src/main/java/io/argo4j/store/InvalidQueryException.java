package io.argo4j.store;

/** A label selector or continue token that cannot be read; the message says what is valid. */
public final class InvalidQueryException extends WorkflowStoreException {

  public InvalidQueryException(String message) {
    super(message);
  }
}
