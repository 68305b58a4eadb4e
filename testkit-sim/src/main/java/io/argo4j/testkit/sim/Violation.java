package io.argo4j.testkit.sim;

/**
 * A broken invariant.
 *
 * @param invariant the invariant's ID in perf-reliability.md section 5.3 (I1...I13)
 * @param workflow the workflow concerned
 * @param atMillis simulated milliseconds since the start when it was detected
 * @param message what was wrong
 */
public record Violation(String invariant, String workflow, long atMillis, String message) {

  @Override
  public String toString() {
    return invariant + " [" + workflow + "] at +" + atMillis / 1000.0 + "s: " + message;
  }
}
