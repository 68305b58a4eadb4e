package io.argo4j.store;

/**
 * An update carried a resource version that is no longer current: someone else wrote the document
 * since it was read. Read it again, reapply the change and retry.
 */
public final class ConflictException extends WorkflowStoreException {

  private final transient WorkflowKey key;
  private final long expectedResourceVersion;
  private final long actualResourceVersion;

  public ConflictException(WorkflowKey key, long expected, long actual) {
    super(
        key
            + " was changed since it was read: the update expected resourceVersion "
            + expected
            + " but the store holds "
            + actual
            + "; read it again, reapply the change and retry");
    this.key = key;
    this.expectedResourceVersion = expected;
    this.actualResourceVersion = actual;
  }

  public WorkflowKey key() {
    return key;
  }

  public long expectedResourceVersion() {
    return expectedResourceVersion;
  }

  public long actualResourceVersion() {
    return actualResourceVersion;
  }
}
