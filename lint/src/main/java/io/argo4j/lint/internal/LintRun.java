package io.argo4j.lint.internal;

import io.argo4j.lint.Finding;
import io.argo4j.lint.LintReport;
import io.argo4j.lint.LintSource;
import io.argo4j.lint.Rule;
import io.argo4j.lint.Skipped;
import io.argo4j.model.ArgoKind;
import io.argo4j.model.ArgoResource;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.CronWorkflow;
import io.argo4j.model.Manifest;
import io.argo4j.model.OtherResource;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowEventBinding;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.model.WorkflowTemplateRef;
import io.argo4j.model.io.ManifestReader;
import io.argo4j.model.io.ModelProblem;
import io.argo4j.model.io.ParsedDocument;
import io.argo4j.model.io.ReadResult;
import io.argo4j.model.io.Severity;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One lint of a set of sources. */
public final class LintRun {
  private static final int MAX_NAME = 63;
  private static final int MAX_CRON_NAME = 52;

  private final boolean strict;
  private final Set<ArgoKind> kinds;
  private final List<Path> templateDirs;

  /**
   * A run that checks documents of {@code kinds}, resolving templateRefs also in {@code
   * templateDirs}.
   */
  public LintRun(boolean strict, Set<ArgoKind> kinds, List<Path> templateDirs) {
    this.strict = strict;
    this.kinds = Set.copyOf(kinds);
    this.templateDirs = List.copyOf(templateDirs);
  }

  /** Lints the sources together: templateRefs may name templates in any of them. */
  public LintReport run(List<LintSource> sources) {
    ManifestReader reader = strict ? ManifestReader.strict() : ManifestReader.lenient();
    List<Finding> findings = new ArrayList<>();
    List<ReadResult> results = Sources.read(sources, reader, findings);
    TemplateIndex index = new TemplateIndex();
    for (ReadResult result : results) {
      result.manifests().forEach(index::add);
    }
    List<Finding> ignored = new ArrayList<>();
    for (Path dir : templateDirs) {
      List<LintSource> extra = List.of(LintSource.of(dir));
      for (ReadResult result : Sources.read(extra, ManifestReader.lenient(), ignored)) {
        result.manifests().forEach(index::add);
      }
    }
    findings.addAll(ignored.stream().filter(Finding::isError).toList());

    List<Skipped> skipped = new ArrayList<>();
    int documents = 0;
    for (ReadResult result : results) {
      String source = result.source();
      for (ModelProblem p : result.problems()) {
        findings.add(ModelFindings.of(source, p));
      }
      if (result.documents().isEmpty() && result.problems().isEmpty()) {
        findings.add(
            new Finding(
                source, 0, 0, "", Rule.IO, Severity.WARNING, "no manifests in this file", null));
      }
      for (ParsedDocument doc : result.documents()) {
        Manifest m = doc.manifest();
        int line = doc.start() == null ? 0 : doc.start().line();
        if (m == null) {
          continue;
        }
        if (m instanceof OtherResource other) {
          skipped.add(
              new Skipped(
                  source,
                  line,
                  other.kind(),
                  name(other.metadata()),
                  "not an Argo kind (" + other.apiVersion() + ")"));
          continue;
        }
        ArgoKind kind = ArgoKind.fromKind(m.kind()).orElse(null);
        if (kind == null || !kinds.contains(kind)) {
          skipped.add(
              new Skipped(source, line, m.kind(), name(m.metadata()), "not selected by --kinds"));
          continue;
        }
        documents++;
        Reporter reporter = new Reporter(source, doc.sourceMap(), findings);
        try {
          lint(reporter, doc, (ArgoResource) m, index);
        } catch (RuntimeException e) {
          findings.add(
              new Finding(
                  source,
                  line,
                  1,
                  "",
                  Rule.SCHEMA,
                  Severity.ERROR,
                  "internal error while linting this document (please report it): " + e,
                  null));
        }
      }
    }
    return new LintReport(sorted(findings), skipped, results.size(), documents);
  }

  private static String name(ObjectMeta meta) {
    if (meta == null) {
      return null;
    }
    return meta.getName() != null ? meta.getName() : meta.getGenerateName();
  }

