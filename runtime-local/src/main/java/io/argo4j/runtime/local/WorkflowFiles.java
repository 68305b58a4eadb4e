package io.argo4j.runtime.local;

import io.argo4j.lint.Finding;
import io.argo4j.lint.LintReport;
import io.argo4j.lint.Linter;
import io.argo4j.lint.Rule;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.Manifest;
import io.argo4j.model.OtherResource;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.model.io.ManifestReader;
import io.argo4j.model.io.ModelProblem;
import io.argo4j.model.io.ParsedDocument;
import io.argo4j.model.io.ReadResult;
import io.argo4j.runtime.local.internal.WorkflowChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the workflow that {@code argo4j run FILE} runs, with the templates its {@code templateRef}s
 * may name (WorkflowTemplates in the same file and in {@code --templates DIR}), and checks it
 * before anything starts: the manifest's syntax and fields, the entrypoint, required parameters,
 * template references and the syntax of its expressions.
 */
public final class WorkflowFiles {

  private WorkflowFiles() {}

  /**
   * Reads and checks a workflow.
   *
   * @param text the workflow file's content
   * @param source its name in messages ({@code wf.yaml}, {@code <stdin>})
   * @param templatesDir a folder of template manifests, or null
   * @param parameters the {@code -p} parameters the workflow will get
   * @param entrypoint the {@code --entrypoint} override, or null
   * @throws InvalidWorkflowException with every problem found
   */
  public static LoadedWorkflow load(
      String text,
      String source,
      Path templatesDir,
      Map<String, String> parameters,
      String entrypoint)
      throws InvalidWorkflowException, IOException {
    return load(text, source, templatesDir, parameters, entrypoint, TemplateSet.empty());
  }

  /**
   * Reads and checks a workflow that may also refer to {@code stored} templates (those of {@code
   * argo4j template create}); a template of the same name in the file or in {@code templatesDir}
   * wins.
   */
  public static LoadedWorkflow load(
      String text,
      String source,
      Path templatesDir,
      Map<String, String> parameters,
      String entrypoint,
      TemplateSet stored)
      throws InvalidWorkflowException, IOException {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> lintErrors = lint(text, source, templatesDir, entrypoint != null, warnings);
    List<WorkflowTemplate> wft = new ArrayList<>(stored.workflowTemplates());
    List<ClusterWorkflowTemplate> cwft = new ArrayList<>(stored.clusterTemplates());
    List<OtherResource> configMaps = new ArrayList<>();

    ReadResult read = ManifestReader.strict().read(text, source);
    if (lintErrors.isEmpty()) {
      collect(read, problems, new ArrayList<>());
    }
    List<Workflow> workflows = new ArrayList<>();
    ParsedDocument workflowDocument = null;
    boolean fileHasTemplates = false;
    for (ParsedDocument document : read.documents()) {
      Manifest m = document.manifest();
      if (m instanceof Workflow w) {
        workflows.add(w);
        workflowDocument = document;
      } else if (m instanceof WorkflowTemplate t) {
        wft.add(t);
        fileHasTemplates = true;
      } else if (m instanceof ClusterWorkflowTemplate t) {
        cwft.add(t);
        fileHasTemplates = true;
      } else if (TemplateSet.isConfigMap(m)) {
        configMaps.add((OtherResource) m);
      } else if (m != null) {
        problems.add(
            source
                + ":"
                + document.start().line()
                + ":"
                + document.start().column()
                + ": a "
                + m.kind()
                + " cannot be run; argo4j run runs one Workflow (with WorkflowTemplates and"
                + " ClusterWorkflowTemplates it references, and ConfigMaps holding semaphore"
                + " limits)");
      }
    }
    if (templatesDir != null) {
      readTemplates(templatesDir, wft, cwft, configMaps, problems, warnings);
    }
    if (read.documents().isEmpty() && !read.hasErrors()) {
      problems.add(source + ": no manifest found; expected a Workflow (kind: Workflow)");
    } else if (workflows.isEmpty() && !read.hasErrors()) {
      problems.add(
          source
              + ": no Workflow found (kind: Workflow); this file holds only "
              + (fileHasTemplates
                  ? "templates; store them with argo4j template create FILE (or cluster-template"
                      + " create) and run one with argo4j submit --from workflowtemplate/NAME"
                      + " --watch"
                  : "other kinds"));
    } else if (workflows.size() > 1) {
      problems.add(
          source
              + ": "
              + workflows.size()
              + " Workflows found; argo4j run runs one at a time, give each its own file");
    }
    if (!lintErrors.isEmpty()) {
      problems.addAll(0, lintErrors);
      if (workflows.size() == 1) {
        problems.addAll(
            WorkflowChecks.checkParameters(
                workflows.get(0), workflowDocument, new TemplateSet(wft, cwft), parameters));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidWorkflowException(problems);
    }
    Workflow workflow = workflows.get(0);
    TemplateSet templates = new TemplateSet(wft, cwft, configMaps);
    problems.addAll(
        WorkflowChecks.check(workflow, workflowDocument, templates, parameters, entrypoint));
    if (!problems.isEmpty()) {
      throw new InvalidWorkflowException(problems);
    }
    warnings.addAll(kubernetesOnly(workflow, source));
    return new LoadedWorkflow(workflow, templates, warnings);
  }

  /**
   * Warnings for the parts of the workflow's own templates that need Kubernetes and that the local
   * runtime leaves out, so that a step waiting for its sidecar is not a mystery.
   */
  private static List<String> kubernetesOnly(Workflow workflow, String source) {
    List<String> out = new ArrayList<>();
    if (workflow.spec() == null || workflow.spec().templates() == null) {
      return out;
    }
    for (var t : workflow.spec().templates()) {
      List<String> parts = new ArrayList<>();
      if (t.sidecars() != null && !t.sidecars().isEmpty()) {
        parts.add("sidecars");
      }
      if (t.initContainers() != null && !t.initContainers().isEmpty()) {
        parts.add("initContainers");
      }
      if (!parts.isEmpty()) {
        out.add(
            source
                + ": template "
                + t.name()
                + ": "
                + String.join(", ", parts)
                + " need Kubernetes; the local runtime runs the main container without them"
                + " (a step that waits for its sidecar waits until its deadline)");
      }
    }
    return out;
  }

  /**
   * The errors of {@code argo4j lint} for the text, as lines; its warnings go to {@code warnings}.
   * Findings that depend on the command line ({@code -p}, {@code --entrypoint}) are left to {@link
   * WorkflowChecks}, which knows them.
   */
  private static List<String> lint(
      String text,
      String source,
      Path templatesDir,
      boolean entrypointGiven,
      List<String> warnings) {
    LintReport report;
    try {
      Linter.Builder linter = Linter.builder();
      if (templatesDir != null && Files.isDirectory(templatesDir)) {
        linter.templates(templatesDir);
      }
      report = linter.build().lintText(text, source);
    } catch (RuntimeException e) {
      warnings.add(
          "lint could not check " + source + " (" + e + "); running the basic checks only");
      return List.of();
    }
    List<String> errors = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (f.rule() == Rule.ARGUMENTS
          || f.rule() == Rule.ENUM
          || (entrypointGiven && f.rule() == Rule.ENTRYPOINT)
          // worded for `argo4j lint`; WorkflowChecks says how `argo4j run` finds templates
          || f.message().contains("lint set")) {
        continue;
      }
      (f.isError() ? errors : warnings).add(format(f));
    }
    return errors;
  }

