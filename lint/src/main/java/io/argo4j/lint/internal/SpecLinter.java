package io.argo4j.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.expr.ExprException;
import io.argo4j.expr.ExprLang;
import io.argo4j.lint.Rule;
import io.argo4j.model.Arguments;
import io.argo4j.model.Artifact;
import io.argo4j.model.LifecycleHook;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowStep;
import io.argo4j.model.WorkflowTemplateRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Lints one workflow spec: entrypoint, onExit, hooks, arguments, then every template. */
public final class SpecLinter {
  /** How the spec is validated, as Argo does for each kind. */
  public enum Mode {
    /** A Workflow or a CronWorkflow's workflowSpec: entrypoint required, arguments are real. */
    WORKFLOW,
    /** A (Cluster)WorkflowTemplate: entrypoint optional, arguments come from the Workflow. */
    TEMPLATE
  }

  private SpecLinter() {}

  /**
   * Lints {@code spec}, found at field path {@code path} of document {@code tree}.
   *
   * @param labels the label keys {@code workflow.labels.*} may name
   * @param annotations the annotation keys {@code workflow.annotations.*} may name
   */
  public static void lint(
      Reporter reporter,
      JsonNode tree,
      String path,
      WorkflowSpec spec,
      Mode mode,
      String kindName,
      TemplateIndex index,
      List<String> labels,
      List<String> annotations) {
    if (spec == null) {
      return;
    }
    WorkflowSpec source = spec;
    WorkflowSpec referenced = null;
    WorkflowTemplateRef wtRef = spec.workflowTemplateRef();
    if (wtRef != null) {
      referenced = workflowTemplateRef(reporter, path, spec, wtRef, index).orElse(null);
      source = referenced;
    }
    Scope globals = globals(spec, referenced, mode, labels, annotations);
    SpecContext ctx =
        new SpecContext(
            reporter, tree, path, spec, source, mode == Mode.TEMPLATE, kindName, index, globals);
    Calls calls = new Calls(ctx);
    boolean unresolvedRef = wtRef != null && referenced == null;

    Arguments args = mergedArguments(spec, referenced);
    ArgumentChecks.workflowArguments(reporter, path + ".arguments", spec.arguments());

    String entrypoint = spec.entrypoint();
    if (Nulls.blank(entrypoint) && referenced != null) {
      entrypoint = referenced.entrypoint();
    }
    if (Nulls.blank(entrypoint)) {
      if (mode == Mode.WORKFLOW && !unresolvedRef) {
        reporter.error(
            Rule.ENTRYPOINT,
            path + ".entrypoint",
            "spec.entrypoint is required: name the template the workflow starts with",
            Nearest.describe(null, ctx.localNames()));
      }
    } else if (!unresolvedRef) {
      String at =
          Nulls.blank(spec.entrypoint()) ? path + ".workflowTemplateRef" : path + ".entrypoint";
      Optional<Template> entry = calls.byName(at, entrypoint);
      if (entry.isPresent() && mode == Mode.WORKFLOW) {
        calls.checkSupplied(entry.get(), args, path + ".arguments");
      }
    }

    if (!Nulls.blank(spec.onExit()) && !unresolvedRef) {
      Optional<Template> exit = calls.byName(path + ".onExit", spec.onExit());
      if (exit.isPresent() && mode == Mode.WORKFLOW) {
        calls.checkSupplied(exit.get(), args, path + ".arguments");
      }
    }
    if (!unresolvedRef) {
      hooks(ctx, calls, path + ".hooks", spec.hooks());
    }

    templateNames(reporter, path, spec.templates());
    List<Template> templates = Nulls.list(spec.templates());
    TemplateLinter linter = new TemplateLinter(ctx, calls);
    for (int i = 0; i < templates.size(); i++) {
      linter.lint(templates.get(i), path + ".templates[" + i + "]");
    }
  }

