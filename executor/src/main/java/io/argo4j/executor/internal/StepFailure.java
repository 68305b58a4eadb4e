package io.argo4j.executor.internal;

/** A step that cannot run, for a reason the user can fix; the message says which and how. */
public final class StepFailure extends Exception {
  private static final long serialVersionUID = 1L;

  public StepFailure(String message) {
    super(message);
  }
}
