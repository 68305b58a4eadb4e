package io.argo4j.executor;

/** Where a step stands, as its step directory tells it. */
public enum StepState {
  /** The directory holds a spec but no process was started (yet). */
  PENDING,
  /** The step's wrapper process is alive. */
  RUNNING,
  /** The step ended: its exit code, or the reason it could not start, is recorded. */
  FINISHED,
  /** The step's wrapper is gone and recorded no exit code (the machine or the runner died). */
  LOST
}
