package io.argo4j.engine.locks;

import java.util.Objects;

/**
 * The name of a lock as Argo writes it in {@code status.synchronization}: {@code
 * <namespace>/Mutex/<name>} for a mutex, {@code <namespace>/ConfigMap/<configMap>/<key>} for a
 * semaphore whose limit is a ConfigMap value.
 *
 * @param namespace the namespace the lock lives in
 * @param kind mutex or ConfigMap semaphore
 * @param resourceName the mutex's name, or the ConfigMap's
 * @param key the ConfigMap key holding a semaphore's limit (null for a mutex)
 */
public record LockName(String namespace, Kind kind, String resourceName, String key) {

  /** What kind of lock a name denotes. */
  public enum Kind {
    /** One holder at a time. */
    MUTEX("Mutex"),
    /** As many holders as a ConfigMap value says. */
    CONFIG_MAP("ConfigMap");

    private final String text;

    Kind(String text) {
      this.text = text;
    }
  }

  public LockName {
    Objects.requireNonNull(kind, "kind");
    if (namespace == null || namespace.isEmpty() || namespace.contains("/")) {
      throw new IllegalArgumentException("lock namespace must be a non-empty name: " + namespace);
    }
    if (resourceName == null || resourceName.isEmpty()) {
      throw new IllegalArgumentException("lock name must not be empty");
    }
    if (kind == Kind.CONFIG_MAP && (key == null || key.isEmpty())) {
      throw new IllegalArgumentException(
          "semaphore on ConfigMap " + resourceName + " needs a key naming its limit");
    }
    if (kind == Kind.MUTEX) {
      key = null;
    }
  }

  public static LockName mutex(String namespace, String name) {
    return new LockName(namespace, Kind.MUTEX, name, null);
  }

  public static LockName configMap(String namespace, String configMap, String key) {
    return new LockName(namespace, Kind.CONFIG_MAP, configMap, key);
  }

  /**
   * Parses a name written by {@link #toString()}.
   *
   * @throws IllegalArgumentException naming what is wrong and what would be valid
   */
  public static LockName parse(String text) {
    String[] parts = text == null ? new String[0] : text.split("/", -1);
    if (parts.length == 3 && parts[1].equals(Kind.MUTEX.text)) {
      return mutex(parts[0], parts[2]);
    }
    if (parts.length == 4 && parts[1].equals(Kind.CONFIG_MAP.text)) {
      return configMap(parts[0], parts[2], parts[3]);
    }
    throw new IllegalArgumentException(
        "unknown lock name '"
            + text
            + "': expected <namespace>/Mutex/<name> or <namespace>/ConfigMap/<name>/<key>");
  }

  /** Whether at most one holder may hold it. */
  public boolean isMutex() {
    return kind == Kind.MUTEX;
  }

  @Override
  public String toString() {
    return kind == Kind.MUTEX
        ? namespace + "/" + kind.text + "/" + resourceName
        : namespace + "/" + kind.text + "/" + resourceName + "/" + key;
  }
}