  /**
   * A lint finding as one line: {@code file:line:col: field.path: message (expected: ...) [rule]}.
   */
  public static String format(Finding f) {
    StringBuilder sb = new StringBuilder(f.source());
    if (f.line() > 0) {
      sb.append(':').append(f.line()).append(':').append(Math.max(1, f.column()));
    }
    sb.append(": ");
    if (!f.path().isEmpty()) {
      sb.append(f.path()).append(": ");
    }
    sb.append(f.message());
    if (f.expected() != null && !f.expected().isEmpty() && !f.message().contains(f.expected())) {
      sb.append(" (expected: ").append(f.expected()).append(')');
    }
    sb.append(" [").append(f.rule().id()).append(']');
    return sb.toString();
  }

  private static void readTemplates(
      Path dir,
      List<WorkflowTemplate> wft,
      List<ClusterWorkflowTemplate> cwft,
      List<OtherResource> configMaps,
      List<String> problems,
      List<String> warnings)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      problems.add("--templates " + dir + ": not a folder; give a folder of template manifests");
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
              })
              .sorted()
              .toList();
    } catch (NoSuchFileException e) {
      problems.add("--templates " + dir + ": no such folder");
      return;
    }
    for (Path file : files) {
      ReadResult read = ManifestReader.strict().read(file);
      collect(read, problems, warnings);
      for (Manifest m : read.manifests()) {
        if (m instanceof WorkflowTemplate t) {
          wft.add(t);
        } else if (m instanceof ClusterWorkflowTemplate t) {
          cwft.add(t);
        } else if (TemplateSet.isConfigMap(m)) {
          configMaps.add((OtherResource) m);
        }
      }
    }
  }

  private static void collect(ReadResult read, List<String> problems, List<String> warnings) {
    for (ModelProblem p : read.problems()) {
      String line = located(p);
      if (p.isError()) {
        problems.add(line);
      } else {
        warnings.add(line);
      }
    }
  }

  /** {@code file:line:col: path: message}, as compilers print problems. */
  static String located(ModelProblem p) {
    StringBuilder sb = new StringBuilder();
    if (p.location() != null) {
      sb.append(p.location()).append(": ");
    }
    if (!p.path().isEmpty()) {
      sb.append(p.path()).append(": ");
    }
    sb.append(p.message());
    if (p.suggestion() != null) {
      sb.append("; did you mean \"").append(p.suggestion()).append("\"?");
    }
    return sb.toString();
  }
}
