package io.argo4j.lint.internal.render;

import io.argo4j.lint.Finding;
import io.argo4j.lint.LintReport;
import io.argo4j.lint.Skipped;

/** Renders a report as compiler-style lines. */
public final class TextRenderer {
  private TextRenderer() {}

  /** The report as text; {@code full} adds skipped documents and a summary line. */
  public static String render(LintReport report, boolean full) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : report.findings()) {
      sb.append(line(f)).append('\n');
    }
    if (!full) {
      return sb.toString();
    }
    for (Skipped s : report.skipped()) {
      sb.append(s.source());
      if (s.line() > 0) {
        sb.append(':').append(s.line()).append(":1");
      }
      sb.append(": skipped: ").append(s.kind());
      if (s.name() != null) {
        sb.append(' ').append(s.name());
      }
      sb.append(": ").append(s.reason()).append('\n');
    }
    sb.append(summary(report)).append('\n');
    return sb.toString();
  }

  /** {@code file:line:col: error: path: message; expected: ... [rule]}. */
  public static String line(Finding f) {
    StringBuilder sb = new StringBuilder(f.source());
    if (f.line() > 0) {
      sb.append(':').append(f.line()).append(':').append(Math.max(1, f.column()));
    }
    sb.append(": ").append(f.isError() ? "error" : "warning").append(": ");
    if (!f.path().isEmpty()) {
      sb.append(f.path()).append(": ");
    }
    sb.append(f.message());
    if (f.expected() != null) {
      sb.append("; expected: ").append(f.expected());
    }
    sb.append(" [").append(f.rule().id()).append(']');
    return sb.toString();
  }

  /** {@code 3 files, 5 documents checked: 2 errors, 1 warning, 1 skipped}. */
  public static String summary(LintReport report) {
    int errors = report.errors().size();
    int warnings = report.warnings().size();
    return plural(report.sources(), "file")
        + ", "
        + plural(report.documents(), "document")
        + " checked: "
        + (errors == 0 && warnings == 0
            ? "no problems found"
            : plural(errors, "error") + ", " + plural(warnings, "warning"))
        + (report.skipped().isEmpty() ? "" : ", " + report.skipped().size() + " skipped");
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