  private static Optional<WorkflowSpec> workflowTemplateRef(
      Reporter reporter,
      String path,
      WorkflowSpec spec,
      WorkflowTemplateRef ref,
      TemplateIndex index) {
    String at = path + ".workflowTemplateRef";
    if (!Nulls.list(spec.templates()).isEmpty()) {
      reporter.error(
          Rule.WORKFLOW_TEMPLATE_REF,
          path + ".templates",
          "spec.templates must be empty when spec.workflowTemplateRef is set: the templates come"
              + " from the referenced template",
          null);
    }
    if (Nulls.blank(ref.name())) {
      reporter.error(Rule.WORKFLOW_TEMPLATE_REF, at, "workflowTemplateRef.name is required", null);
      return Optional.empty();
    }
    if (Nulls.hasTags(ref.name())) {
      return Optional.empty();
    }
    boolean cluster = Boolean.TRUE.equals(ref.clusterScope());
    Optional<WorkflowSpec> found = index.find(ref.name(), cluster);
    if (found.isEmpty()) {
      reporter.valueError(
          Rule.WORKFLOW_TEMPLATE_REF,
          at + ".name",
          TemplateIndex.kind(cluster)
              + " \""
              + ref.name()
              + "\" is not in the lint set; lint it together with this file or pass --templates"
              + " DIR",
          Nearest.describe(ref.name(), index.names(cluster)));
    }
    return found;
  }

  private static void hooks(
      SpecContext ctx, Calls calls, String path, Map<String, LifecycleHook> hooks) {
    for (Map.Entry<String, LifecycleHook> e : Nulls.map(hooks).entrySet()) {
      String at = path + keySegment(e.getKey());
      LifecycleHook hook = e.getValue();
      hookExpression(ctx.reporter(), at, e.getKey(), hook);
      calls.resolve(at, hook.template(), hook.templateRef(), null);
    }
  }

  /** Checks a hook's expression: required unless the hook is "exit", and must parse. */
  static void hookExpression(Reporter reporter, String at, String name, LifecycleHook hook) {
    String expression = hook.expression();
    if (Nulls.blank(expression)) {
      if (!"exit".equals(name)) {
        reporter.error(
            Rule.HOOK,
            at,
            "hook \"" + name + "\" has no expression; only the \"exit\" hook runs without one",
            "expression: <condition>, e.g. workflow.status == \"Running\"");
      }
      return;
    }
    if (!Nulls.hasTags(expression)) {
      compileExpr(reporter, at + ".expression", expression);
    }
  }

  static void compileExpr(Reporter reporter, String at, String expression) {
    try {
      ExprLang.compile(expression);
    } catch (ExprException e) {
      reporter.valueError(Rule.EXPRESSION, at, "invalid expression: " + e.reason(), null);
    }
  }

  static String keySegment(String key) {
    StringBuilder sb = new StringBuilder();
    io.argo4j.model.io.FieldPath.appendKey(sb, key);
    String s = sb.toString();
    return s.startsWith("[") ? s : "." + s;
  }

  private static void templateNames(Reporter reporter, String path, List<Template> templates) {
    Map<String, Integer> seen = new HashMap<>();
    List<Template> list = Nulls.list(templates);
    for (int i = 0; i < list.size(); i++) {
      String at = path + ".templates[" + i + "].name";
      String name = list.get(i).name();
      if (Nulls.blank(name)) {
        reporter.error(
            Rule.TEMPLATE_NAME, path + ".templates[" + i + "]", "template name is required", null);
        continue;
      }
      Optional<String> problem = Names.fieldNameProblem(name);
      if (problem.isPresent()) {
        reporter.valueError(
            Rule.TEMPLATE_NAME, at, "template name \"" + name + "\" " + problem.get(), null);
      }
      Integer first = seen.putIfAbsent(name, i);
      if (first != null) {
        reporter.valueError(
            Rule.TEMPLATE_NAME,
            at,
            "template name \"" + name + "\" is not unique (also spec.templates[" + first + "])",
            "a name used once");
      }
    }
  }

