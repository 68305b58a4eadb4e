package io.argo4j.engine;

import io.argo4j.model.Template;
import java.time.Instant;

/**
 * Something the runtime must do. Every action is idempotent and keyed by pod name, so applying it
 * twice (after a crash, or because the engine saw a stale state) does no harm.
 */
public sealed interface Action {

  /** The ID of the node the action is about. */
  String nodeId();

  /** The pod the action is about. */
  String podName();

  /**
   * Start the pod of a pod-backed node, unless it already exists.
   *
   * @param nodeName the node's name (for labels, logs and the executor)
   * @param template the template with every argument and variable substituted
   * @param onExitPod whether the pod belongs to an exit handler (Stop does not kill those)
   * @param captureResult whether stdout must be captured as {@code outputs.result}
   * @param deadline when the pod must be killed at the latest (retry maxDuration, workflow
   *     deadline), or null
   */
  record StartPod(
      String nodeId,
      String podName,
      String nodeName,
      Template template,
      boolean onExitPod,
      boolean captureResult,
      Instant deadline)
      implements Action {}

  /**
   * Stop a running pod: signal its containers to terminate, then kill them after the grace period.
   * The node's phase follows from what the pod does next.
   */
  record StopPod(String nodeId, String podName, StopReason reason, String message)
      implements Action {}

  /**
   * Delete a pod that must not run (a pending pod after shutdown or deadline), or a finished one.
   */
  record DeletePod(String nodeId, String podName, String message) implements Action {}

  /** Why a pod is stopped. */
  enum StopReason {
    /** The workflow is being stopped or terminated. */
    SHUTDOWN,
    /** The workflow or template deadline passed. */
    DEADLINE,
    /** The daemon's scope completed. */
    DAEMON_SCOPE_DONE,
    /** The main container exited, sidecars must go. */
    MAIN_EXITED
  }
}
