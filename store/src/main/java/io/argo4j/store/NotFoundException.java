package io.argo4j.store;

/** The document an operation names is not in the store (never created, or deleted). */
public final class NotFoundException extends WorkflowStoreException {

  public NotFoundException(String message) {
    super(message);
  }
}