  private static Arguments mergedArguments(WorkflowSpec spec, WorkflowSpec referenced) {
    List<Parameter> params = new ArrayList<>();
    List<Artifact> artifacts = new ArrayList<>();
    Consumer<Arguments> add =
        a -> {
          if (a != null) {
            params.addAll(Nulls.list(a.parameters()));
            artifacts.addAll(Nulls.list(a.artifacts()));
          }
        };
    add.accept(spec.arguments());
    if (referenced != null) {
      add.accept(referenced.arguments());
    }
    return new Arguments(params, artifacts);
  }

  private static Scope globals(
      WorkflowSpec spec,
      WorkflowSpec referenced,
      Mode mode,
      List<String> labels,
      List<String> annotations) {
    Scope s = new Scope();
    for (String g :
        List.of(
            "workflow.name",
            "workflow.namespace",
            "workflow.mainEntrypoint",
            "workflow.serviceAccountName",
            "workflow.uid",
            "workflow.status",
            "workflow.failures",
            "workflow.annotations",
            "workflow.annotations.json",
            "workflow.labels",
            "workflow.labels.json")) {
      s.add(g);
    }
    List<WorkflowSpec> specs = new ArrayList<>();
    specs.add(spec);
    if (referenced != null) {
      specs.add(referenced);
    }
    for (String k : labels) {
      s.add("workflow.labels." + k);
    }
    for (String k : annotations) {
      s.add("workflow.annotations." + k);
    }
    for (WorkflowSpec sp : specs) {
      if (sp.arguments() != null && !Nulls.list(sp.arguments().parameters()).isEmpty()) {
        s.add("workflow.parameters").add("workflow.parameters.json");
        for (Parameter p : sp.arguments().parameters()) {
          if (p.name() != null) {
            s.add("workflow.parameters." + p.name());
          }
        }
      }
      if (sp.priority() != null) {
        s.add("workflow.priority");
      }
      if (sp.workflowMetadata() != null) {
        Nulls.map(sp.workflowMetadata().labels())
            .keySet()
            .forEach(k -> s.add("workflow.labels." + k));
        Nulls.map(sp.workflowMetadata().labelsFrom())
            .keySet()
            .forEach(k -> s.add("workflow.labels." + k));
        Nulls.map(sp.workflowMetadata().annotations())
            .keySet()
            .forEach(k -> s.add("workflow.annotations." + k));
      }
      for (Template t : Nulls.list(sp.templates())) {
        globalOutputs(t, s);
      }
    }
    if (mode == Mode.TEMPLATE) {
      s.addPrefix("workflow.parameters");
    }
    return s;
  }

  private static void globalOutputs(Template t, Scope s) {
    if (t.outputs() != null) {
      for (Parameter p : Nulls.list(t.outputs().parameters())) {
        globalName(p.globalName(), "workflow.outputs.parameters.", s);
      }
      for (Artifact a : Nulls.list(t.outputs().artifacts())) {
        globalName(a.globalName(), "workflow.outputs.artifacts.", s);
      }
    }
    for (List<WorkflowStep> group : Nulls.list(t.steps())) {
      for (WorkflowStep step : group) {
        if (step.inline() != null) {
          globalOutputs(step.inline(), s);
        }
      }
    }
    if (t.dag() != null) {
      for (var task : Nulls.list(t.dag().tasks())) {
        if (task.inline() != null) {
          globalOutputs(task.inline(), s);
        }
      }
    }
  }

  private static void globalName(String name, String prefix, Scope s) {
    if (Nulls.blank(name)) {
      return;
    }
    if (Names.PARAMETER.matcher(name).find()) {
      s.addPrefix(prefix);
    } else {
      s.add(prefix + name);
    }
  }
}
