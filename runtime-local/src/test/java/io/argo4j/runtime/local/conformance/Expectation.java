package io.argo4j.runtime.local.conformance;

import io.argo4j.model.Template;
import io.argo4j.model.Workflow;
import java.util.List;
import java.util.Map;

/**
 * The phase an example must reach and why: Succeeded, as upstream's e2e expects, unless the label
 * {@code workflows.argoproj.io/no-test} says otherwise. {@code expected-failure} means Failed.
 * Examples labelled {@code environment}, {@code flaky} or {@code duration} run anyway and must
 * succeed, unless they suspend with no duration: those wait for a person and must stay suspended. A
 * few examples are judged by Argo's semantics rather than by their label (DESIGN.md, "Compatibility
 * corpus"): they fail by construction or end on a random exit code.
 *
 * @param expected the accepted outcome
 * @param label the {@code no-test} reason, or empty
 * @param why why this is the expectation
 */
record Expectation(Expected expected, String label, String why) {

  static final String NO_TEST_LABEL = "workflows.argoproj.io/no-test";
  static final String EXPECTED_FAILURE = "expected-failure";

  /**
   * Examples whose phase Argo's semantics decide otherwise than their label suggests: by
   * construction they fail, or they end on a random exit code. Each entry says why.
   */
  private static final Map<String, Judged> JUDGED_BY_SEMANTICS =
      Map.of(
          "continue-on-fail.yaml",
          new Judged(Expected.SUCCEEDED, "its failing step has continueOn.failed"),
          "template-defaults.yaml",
          new Judged(Expected.SUCCEEDED_OR_FAILED, "its step exits with a random code"),
          "loops-arbitrary-sequential-steps.yaml",
          new Judged(
              Expected.FAILED, "its fourth item exits 1 by design and failFast stops the loop"),
          "pod-gc-strategy.yaml",
          new Judged(Expected.FAILED, "its step `fail` runs `exit 1`"),
          "pod-gc-strategy-with-label-selector.yaml",
          new Judged(Expected.FAILED, "its step `fail` runs `exit 1`"),
          "retry-conditional.yaml",
          new Judged(
              Expected.FAILED,
              "retries go on while the exit code is 2 and stop at the first 1, so the last try"
                  + " always fails"),
          "retry-on-error.yaml",
          new Judged(Expected.SUCCEEDED_OR_FAILED, "exit code random in 0..4, three tries in all"),
          "resubmit.yaml",
          new Judged(
              Expected.SUCCEEDED_OR_FAILED,
              "nine steps each fail with probability 1/3 (\"will very likely fail\")"),
          "custom-metrics.yaml",
          new Judged(
              Expected.SUCCEEDED_OR_FAILED, "its step `flakey` exits 1 with probability 2/3"),
          "step-level-timeout.yaml",
          new Judged(
              Expected.FAILED,
              "both steps run `sleep 30s` under a 10s timeout; a timeout is a failure, and"
                  + " `sleep1` continues only on error"));

  private record Judged(Expected expected, String why) {}

  static Expectation of(String file, Workflow workflow) {
    Map<String, String> labels = workflow.metadata().getLabels();
    String label = labels == null ? "" : labels.getOrDefault(NO_TEST_LABEL, "");
    if (waitsForAPerson(workflow)) {
      return new Expectation(
          Expected.STAYS_SUSPENDED,
          label,
          "a suspend template without duration waits for `argo resume`: it must stay suspended");
    }
    Judged judged = JUDGED_BY_SEMANTICS.get(file);
    if (judged != null) {
      return new Expectation(judged.expected(), label, "by Argo's semantics: " + judged.why());
    }
    if (label.equals(EXPECTED_FAILURE)) {
      return new Expectation(Expected.FAILED, label, "upstream expects it to fail");
    }
    return new Expectation(
        Expected.SUCCEEDED,
        label,
        label.isEmpty() ? "upstream's e2e expects Succeeded" : "run anyway: nothing here needs it");
  }

  private static boolean waitsForAPerson(Workflow workflow) {
    List<Template> templates = workflow.spec().templates();
    return templates != null
        && templates.stream()
            .anyMatch(t ->
                t.suspend() != null
                    && (t.suspend().duration() == null || t.suspend().duration().isBlank()));
  }
}
