package io.argo4j.testkit.sim;

/**
 * The faults the simulation injects, each tied to a row of the fault matrix (F1 to F15) of the
 * reliability plan. Counts of injected faults are reported by kind.
 */
public enum FaultKind {
  /** F1: the controller process dies (before a write, between write and actions, mid-actions). */
  CONTROLLER_CRASH("F1"),
  /** F2: another writer changed the workflow first, so the status write gets a 409. */
  WRITE_CONFLICT("F2"),
  /** F3: a status write times out; it may or may not have been committed. */
  WRITE_TIMEOUT("F3"),
  /** F4: the informer lags far behind the API server (stale reads). */
  WATCH_LAG_SPIKE("F4"),
  /** F4: a watch event is delivered twice. */
  WATCH_EVENT_DUPLICATED("F4"),
  /** F4: an older version of an object is replayed into the cache after a newer one. */
  WATCH_EVENT_REORDERED("F4"),
  /** F4: a watch event is lost; only a relist repairs the cache. */
  WATCH_EVENT_LOST("F4"),
  /** F4: the watch disconnects; the informer relists. */
  WATCH_DISCONNECT("F4"),
  /** F5: a pod is deleted before it started. */
  POD_DELETED_BEFORE_START("F5"),
  /** F5: a running pod is deleted (autoscaler, Karpenter, a person). */
  POD_DELETED_WHILE_RUNNING("F5"),
  /** F5: a finished pod is deleted before its outputs were captured. */
  POD_DELETED_AFTER_COMPLETION("F5"),
  /** F5: the kubelet evicts a pod. */
  POD_EVICTED("F5"),
  /** F6: the main container is OOM-killed (exit 137, reason OOMKilled). */
  POD_OOM_KILLED("F6"),
  /** F6: the machine running the pod stops reporting (pod phase Unknown). */
  NODE_LOST("F6"),
  /** F7: the executor's wait container hangs after main exits. */
  EXECUTOR_HANG("F7"),
  /** F7/F16: the pod ignores SIGTERM; only the kill after the grace period ends it. */
  TERM_IGNORED("F7"),
  /** F8: the executor's task result never arrives. */
  TASK_RESULT_LOST("F8"),
  /** F8: the executor's task result arrives minutes late. */
  TASK_RESULT_LATE("F8"),
  /** F9: the controller's clock jumps forward. */
  CLOCK_JUMP_FORWARD("F9"),
  /** F9: the controller's clock jumps backward. */
  CLOCK_JUMP_BACKWARD("F9"),
  /**
   * F10: a second controller runs at the same time as the first for a while (a rollout surge, a
   * lease overlap); fencing by resourceVersion must keep every invariant.
   */
  TWO_CONTROLLERS("F10"),
  /** F12: the API server answers a call with 429 Too Many Requests. */
  API_THROTTLED("F12"),
  /**
   * F12: an API call is slow (1 to 60 s); the controller waits for it, and past its deadline the
   * call fails as a timeout.
   */
  API_LATENCY_SPIKE("F12"),
  /**
   * F13: removing the status finalizer from a pod fails every time (a webhook that denies it): the
   * pod can never go, and nothing else may be held up by it.
   */
  FINALIZER_REMOVAL_FAILS("F13"),
  /** F14: a user stops the workflow (exit handlers still run). */
  USER_STOP("F14"),
  /** F14: a user terminates the workflow. */
  USER_TERMINATE("F14"),
  /** F15: a workflow with an invalid spec among valid ones. */
  POISON_INVALID_SPEC("F15"),
  /** F15: the engine throws on one workflow every time it is reconciled. */
  POISON_ENGINE_EXCEPTION("F15");

  private final String matrixRow;

  FaultKind(String matrixRow) {
    this.matrixRow = matrixRow;
  }

  /** The row of the fault matrix (perf-reliability.md section 5.2) this fault belongs to. */
  public String matrixRow() {
    return matrixRow;
  }
}
