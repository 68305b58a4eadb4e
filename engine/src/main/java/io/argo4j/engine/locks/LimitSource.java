package io.argo4j.engine.locks;

/** Where the lock table reads a semaphore's limit (a ConfigMap value, in Argo). */
@FunctionalInterface
public interface LimitSource {

  /** The limit of a lock, or why it has none. Mutexes never reach the source. */
  Limit limitOf(LockName lock);

  /** A limit or the reason there is none. */
  sealed interface Limit {
    /** A limit read successfully. */
    record Known(int value) implements Limit {}

    /** No usable limit: the ConfigMap or key is missing, or the value is not a number. */
    record Unavailable(String reason) implements Limit {}
  }

  /**
   * Parses a ConfigMap value as Argo does: a positive decimal integer.
   *
   * @param value the value, or null if the key is missing
   */
  static Limit parse(LockName lock, String value) {
    if (value == null) {
      return new Limit.Unavailable(
          "semaphore "
              + lock
              + ": ConfigMap "
              + lock.namespace()
              + "/"
              + lock.resourceName()
              + " has no key '"
              + lock.key()
              + "'");
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      if (n == 0) {
        // Argo refuses a zero limit too: nothing could ever hold the lock, its waiters would hang.
        return new Limit.Unavailable(
            "semaphore " + lock + ": limit is 0, so nothing could ever hold it; give at least 1");
      }
      return new Limit.Known(n);
    } catch (NumberFormatException e) {
      return new Limit.Unavailable(
          "semaphore "
              + lock
              + ": ConfigMap "
              + lock.namespace()
              + "/"
              + lock.resourceName()
              + " key '"
              + lock.key()
              + "' is '"
              + value
              + "', expected a whole number of permits");
    }
  }

  /** The reason given when the ConfigMap itself is missing. */
  static Limit missingConfigMap(LockName lock) {
    return new Limit.Unavailable(
        "semaphore "
            + lock
            + ": ConfigMap "
            + lock.namespace()
            + "/"
            + lock.resourceName()
            + " not found (it must hold key '"
            + lock.key()
            + "' with the number of permits)");
  }
}
