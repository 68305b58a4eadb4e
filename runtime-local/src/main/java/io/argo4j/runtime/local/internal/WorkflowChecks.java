package io.argo4j.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.expr.Depends;
import io.argo4j.expr.ExprException;
import io.argo4j.expr.TemplateString;
import io.argo4j.model.DAGTask;
import io.argo4j.model.LifecycleHook;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.argo4j.model.TemplateRef;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowStep;
import io.argo4j.model.io.ParsedDocument;
import io.argo4j.model.io.SourceLocation;
import io.argo4j.model.io.SourceMap;
import io.argo4j.runtime.local.TemplateSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks {@code argo4j run} makes before it starts a workflow, so that mistakes are reported
 * with their place in the file instead of failing the run later: the entrypoint, parameters without
 * a value, references to templates that do not exist, and expressions that do not parse. Each
 * problem is one line: {@code file:line:col: field.path: what is wrong; what would be valid}.
 */
public final class WorkflowChecks {

  private final Workflow workflow;
  private final SourceMap sourceMap;
  private final TemplateSet templates;
  private final List<String> problems = new ArrayList<>();

  private WorkflowChecks(Workflow workflow, SourceMap sourceMap, TemplateSet templates) {
    this.workflow = workflow;
    this.sourceMap = sourceMap;
    this.templates = templates;
  }

  /** Every problem found in {@code workflow}; empty when it may run. */
  public static List<String> check(
      Workflow workflow,
      ParsedDocument document,
      TemplateSet templates,
      Map<String, String> parameters,
      String entrypoint) {
    SourceMap map = document == null ? SourceMap.empty("<workflow>") : document.sourceMap();
    WorkflowChecks checks = new WorkflowChecks(workflow, map, templates);
    checks.run(parameters, entrypoint);
    if (document != null) {
      checks.expressions(document.tree().get("spec"), "spec");
    }
    return checks.problems;
  }

  /**
   * Only the checks that depend on the command line: parameters without a value that {@code -p}
   * does not give, and values outside their enum.
   */
  public static List<String> checkParameters(
      Workflow workflow,
      ParsedDocument document,
      TemplateSet templates,
      Map<String, String> given) {
    SourceMap map = document == null ? SourceMap.empty("<workflow>") : document.sourceMap();
    WorkflowChecks checks = new WorkflowChecks(workflow, map, templates);
    WorkflowSpec spec = workflow.spec();
    if (spec != null) {
      checks.requiredParameters(spec, given, "spec.arguments.parameters");
    }
    return checks.problems;
  }

  private void run(Map<String, String> parameters, String entrypointOverride) {
    WorkflowSpec spec = workflow.spec();
    if (spec == null) {
      problem("spec", "missing; a Workflow needs a spec with an entrypoint and templates");
      return;
    }
    WorkflowSpec referenced = null;
    if (spec.workflowTemplateRef() != null) {
      referenced = referencedSpec(spec);
      if (referenced == null) {
        return;
      }
    }
    List<Template> all = new ArrayList<>(nonNull(spec.templates()));
    if (referenced != null) {
      all.addAll(nonNull(referenced.templates()));
    }
    Set<String> names = new TreeSet<>();
    all.forEach(t -> names.add(t.name()));

    String entrypoint =
        entrypointOverride != null
            ? entrypointOverride
            : spec.entrypoint() != null
                ? spec.entrypoint()
                : referenced == null ? null : referenced.entrypoint();
    if (entrypoint == null || entrypoint.isBlank()) {
      problem(
          "spec.entrypoint",
          "missing; name the template to start with (templates: " + String.join(", ", names) + ")");
    } else if (!names.contains(entrypoint)) {
      String what =
          "no template named \"" + entrypoint + "\"; templates: " + String.join(", ", names);
      if (entrypointOverride != null) {
        problems.add("--entrypoint " + entrypointOverride + ": " + what);
      } else {
        problem("spec.entrypoint", what);
      }
    }

    requiredParameters(spec, parameters, "spec.arguments.parameters");
    if (referenced != null) {
      requiredParameters(referenced, parameters, "workflowTemplateRef's spec.arguments.parameters");
    }

    if (spec.onExit() != null && !names.contains(spec.onExit())) {
      problem("spec.onExit", "no template named \"" + spec.onExit() + "\"" + valid(names));
    }
    hooks(spec.hooks(), "spec.hooks", names);
    List<Template> own = nonNull(spec.templates());
    for (int i = 0; i < own.size(); i++) {
      template(own.get(i), "spec.templates[" + i + "]", names);
    }
  }

  private WorkflowSpec referencedSpec(WorkflowSpec spec) {
    String name = spec.workflowTemplateRef().name();
    boolean cluster = Boolean.TRUE.equals(spec.workflowTemplateRef().clusterScope());
    Optional<WorkflowSpec> found =
        cluster
            ? templates.clusterTemplates().stream()
                .filter(t -> t.metadata().getName().equals(name))
                .map(t -> t.spec())
                .findFirst()
            : templates.workflowTemplates().stream()
                .filter(t -> t.metadata().getName().equals(name))
                .map(t -> t.spec())
                .findFirst();
    if (found.isEmpty()) {
      problem(
          "spec.workflowTemplateRef.name",
          "no "
              + (cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate")
              + " named \""
              + name
              + "\"; "
              + whereTemplatesComeFrom(cluster));
      return null;
    }
    return found.get();
  }

  private void requiredParameters(WorkflowSpec spec, Map<String, String> given, String path) {
    if (spec.arguments() == null) {
      return;
    }
    List<Parameter> params = nonNull(spec.arguments().parameters());
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      if (p.value() == null && p.valueFrom() == null && !given.containsKey(p.name())) {
        problem(
            path + "[" + i + "]",
            "parameter \""
                + p.name()
                + "\" has no value; give one with -p "
                + p.name()
                + "=VALUE (or --parameter-file), or set its value in the manifest");
      } else if (p.enumValues() != null && !p.enumValues().isEmpty()) {
        String value = given.getOrDefault(p.name(), p.value());
        if (value != null && !p.enumValues().contains(value)) {
          problem(
              path + "[" + i + "]",
              "parameter \""
                  + p.name()
                  + "\" is \""
                  + value
                  + "\", which is not one of its enum values: "
                  + String.join(", ", p.enumValues()));
        }
      }
    }
  }