  private static void lint(Reporter r, ParsedDocument doc, ArgoResource m, TemplateIndex index) {
    switch (m) {
      case Workflow wf -> {
        MetadataLinter.lint(r, wf.metadata(), wf.kind(), MAX_NAME);
        spec(
            r,
            doc,
            "spec",
            wf.spec(),
            SpecLinter.Mode.WORKFLOW,
            wf.kind(),
            index,
            wf.metadata(),
            null);
      }
      case WorkflowTemplate wt -> {
        MetadataLinter.lint(r, wt.metadata(), wt.kind(), MAX_NAME);
        spec(
            r,
            doc,
            "spec",
            wt.spec(),
            SpecLinter.Mode.TEMPLATE,
            wt.kind(),
            index,
            wt.metadata(),
            null);
      }
      case ClusterWorkflowTemplate cwt -> {
        MetadataLinter.lint(r, cwt.metadata(), cwt.kind(), MAX_NAME);
        spec(
            r,
            doc,
            "spec",
            cwt.spec(),
            SpecLinter.Mode.TEMPLATE,
            cwt.kind(),
            index,
            cwt.metadata(),
            null);
      }
      case CronWorkflow cron -> {
        MetadataLinter.lint(r, cron.metadata(), cron.kind(), MAX_CRON_NAME);
        if (cron.spec() == null) {
          r.error(Rule.SCHEMA, "spec", "a CronWorkflow needs a spec", null);
          return;
        }
        CronLinter.lint(r, cron.spec());
        if (cron.spec().workflowSpec() == null) {
          r.error(Rule.SCHEMA, "spec", "a CronWorkflow needs spec.workflowSpec", null);
          return;
        }
        spec(
            r,
            doc,
            "spec.workflowSpec",
            cron.spec().workflowSpec(),
            SpecLinter.Mode.WORKFLOW,
            cron.kind(),
            index,
            cron.metadata(),
            cron.spec().workflowMetadata());
      }
      case WorkflowEventBinding binding -> eventBinding(r, binding, index);
      default -> {}
    }
  }

  private static void spec(
      Reporter r,
      ParsedDocument doc,
      String path,
      WorkflowSpec spec,
      SpecLinter.Mode mode,
      String kind,
      TemplateIndex index,
      ObjectMeta meta,
      ObjectMeta extra) {
    if (spec == null) {
      r.error(Rule.SCHEMA, path.contains(".") ? path : "", "a " + kind + " needs a spec", null);
      return;
    }
    List<String> labels = new ArrayList<>();
    List<String> annotations = new ArrayList<>();
    for (ObjectMeta m : new ObjectMeta[] {meta, extra}) {
      if (m != null) {
        if (m.getLabels() != null) {
          labels.addAll(m.getLabels().keySet());
        }
        if (m.getAnnotations() != null) {
          annotations.addAll(m.getAnnotations().keySet());
        }
      }
    }
    SpecLinter.lint(r, doc.tree(), path, spec, mode, kind, index, labels, annotations);
  }

  private static void eventBinding(Reporter r, WorkflowEventBinding binding, TemplateIndex index) {
    if (binding.spec() == null) {
      return;
    }
    if (binding.spec().event() != null && !Nulls.blank(binding.spec().event().selector())) {
      SpecLinter.compileExpr(r, "spec.event.selector", binding.spec().event().selector());
    }
    if (binding.spec().submit() == null || binding.spec().submit().workflowTemplateRef() == null) {
      return;
    }
    WorkflowTemplateRef ref = binding.spec().submit().workflowTemplateRef();
    if (Nulls.blank(ref.name()) || Nulls.hasTags(ref.name())) {
      return;
    }
    boolean cluster = Boolean.TRUE.equals(ref.clusterScope());
    if (index.find(ref.name(), cluster).isEmpty()) {
      r.valueError(
          Rule.WORKFLOW_TEMPLATE_REF,
          "spec.submit.workflowTemplateRef.name",
          TemplateIndex.kind(cluster)
              + " \""
              + ref.name()
              + "\" is not in the lint set; lint it together with this file or pass --templates DIR",
          Nearest.describe(ref.name(), index.names(cluster)));
    }
  }

  private static List<Finding> sorted(List<Finding> findings) {
    Map<String, Integer> order = new HashMap<>();
    for (Finding f : findings) {
      order.putIfAbsent(f.source(), order.size());
    }
    return findings.stream()
        .sorted(
            Comparator.comparing((Finding f) -> order.get(f.source()))
                .thenComparingInt(f -> f.line() == 0 ? Integer.MAX_VALUE : f.line())
                .thenComparingInt(Finding::column)
                .thenComparing(Finding::path)
                .thenComparing(f -> f.rule().id()))
        .toList();
  }
}
