package io.argo4j.store;

/**
 * The store itself failed: the database cannot be opened or read, a lock was held too long, the
 * connection broke. Not caused by the document; the message says what to check.
 */
public final class StoreFailureException extends RuntimeException {

  public StoreFailureException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreFailureException(String message) {
    super(message);
  }
}
