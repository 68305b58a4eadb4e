package io.argo4j.model;

/** Locks held and waited for by a workflow. */
public record SynchronizationStatus(SemaphoreStatus semaphore, MutexStatus mutex) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link SynchronizationStatus} values; unset components stay null. */
  public static final class Builder {
    private SemaphoreStatus semaphore;
    private MutexStatus mutex;

    private Builder() {}

    private Builder(SynchronizationStatus source) {
      this.semaphore = source.semaphore;
      this.mutex = source.mutex;
    }

    public Builder semaphore(SemaphoreStatus semaphore) {
      this.semaphore = semaphore;
      return this;
    }

    public Builder mutex(MutexStatus mutex) {
      this.mutex = mutex;
      return this;
    }

    public SynchronizationStatus build() {
      return new SynchronizationStatus(semaphore, mutex);
    }
  }
}
