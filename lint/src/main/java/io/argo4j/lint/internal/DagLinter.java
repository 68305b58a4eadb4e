package io.argo4j.lint.internal;

import io.argo4j.expr.Depends;
import io.argo4j.expr.DependsExpression;
import io.argo4j.expr.ExprException;
import io.argo4j.lint.Rule;
import io.argo4j.model.DAGTask;
import io.argo4j.model.LifecycleHook;
import io.argo4j.model.Template;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Lints a DAG template: task names, dependencies, cycles, target, and each task's variables. */
final class DagLinter {
  private final SpecContext ctx;
  private final Calls calls;
  private final TemplateLinter templates;
  private final Reporter r;

  DagLinter(SpecContext ctx, Calls calls, TemplateLinter templates) {
    this.ctx = ctx;
    this.calls = calls;
    this.templates = templates;
    this.r = ctx.reporter();
  }

  void lint(Template t, String path, Scope templateScope) {
    String dagPath = path + ".dag";
    List<DAGTask> tasks = Nulls.list(t.dag().tasks());
    if (tasks.isEmpty()) {
      r.error(
          Rule.DAG_TASKS, dagPath, "a dag needs at least one task", "tasks: [{name, template}]");
      return;
    }
    Map<String, Integer> index = names(tasks, dagPath);
    boolean usingDepends = tasks.stream().anyMatch(k -> !Nulls.blank(k.depends()));
    Map<String, List<String>> deps = new LinkedHashMap<>();
    List<Template> callees = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      DAGTask task = tasks.get(i);
      String at = dagPath + ".tasks[" + i + "]";
      List<String> d = dependencies(task, at, usingDepends, index, tasks);
      if (task.name() != null) {
        deps.putIfAbsent(task.name(), d);
      }
      callees.add(call(task, at).orElse(null));
    }
    List<String> cycle = cycle(deps);
    if (!cycle.isEmpty()) {
      int first = index.getOrDefault(cycle.get(0), 0);
      r.error(
          Rule.DAG_CYCLE,
          dagPath + ".tasks[" + first + "]",
          "dependency cycle: " + String.join(" -> ", cycle),
          "remove one of these dependencies");
    }
    target(t.dag().target(), dagPath + ".target", index);

    Scope all = templateScope.copy();
    for (int i = 0; i < tasks.size(); i++) {
      DAGTask task = tasks.get(i);
      if (task.name() != null) {
        CallScope.addOutputs(all, "tasks." + task.name(), callees.get(i), aggregate(task), true);
      }
    }
    VariableChecker vars = new VariableChecker(r);
    vars.check(ctx.node(dagPath + ".target"), ctx.pointer(dagPath + ".target"), all, null);
    vars.check(ctx.node(path + ".outputs"), ctx.pointer(path + ".outputs"), all, null);

