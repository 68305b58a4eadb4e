package io.argo4j.lint;

import io.argo4j.lint.internal.render.JsonRenderer;
import io.argo4j.lint.internal.render.TextRenderer;
import java.util.List;

/**
 * What lint found in a set of sources.
 *
 * @param findings errors and warnings, ordered by source, line and column
 * @param skipped documents not checked (other Kubernetes kinds, kinds left out by --kinds)
 * @param sources how many files (or stdin) were read
 * @param documents how many Argo documents were checked
 */
public record LintReport(
    List<Finding> findings, List<Skipped> skipped, int sources, int documents) {

  /** Keeps private copies of the lists. */
  public LintReport {
    findings = List.copyOf(findings);
    skipped = List.copyOf(skipped);
  }

  /** Whether any finding is an error. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  /** The errors only. */
  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }

  /** The warnings only. */
  public List<Finding> warnings() {
    return findings.stream().filter(f -> !f.isError()).toList();
  }

  /**
   * One line per finding, {@code file:line:col: error: path: message; expected: ... [rule]}, then
   * one line per skipped document and a summary line.
   */
  public String toText() {
    return TextRenderer.render(this, true);
  }

  /** One line per finding and nothing else. */
  public String toSimpleText() {
    return TextRenderer.render(this, false);
  }

  /** A stable JSON document: counts, findings and skipped documents, keys in a fixed order. */
  public String toJson() {
    return JsonRenderer.render(this);
  }
}
