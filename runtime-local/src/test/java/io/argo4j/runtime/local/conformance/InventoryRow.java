package io.argo4j.runtime.local.conformance;

/**
 * One row of the examples table (section 4) of {@code reference/argo-inventory.md}.
 *
 * @param number the row's number
 * @param file the path under {@code examples/}
 * @param kind the kinds of manifest the file holds, comma-separated
 * @param noK8s {@code Yes}, {@code Cond}, {@code No} or {@code n/a}
 * @param upstreamNoTest the {@code workflows.argoproj.io/no-test} reason the inventory noted, or
 *     empty
 * @param note the inventory's note
 */
record InventoryRow(
    int number, String file, String kind, String noK8s, String upstreamNoTest, String note) {

  boolean isWorkflow() {
    return kind.equals("Workflow");
  }

  boolean holdsTemplates() {
    return kind.contains("WorkflowTemplate");
  }

  boolean runsWithoutKubernetes() {
    return noK8s.equals("Yes");
  }
}
