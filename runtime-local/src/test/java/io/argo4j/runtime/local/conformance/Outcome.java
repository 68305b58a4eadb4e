package io.argo4j.runtime.local.conformance;

import java.time.Duration;
import java.util.List;

/**
 * How one example ended.
 *
 * @param result the workflow's phase, or {@link #SUSPENDED}, {@link #TIMEOUT}, {@link #INVALID},
 *     {@link #CRASHED}
 * @param duration from submission to the end of the run
 * @param reason the workflow's message and the messages of its failed nodes
 * @param stuckNodes nodes left Pending or Running after the run ended
 */
record Outcome(String result, Duration duration, String reason, List<String> stuckNodes) {

  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";
  static final String SUSPENDED = "Suspended";
  static final String TIMEOUT = "timeout";
  static final String INVALID = "refused";
  static final String CRASHED = "runner error";

  Outcome {
    stuckNodes = List.copyOf(stuckNodes);
  }

  /** The workflow ended in a terminal phase, or was stopped on purpose, leaving no node behind. */
  boolean leftNothingRunning() {
    return stuckNodes.isEmpty() && !result.equals(TIMEOUT) && !result.equals(CRASHED);
  }
}
