package io.argo4j.executor;

/** A configuration problem the user can fix: the message says where and what would be valid. */
public final class ExecutorConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ExecutorConfigException(String message) {
    super(message);
  }

  public ExecutorConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
