package io.argo4j.cli.commands;

import io.argo4j.cli.ExitCodes;
import io.argo4j.cli.Style;
import io.argo4j.lint.Finding;
import io.argo4j.lint.LintReport;
import io.argo4j.lint.LintSource;
import io.argo4j.lint.Linter;
import io.argo4j.lint.Skipped;
import io.argo4j.model.ArgoKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code argo4j lint}: as {@code argo lint}, checks manifests of every kind, offline. Files and
 * folders given together are one set: templateRefs may name WorkflowTemplates of any of them, or of
 * {@code --templates DIR}. Exits 0 when there is no error, 1 when there is, 2 on a usage error.
 */
@Command(
    name = "lint",
    description =
        "Check manifests of every kind (workflows, templates, cron workflows) for errors.")
public final class LintCommand extends BaseCommand {

  /** {@code --kinds} values. */
  public enum Kind {
    ALL,
    WORKFLOWS,
    WORKFLOWTEMPLATES,
    CRONWORKFLOWS,
    CLUSTERWORKFLOWTEMPLATES;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code -o} values. */
  public enum Format {
    PRETTY,
    SIMPLE,
    JSON;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Manifest files or folders; - for stdin.")
  private List<Path> files;

  @Option(
      names = "--kinds",
      paramLabel = "KIND",
      split = ",",
      defaultValue = "all",
      description = "Kinds to check: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private List<Kind> kinds;

  @Option(
      names = "--offline",
      description =
          "Resolve template references from the given files only, with no server (argo4j lint"
              + " always works offline).")
  private boolean offline;

  @Option(
      names = "--strict",
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      paramLabel = "BOOL",
      description =
          "Reject unknown fields; --strict=false accepts them (default: ${DEFAULT-VALUE}).")
  private boolean strict;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "pretty",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Format output;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "A file or folder of WorkflowTemplates and ClusterWorkflowTemplates that templateRefs"
              + " may name; not linted themselves. Repeatable.")
  private List<Path> templates = new ArrayList<>();

  private InputStream stdin = System.in;

  /** Reads {@code -} from {@code in} instead of standard input (for tests and embedding). */
  public LintCommand readingStdinFrom(InputStream in) {
    this.stdin = in;
    return this;
  }

  @Override
  public Integer call() throws IOException {
    for (Path dir : templates) {
      if (!Files.exists(dir)) {
        err().println("argo4j lint: --templates " + dir + ": no such file or folder");
        return ExitCodes.USAGE;
      }
    }
    List<LintSource> sources = new ArrayList<>();
    boolean stdinRead = false;
    for (Path file : files) {
      if (file.toString().equals("-")) {
        if (!stdinRead) {
          sources.add(
              LintSource.text("<stdin>", new String(stdin.readAllBytes(), StandardCharsets.UTF_8)));
          stdinRead = true;
        }
      } else {
        sources.add(LintSource.of(file));
      }
    }
    Linter.Builder linter = Linter.builder().strict(strict).kinds(argoKinds());
    templates.forEach(linter::templates);
    LintReport report = linter.build().lint(sources);
    switch (output) {
      case JSON -> out().print(report.toJson());
      case SIMPLE -> out().print(report.toSimpleText());
      case PRETTY -> pretty(report);
    }
    out().flush();
    return report.hasErrors() ? ExitCodes.FAILURE : ExitCodes.OK;
  }

  private Set<ArgoKind> argoKinds() {
    Set<ArgoKind> selected = EnumSet.noneOf(ArgoKind.class);
    for (Kind kind : kinds) {
      switch (kind) {
        case ALL -> selected.addAll(EnumSet.allOf(ArgoKind.class));
        case WORKFLOWS -> selected.add(ArgoKind.WORKFLOW);
        case WORKFLOWTEMPLATES -> selected.add(ArgoKind.WORKFLOW_TEMPLATE);
        case CRONWORKFLOWS -> selected.add(ArgoKind.CRON_WORKFLOW);
        case CLUSTERWORKFLOWTEMPLATES -> selected.add(ArgoKind.CLUSTER_WORKFLOW_TEMPLATE);
      }
    }
    return selected;
  }

  private void pretty(LintReport report) {
    Style style = style();
    for (Finding f : report.findings()) {
      StringBuilder line = new StringBuilder();
      String where =
          f.source() + (f.line() > 0 ? ":" + f.line() + ":" + Math.max(1, f.column()) : "");
      line.append(style.bold(where)).append(": ");
      line.append(f.isError() ? style.red("error") : style.yellow("warning")).append(": ");
      if (!f.path().isEmpty()) {
        line.append(f.path()).append(": ");
      }
      line.append(f.message());
      if (f.expected() != null) {
        line.append("; expected: ").append(style.cyan(f.expected()));
      }
      line.append(' ').append(style.faint("[" + f.rule().id() + "]"));
      out().println(line);
    }
    for (Skipped s : report.skipped()) {
      String where = s.source() + (s.line() > 0 ? ":" + s.line() + ":1" : "");
      out()
          .println(
              style.faint(
                  where
                      + ": skipped: "
                      + s.kind()
                      + (s.name() == null ? "" : " " + s.name())
                      + ": "
                      + s.reason()));
    }
    int errors = report.errors().size();
    int warnings = report.warnings().size();
    String counts =
        report.sources()
            + (report.sources() == 1 ? " file, " : " files, ")
            + report.documents()
            + (report.documents() == 1 ? " document" : " documents")
            + " checked: ";
    if (errors == 0 && warnings == 0) {
      out().println(counts + style.green("no problems found"));
    } else {
      out()
          .println(
              counts
                  + (errors == 0
                      ? "0 errors"
                      : style.red(errors + (errors == 1 ? " error" : " errors")))
                  + ", "
                  + warnings
                  + (warnings == 1 ? " warning" : " warnings"));
    }
  }
}
