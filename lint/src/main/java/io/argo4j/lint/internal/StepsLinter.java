package io.argo4j.lint.internal;

import io.argo4j.lint.Rule;
import io.argo4j.model.LifecycleHook;
import io.argo4j.model.Template;
import io.argo4j.model.WorkflowStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lints a steps template: step names, calls, loops, and what each step's variables can see. */
final class StepsLinter {
  private final SpecContext ctx;
  private final Calls calls;
  private final TemplateLinter templates;
  private final Reporter r;

  StepsLinter(SpecContext ctx, Calls calls, TemplateLinter templates) {
    this.ctx = ctx;
    this.calls = calls;
    this.templates = templates;
    this.r = ctx.reporter();
  }

  void lint(Template t, String path, Scope templateScope) {
    List<List<WorkflowStep>> groups = t.steps();
    Map<String, Integer> groupOf = names(groups, path);
    Scope scope = templateScope.copy();
    VariableChecker vars = new VariableChecker(r);
    for (int g = 0; g < groups.size(); g++) {
      List<WorkflowStep> group = groups.get(g);
      List<Template> callees = new ArrayList<>();
      for (int j = 0; j < group.size(); j++) {
        WorkflowStep step = group.get(j);
        String at = path + ".steps[" + g + "][" + j + "]";
        Template callee = call(step, at).orElse(null);
        callees.add(callee);
        Scope stepScope = scope.copy();
        if (step.name() != null) {
          stepScope.add("steps." + step.name() + ".status");
          if (CallScope.hasExitHook(step.onExit(), step.hooks())) {
            CallScope.addOutputs(stepScope, "steps." + step.name(), callee, false, true);
          }
        }
        CallScope.loop(r, at, step.withItems(), step.withParam(), step.withSequence(), stepScope);
        CallScope.inlineInputs(step.inline(), stepScope);
        int group0 = g;
        vars.check(
            ctx.node(at),
            ctx.pointer(at),
            stepScope,
            tag -> explain(tag, step, group0, groupOf, t));
        when(step.when(), at + ".when");
      }
      for (int j = 0; j < group.size(); j++) {
        WorkflowStep step = group.get(j);
        if (step.name() != null) {
          boolean aggregate =
              (step.withItems() != null && !step.withItems().isEmpty())
                  || !Nulls.blank(step.withParam());
          CallScope.addOutputs(scope, "steps." + step.name(), callees.get(j), aggregate, true);
        }
      }
    }
    vars.check(ctx.node(path + ".outputs"), ctx.pointer(path + ".outputs"), scope, null);
  }

  private Optional<Template> call(WorkflowStep step, String at) {
    Optional<Template> callee =
        calls.resolve(at, step.template(), step.templateRef(), step.inline());
    if (step.inline() != null) {
      templates.lintInline(step.inline(), at + ".inline");
    }
    ArgumentChecks.callArguments(r, at + ".arguments", step.arguments());
    callee.ifPresent(c ->
        calls.checkSupplied(
            c, step.arguments(), step.arguments() == null ? at : at + ".arguments"));
    if (!Nulls.blank(step.onExit())) {
      calls.byName(at + ".onExit", step.onExit());
    }
    for (Map.Entry<String, LifecycleHook> e : Nulls.map(step.hooks()).entrySet()) {
      String hookAt = at + ".hooks" + SpecLinter.keySegment(e.getKey());
      SpecLinter.hookExpression(r, hookAt, e.getKey(), e.getValue());
      calls.resolve(hookAt, e.getValue().template(), e.getValue().templateRef(), null);
    }
    return callee;
  }

  private void when(String when, String at) {
    if (!Nulls.blank(when) && !Nulls.hasTags(when)) {
      Conditions.when(r, at, when);
    }
  }

  private Map<String, Integer> names(List<List<WorkflowStep>> groups, String path) {
    Map<String, Integer> groupOf = new HashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      for (int j = 0; j < groups.get(g).size(); j++) {
        String name = groups.get(g).get(j).name();
        String at = path + ".steps[" + g + "][" + j + "]";
        if (Nulls.blank(name)) {
          r.error(Rule.STEP_NAME, at, "step name is required", null);
          continue;
        }
        Names.fieldNameProblem(name)
            .ifPresent(p ->
                r.valueError(
                    Rule.STEP_NAME, at + ".name", "step name \"" + name + "\" " + p, null));
        if (groupOf.putIfAbsent(name, g) != null) {
          r.valueError(
              Rule.STEP_NAME,
              at + ".name",
              "step name \"" + name + "\" is not unique in this template",
              "a name used once per template");
        }
      }
    }
    return groupOf;
  }

  private static String explain(
      String tag, WorkflowStep step, int group, Map<String, Integer> groupOf, Template t) {
    if (tag.startsWith("steps.")) {
      String rest = tag.substring("steps.".length());
      String name = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
      Integer g = groupOf.get(name);
      if (g == null) {
        return "refers to step \"" + name + "\", which is not a step of this template";
      }
      if (name.equals(step.name())) {
        return "refers to this step's own outputs, which only its exit hooks can read";
      }
      if (g >= group) {
        return "refers to step \""
            + name
            + "\", which runs in "
            + (g == group ? "the same" : "a later")
            + " group; only steps of earlier groups can be referred to";
      }
      return "refers to an output that step \"" + name + "\"'s template does not declare";
    }
    if (tag.startsWith("tasks.")) {
      return "refers to a DAG task, but this is a steps template";
    }
    return Explain.common(tag, t);
  }
}