  private void template(Template t, String path, Set<String> names) {
    List<List<WorkflowStep>> steps = nonNull(t.steps());
    for (int g = 0; g < steps.size(); g++) {
      List<WorkflowStep> group = nonNull(steps.get(g));
      for (int s = 0; s < group.size(); s++) {
        WorkflowStep step = group.get(s);
        String at = path + ".steps[" + g + "][" + s + "]";
        reference(step.template(), step.templateRef(), step.inline() != null, at, names);
        if (step.onExit() != null && !names.contains(step.onExit())) {
          problem(at + ".onExit", "no template named \"" + step.onExit() + "\"" + valid(names));
        }
        hooks(step.hooks(), at + ".hooks", names);
      }
    }
    if (t.dag() != null) {
      List<DAGTask> tasks = nonNull(t.dag().tasks());
      Set<String> taskNames = new TreeSet<>();
      tasks.forEach(task -> taskNames.add(task.name()));
      for (int k = 0; k < tasks.size(); k++) {
        DAGTask task = tasks.get(k);
        String at = path + ".dag.tasks[" + k + "]";
        reference(task.template(), task.templateRef(), task.inline() != null, at, names);
        List<String> deps = nonNull(task.dependencies());
        for (int d = 0; d < deps.size(); d++) {
          if (!taskNames.contains(deps.get(d))) {
            problem(
                at + ".dependencies[" + d + "]",
                "no task named \""
                    + deps.get(d)
                    + "\" in this DAG; tasks: "
                    + String.join(", ", taskNames));
          }
        }
        if (task.depends() != null) {
          try {
            Depends.compile(task.depends());
          } catch (ExprException e) {
            problem(at + ".depends", "cannot parse: " + e.getMessage());
          }
        }
      }
    }
  }

  private void hooks(Map<String, LifecycleHook> hooks, String path, Set<String> names) {
    if (hooks == null) {
      return;
    }
    hooks.forEach((name, hook) ->
        reference(hook.template(), hook.templateRef(), false, path + "." + name, names));
  }

  private void reference(
      String template, TemplateRef ref, boolean inline, String at, Set<String> names) {
    if (inline) {
      return;
    }
    if (ref != null) {
      templateRef(ref, at + ".templateRef");
      return;
    }
    if (template == null) {
      problem(at, "names no template; give template, templateRef or inline");
    } else if (!names.contains(template)) {
      problem(at + ".template", "no template named \"" + template + "\"" + valid(names));
    }
  }

  private void templateRef(TemplateRef ref, String at) {
    boolean cluster = Boolean.TRUE.equals(ref.clusterScope());
    Optional<WorkflowSpec> spec =
        cluster
            ? templates.clusterTemplates().stream()
                .filter(t -> t.metadata().getName().equals(ref.name()))
                .map(t -> t.spec())
                .findFirst()
            : templates.workflowTemplates().stream()
                .filter(t -> t.metadata().getName().equals(ref.name()))
                .map(t -> t.spec())
                .findFirst();
    if (spec.isEmpty()) {
      problem(
          at + ".name",
          "no "
              + (cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate")
              + " named \""
              + ref.name()
              + "\"; "
              + whereTemplatesComeFrom(cluster));
      return;
    }
    if (spec.get().template(ref.template()).isEmpty()) {
      Set<String> names = new TreeSet<>();
      nonNull(spec.get().templates()).forEach(t -> names.add(t.name()));
      problem(
          at + ".template",
          "the template \""
              + ref.name()
              + "\" has no template named \""
              + ref.template()
              + "\""
              + valid(names));
    }
  }

  /** Parses every {@code {{...}}} of the spec, as Argo does when it substitutes them. */
  private void expressions(JsonNode node, String path) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (text.contains("{{")) {
        try {
          TemplateString.parse(text);
        } catch (ExprException e) {
          problem(path, "cannot parse this expression: " + e.getMessage());
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        expressions(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String key = e.getKey();
        String child =
            key.matches("[A-Za-z_][A-Za-z0-9_-]*") ? path + "." + key : path + "[\"" + key + "\"]";
        expressions(e.getValue(), child);
      }
    }
  }

  private void problem(String path, String message) {
    Optional<SourceLocation> where = sourceMap.locate(path);
    problems.add(
        where.map(l -> l + ": ").orElse(sourceMap.source() + ": ") + path + ": " + message);
  }

  private static String valid(Set<String> names) {
    return names.isEmpty() ? "" : "; templates: " + String.join(", ", names);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String whereTemplatesComeFrom(boolean cluster) {
    return "put it in the same file, in a folder given with --templates DIR, or in the store with"
        + " argo4j "
        + (cluster ? "cluster-template" : "template")
        + " create FILE";
  }
}
