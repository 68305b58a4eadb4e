package io.argo4j.executor.pod.internal;

import io.argo4j.executor.pod.PodLayout;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What the controller tells the executor through the container's environment (see {@link
 * PodLayout}).
 *
 * @param templateJson the fully substituted template, as JSON
 * @param nodeId the node's ID, also the task result's name
 * @param workflowName the workflow's name
 * @param workflowUid the workflow's UID, or null
 * @param podName the pod's name, or null
 * @param podUid the pod's UID, or null
 * @param namespace the pod's namespace, or null for the client's (in a pod: the service account's)
 * @param includeScriptOutput whether stdout is the node's {@code result}
 * @param deadline when the step must be stopped (the template's activeDeadlineSeconds), or null
 */
public record PodEnvironment(
    String templateJson,
    String nodeId,
    String workflowName,
    String workflowUid,
    String podName,
    String podUid,
    String namespace,
    boolean includeScriptOutput,
    Instant deadline) {

  /**
   * Reads the environment.
   *
   * @throws IllegalArgumentException naming the variable that is missing or malformed
   */
  public static PodEnvironment from(Map<String, String> env) {
    String deadlineText = blankToNull(env.get(PodLayout.ENV_DEADLINE));
    Instant deadline = null;
    if (deadlineText != null) {
      try {
        deadline = Instant.parse(deadlineText);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            PodLayout.ENV_DEADLINE
                + "='"
                + deadlineText
                + "' is not an RFC 3339 time such as 2026-01-02T03:04:05Z");
      }
    }
    return new PodEnvironment(
        require(env, PodLayout.ENV_TEMPLATE),
        require(env, PodLayout.ENV_NODE_ID),
        require(env, PodLayout.ENV_WORKFLOW_NAME),
        blankToNull(env.get(PodLayout.ENV_WORKFLOW_UID)),
        blankToNull(env.get(PodLayout.ENV_POD_NAME)),
        blankToNull(env.get(PodLayout.ENV_POD_UID)),
        blankToNull(env.get(PodLayout.ENV_POD_NAMESPACE)),
        Boolean.parseBoolean(env.get(PodLayout.ENV_INCLUDE_SCRIPT_OUTPUT)),
        deadline);
  }

  private static String require(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(
          "environment variable "
              + name
              + " is not set; argo4j-exec runs in pods built by the argo4j controller, which sets"
              + " it");
    }
    return v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
