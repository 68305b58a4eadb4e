package io.argo4j.runtime.kubernetes;

/** A call to the cluster failed. Callers retry later; nothing in the controller waits forever. */
public class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }

  public ClusterException(String message) {
    super(message);
  }

  /** The object changed since it was read (HTTP 409 on an update). Re-read and try again. */
  public static final class Conflict extends ClusterException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The stored object is not a valid Argo object: retrying cannot help. */
  public static final class Unreadable extends ClusterException {
    private static final long serialVersionUID = 1L;

    public Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The call did not complete within its deadline. */
  public static final class Timeout extends ClusterException {
    private static final long serialVersionUID = 1L;

    public Timeout(String message) {
      super(message);
    }
  }

  /**
   * The API server refused to store the object because of its size (HTTP 413, "request entity too
   * large", or etcd's "request is too large"). Retrying the same write cannot help.
   */
  public static final class TooLarge extends ClusterException {
    private static final long serialVersionUID = 1L;

    public TooLarge(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
