package io.argo4j.engine;

/** A user action (suspend, resume...) that does not apply to the workflow as it is; says why. */
public final class UserActionException extends Exception {
  private static final long serialVersionUID = 1L;

  public UserActionException(String message) {
    super(message);
  }
}
