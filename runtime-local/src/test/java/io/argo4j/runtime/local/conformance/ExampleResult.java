package io.argo4j.runtime.local.conformance;

/**
 * One example, what it had to reach, and how it ended.
 *
 * @param row its inventory row
 * @param expectation null when the example could not be read
 * @param outcome how it ended
 */
record ExampleResult(InventoryRow row, Expectation expectation, Outcome outcome) {

  boolean reachedExpected() {
    return expectation != null
        && expectation.expected().accepts(outcome.result())
        && outcome.leftNothingRunning();
  }
}