    for (int i = 0; i < tasks.size(); i++) {
      DAGTask task = tasks.get(i);
      String at = dagPath + ".tasks[" + i + "]";
      Scope scope = templateScope.copy();
      Set<String> ancestors = task.name() == null ? Set.of() : ancestors(task.name(), deps);
      for (String a : ancestors) {
        Integer ai = index.get(a);
        if (ai != null) {
          CallScope.addOutputs(
              scope, "tasks." + a, callees.get(ai), aggregate(tasks.get(ai)), true);
        }
      }
      if (task.name() != null) {
        boolean exit = CallScope.hasExitHook(task.onExit(), task.hooks());
        if (exit) {
          CallScope.addOutputs(scope, "tasks." + task.name(), callees.get(i), false, true);
        } else if (!Nulls.map(task.hooks()).isEmpty()) {
          scope.add("tasks." + task.name() + ".status");
        }
      }
      CallScope.loop(r, at, task.withItems(), task.withParam(), task.withSequence(), scope);
      CallScope.inlineInputs(task.inline(), scope);
      vars.check(
          ctx.node(at), ctx.pointer(at), scope, tag -> explain(tag, task, index, ancestors, t));
      if (!Nulls.blank(task.when()) && !Nulls.hasTags(task.when())) {
        Conditions.when(r, at + ".when", task.when());
      }
    }
  }

  private static boolean aggregate(DAGTask task) {
    return (task.withItems() != null && !task.withItems().isEmpty())
        || !Nulls.blank(task.withParam());
  }

  private Optional<Template> call(DAGTask task, String at) {
    Optional<Template> callee =
        calls.resolve(at, task.template(), task.templateRef(), task.inline());
    if (task.inline() != null) {
      templates.lintInline(task.inline(), at + ".inline");
    }
    ArgumentChecks.callArguments(r, at + ".arguments", task.arguments());
    callee.ifPresent(c ->
        calls.checkSupplied(
            c, task.arguments(), task.arguments() == null ? at : at + ".arguments"));
    if (!Nulls.blank(task.onExit())) {
      calls.byName(at + ".onExit", task.onExit());
    }
    for (Map.Entry<String, LifecycleHook> e : Nulls.map(task.hooks()).entrySet()) {
      String hookAt = at + ".hooks" + SpecLinter.keySegment(e.getKey());
      SpecLinter.hookExpression(r, hookAt, e.getKey(), e.getValue());
      calls.resolve(hookAt, e.getValue().template(), e.getValue().templateRef(), null);
    }
    return callee;
  }

  private Map<String, Integer> names(List<DAGTask> tasks, String dagPath) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      String name = tasks.get(i).name();
      String at = dagPath + ".tasks[" + i + "]";
      if (Nulls.blank(name)) {
        r.error(Rule.TASK_NAME, at, "task name is required", null);
        continue;
      }
      Names.fieldNameProblem(name)
          .ifPresent(p ->
              r.valueError(Rule.TASK_NAME, at + ".name", "task name \"" + name + "\" " + p, null));
      Integer first = index.putIfAbsent(name, i);
      if (first != null) {
        r.valueError(
            Rule.TASK_NAME,
            at + ".name",
            "task name \"" + name + "\" is not unique (also tasks[" + first + "])",
            "a name used once per dag");
      }
    }
    return index;
  }

  private List<String> dependencies(
      DAGTask task,
      String at,
      boolean usingDepends,
      Map<String, Integer> index,
      List<DAGTask> tasks) {
    List<String> result = new ArrayList<>();
    List<String> listed = Nulls.list(task.dependencies());
    String name = task.name();
    if (name != null
        && !name.isEmpty()
        && (usingDepends || !listed.isEmpty())
        && Character.isDigit(name.charAt(0))
        && name.charAt(0) < 128) {
      r.valueError(
          Rule.TASK_NAME,
          at + ".name",
          "task name \""
              + name
              + "\" cannot begin with a digit when the dag uses depends or"
              + " dependencies",
          "t" + name);
    }
    if (usingDepends && !listed.isEmpty()) {
      r.error(
          Rule.DAG_DEPENDENCY,
          at + ".dependencies",
          "a dag cannot use both depends and dependencies",
          "depends: \"" + String.join(" && ", listed) + "\"");
    }
    if (usingDepends && task.continueOn() != null) {
      r.error(
          Rule.DAG_DEPENDENCY,
          at + ".continueOn",
          "continueOn cannot be used in a dag that uses depends",
          "depends: \"a.Failed || a.Succeeded\" in the dependent task");
    }
    for (int i = 0; i < listed.size(); i++) {
      String dep = listed.get(i);
      if (!index.containsKey(dep)) {
        r.valueError(
            Rule.DAG_DEPENDENCY,
            at + ".dependencies[" + i + "]",
            "dependency \"" + dep + "\" is not a task of this dag",
            Nearest.describe(dep, index.keySet()));
      } else {
        result.add(dep);
      }
    }
    if (!Nulls.blank(task.depends())) {
      try {
        DependsExpression expr = Depends.compile(task.depends());
        for (String dep : expr.taskNames()) {
          if (!index.containsKey(dep)) {
            r.valueError(
                Rule.DAG_DEPENDENCY,
                at + ".depends",
                "depends names \"" + dep + "\", which is not a task of this dag",
                Nearest.describe(dep, index.keySet()));
          } else {
            result.add(dep);
          }
        }
        for (String dep : expr.itemTaskNames()) {
          Integer di = index.get(dep);
          if (di != null && !hasLoop(tasks.get(di))) {
            r.valueError(
                Rule.DAG_DEPENDENCY,
                at + ".depends",
                "depends uses .AnySucceeded or .AllFailed on \""
                    + dep
                    + "\", which has no"
                    + " withItems, withParam or withSequence",
                "\"" + dep + ".Succeeded\"");
          }
        }
      } catch (ExprException e) {
        r.valueError(Rule.EXPRESSION, at + ".depends", "invalid depends: " + e.reason(), null);
      }
    }
    return result;
  }

  private static boolean hasLoop(DAGTask t) {
    return (t.withItems() != null && !t.withItems().isEmpty())
        || !Nulls.blank(t.withParam())
        || t.withSequence() != null;
  }

  private void target(String target, String at, Map<String, Integer> index) {
    if (Nulls.blank(target)) {
      return;
    }
    for (String name : target.split(" ")) {
      if (name.isEmpty() || Names.PARAMETER.matcher(name).matches()) {
        continue;
      }
      if (!index.containsKey(name)) {
        r.valueError(
            Rule.DAG_TARGET,
            at,
            "target \"" + name + "\" is not a task of this dag",
            Nearest.describe(name, index.keySet()));
      }
    }
  }

  /** A cycle as a list of names whose last equals its first, or empty. */
  static List<String> cycle(Map<String, List<String>> deps) {
    Map<String, Integer> state = new HashMap<>();
    for (String start : deps.keySet()) {
      Deque<String> stack = new ArrayDeque<>();
      List<String> found = visit(start, deps, state, stack);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<String> visit(
      String node,
      Map<String, List<String>> deps,
      Map<String, Integer> state,
      Deque<String> stack) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return List.of();
    }
    if (s != null && s == 1) {
      List<String> path = new ArrayList<>(stack);
      java.util.Collections.reverse(path);
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
      cycle.add(node);
      return cycle;
    }
    state.put(node, 1);
    stack.push(node);
    for (String d : deps.getOrDefault(node, List.of())) {
      List<String> found = visit(d, deps, state, stack);
      if (!found.isEmpty()) {
        return found;
      }
    }
    stack.pop();
    state.put(node, 2);
    return List.of();
  }

  static Set<String> ancestors(String task, Map<String, List<String>> deps) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(deps.getOrDefault(task, List.of()));
    while (!todo.isEmpty()) {
      String d = todo.pop();
      if (!d.equals(task) && seen.add(d)) {
        todo.addAll(deps.getOrDefault(d, List.of()));
      }
    }
    return seen;
  }

  private static String explain(
      String tag, DAGTask task, Map<String, Integer> index, Set<String> ancestors, Template t) {
    if (tag.startsWith("tasks.")) {
      String rest = tag.substring("tasks.".length());
      String name = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
      if (!index.containsKey(name)) {
        return "refers to task \"" + name + "\", which is not a task of this dag";
      }
      if (name.equals(task.name())) {
        return "refers to this task's own outputs, which only its exit hooks can read";
      }
      if (!ancestors.contains(name)) {
        return "refers to task \""
            + name
            + "\", which is not a dependency of task \""
            + task.name()
            + "\" (directly or through other tasks); add it to depends or dependencies";
      }
      return "refers to an output that task \"" + name + "\"'s template does not declare";
    }
    if (tag.startsWith("steps.")) {
      return "refers to a step, but this is a dag template";
    }
    return Explain.common(tag, t);
  }
}
