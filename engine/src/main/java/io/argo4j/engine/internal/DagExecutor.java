package io.argo4j.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.expr.Depends;
import io.argo4j.expr.DependsExpression;
import io.argo4j.expr.ExprException;
import io.argo4j.expr.TaskResult;
import io.argo4j.model.DAGTask;
import io.argo4j.model.LifecycleHook;
import io.argo4j.model.NodeFlag;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import io.argo4j.model.Template;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argo's executeDAG: tasks run once their {@code depends} (or legacy {@code dependencies}) logic
 * holds over their dependencies' results; a task whose logic is false is Omitted. The DAG's phase
 * follows its target tasks (by default the tasks nothing depends on), with {@code failFast}.
 */
final class DagExecutor {
  private final Operation op;
  private final TemplateExecutor executor;
  private final NodeTable nodes;
  private final LocalScopes scopes;
  private final Hooks hooks;

  DagExecutor(Operation op, TemplateExecutor executor) {
    this.op = op;
    this.executor = executor;
    this.nodes = op.nodes;
    this.scopes = new LocalScopes(op);
    this.hooks = new Hooks(op, executor);
  }

  /** The state of one DAG during one reconcile. */
  private final class Dag {
    final String boundaryName;
    final String boundaryId;
    final Template tmpl;
    final TemplateContext ctx;
    final boolean onExitTemplate;
    final Map<String, DAGTask> tasks = new LinkedHashMap<>();
    final Set<String> visited = new HashSet<>();

    /** Completed tasks whose exit handler has not finished (or could not start yet). */
    final Set<String> exitsPending = new HashSet<>();

    final Map<String, DependsExpression> logic = new HashMap<>();

    Dag(Node node, Template tmpl, TemplateContext ctx, boolean onExitTemplate) {
      this.boundaryName = node.name;
      this.boundaryId = node.id;
      this.tmpl = tmpl;
      this.ctx = ctx;
      this.onExitTemplate = onExitTemplate;
      for (DAGTask t : tmpl.dag().tasks()) {
        tasks.put(t.name(), t);
      }
    }

    final Map<String, String> texts = new HashMap<>();

    /** Every string of a task, joined: what it can reference. */
    String text(DAGTask task) {
      return texts.computeIfAbsent(
          task.name(), n -> String.join("\n", Json.strings(Json.tree(task))));
    }

    String taskNodeName(String task) {
      return boundaryName + "." + task;
    }

    Node taskNode(String task) {
      return nodes.byName(taskNodeName(task));
    }

    DAGTask task(String name) {
      DAGTask t = tasks.get(name);
      if (t == null) {
        throw new EngineException(
            "task '" + name + "' of template " + tmpl.name() + " does not exist");
      }
      return t;
    }

    /** The compiled depends logic, or null for a task without dependencies. */
    DependsExpression dependsLogic(String name) {
      if (logic.containsKey(name)) {
        return logic.get(name);
      }
      DAGTask t = task(name);
      DependsExpression compiled = null;
      try {
        if (t.depends() != null && !t.depends().isBlank()) {
          compiled = Depends.compile(t.depends(), this::continueOnOf);
        } else if (t.dependencies() != null && !t.dependencies().isEmpty()) {
          compiled =
              Depends.compile(
                  Depends.fromDependencies(t.dependencies(), this::continueOnOf),
                  n -> io.argo4j.expr.ContinueOn.NONE);
        }
      } catch (ExprException e) {
        throw new EngineException("invalid depends of task '" + name + "': " + e.getMessage());
      }
      logic.put(name, compiled);
      return compiled;
    }

    private io.argo4j.expr.ContinueOn continueOnOf(String task) {
      DAGTask t = tasks.get(task);
      if (t == null || t.continueOn() == null) {
        return io.argo4j.expr.ContinueOn.NONE;
      }
      return new io.argo4j.expr.ContinueOn(
          Boolean.TRUE.equals(t.continueOn().error()),
          Boolean.TRUE.equals(t.continueOn().failed()));
    }

    List<String> dependencies(String name) {
      DependsExpression d = dependsLogic(name);
      return d == null ? List.of() : d.taskNames();
    }

    /** Every task this one depends on, directly or not. */
    List<String> ancestry(String name) {
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      Deque<String> todo = new ArrayDeque<>(dependencies(name));
      while (!todo.isEmpty()) {
        String d = todo.pop();
        if (seen.add(d)) {
          todo.addAll(dependencies(d));
        }
      }
      return new ArrayList<>(seen);
    }
  }

  Exec execute(
      String nodeName,
      TemplateContext ctx,
      String templateScope,
      Template tmpl,
      TemplateContext.Holder holder,
      Opts opts) {
    return executor.runGroup(
        nodeName,
        NodeType.DAG,
        templateScope,
        tmpl,
        holder,
        opts,
        node -> run(node, tmpl, ctx, opts));
  }

  private Exec run(Node node, Template tmpl, TemplateContext ctx, Opts opts) {
    if (tmpl.dag().tasks() == null || tmpl.dag().tasks().isEmpty()) {
      nodes.setPhase(node, NodePhase.SUCCEEDED, null);
      return Exec.ok(node);
    }
    Dag dag = new Dag(node, tmpl, ctx, opts.onExitTemplate);
    List<String> targets = targets(dag);
    for (String t : targets) {
      dag.task(t);
    }
    boolean onExitCompleted = true;
    for (String target : targets) {
      executeTask(dag, target);
      if (dag.exitsPending.contains(target)) {
        onExitCompleted = false;
      }
    }
    NodePhase phase = assess(dag, targets);
    if (phase == NodePhase.RUNNING || !onExitCompleted) {
      return Exec.ok(node);
    }
    updateOutbound(dag, node, targets);
    if (phase == NodePhase.FAILED || phase == NodePhase.ERROR) {
      nodes.setPhase(node, phase, null);
      return Exec.ok(node);
    }
    Scope scope = new Scope(tmpl);
    for (DAGTask task : tmpl.dag().tasks()) {
      Node taskNode = dag.taskNode(task.name());
      if (taskNode == null) {
        continue;
      }
      addTaskToScope(dag, scope, task.name(), taskNode);
    }
    Outputs outputs;
    try {
      outputs = scopes.templateOutputs(tmpl, scope);
    } catch (EngineException e) {
      return Exec.ok(executor.markError(node, e.getMessage()));
    }
    if (outputs != null) {
      node.outputs = outputs;
      node.touch();
      op.addOutputsToGlobalScope(outputs);
    }
    nodes.setPhase(node, NodePhase.SUCCEEDED, null);
    return Exec.ok(node);
  }

  private List<String> targets(Dag dag) {
    String target = dag.tmpl.dag().target();
    if (target != null && !target.isBlank()) {
      List<String> out = new ArrayList<>();
      for (String t : target.strip().split("\\s+")) {
        out.add(t);
      }
      return out;
    }
    Set<String> dependedOn = new HashSet<>();
    for (String name : dag.tasks.keySet()) {
      dependedOn.addAll(dag.dependencies(name));
    }
    List<String> leaves = new ArrayList<>();
    for (String name : dag.tasks.keySet()) {
      if (!dependedOn.contains(name)) {
        leaves.add(name);
      }
    }
    return leaves;
  }

  private void updateOutbound(Dag dag, Node node, List<String> targets) {
    List<String> outbound = new ArrayList<>();
    for (String t : targets) {
      Node n = dag.taskNode(t);
      if (n != null) {
        outbound.addAll(scopes.outboundNodes(n.id));
      }
    }
    if (!outbound.equals(node.outboundNodes)) {
      node.outboundNodes = outbound;
      node.touch();
    }
  }

  private LifecycleHook exitHook(DAGTask task) {
    return executor.steps().exitHook(task.onExit(), task.hooks());
  }

  /** Argo's assessDAGPhase: the phase the target tasks' branches give the DAG. */
  private NodePhase assess(Dag dag, List<String> targets) {
    Map<String, NodePhase> targetPhases = new HashMap<>();
    for (String t : targets) {
      targetPhases.put(nodes.idOf(dag.taskNodeName(t)), null);
    }
    Node boundary = nodes.get(dag.boundaryId);
    Deque<String[]> queue = new ArrayDeque<>();
    Set<String> queued = new HashSet<>();
    for (String c : boundary.children) {
      if (queued.add(c + "/" + NodePhase.SUCCEEDED)) {
        queue.add(new String[] {c, NodePhase.SUCCEEDED.name()});
      }
    }
    while (!queue.isEmpty()) {
      String[] cur = queue.poll();
      Node n = nodes.get(cur[0]);
      if (n == null) {
        continue;
      }
      NodePhase branch = NodePhase.valueOf(cur[1]);
      if (!n.isFulfilled()) {
        return NodePhase.RUNNING;
      }
      if (n.isCompleted()) {
        branch = n.phase;
      }
      if (targetPhases.containsKey(n.id)) {
        NodePhase prev = targetPhases.get(n.id);
        if (prev == null
            || n.phase != NodePhase.OMITTED
            || branch == NodePhase.FAILED
            || branch == NodePhase.ERROR) {
          targetPhases.put(n.id, branch);
        }
      }
      List<String> next;
      if (n.type == NodeType.RETRY) {
        Node last = scopes.lastAttempt(n);
        next = last == null ? List.of() : last.children;
        // hooks hang off the retry node itself
        List<String> all = new ArrayList<>(next);
        for (String c : n.children) {
          Node child = nodes.get(c);
          if (child != null && child.isHooked()) {
            all.add(c);
          }
        }
        next = all;
      } else {
        next = n.children;
      }
      for (String c : next) {
        // unique per (node, branch phase): an omitted task reached by a failed and a succeeded
        // branch must see the failed one
        if (queued.add(c + "/" + branch)) {
          queue.add(new String[] {c, branch.name()});
        }
      }
    }
    // A target no branch reaches (its dependencies ended without outbound nodes) still has a
    // phase: its own, or for an omitted task the worst of its dependencies' branches.
    Map<String, NodePhase> memo = new HashMap<>();
    for (String t : targets) {
      String id = nodes.idOf(dag.taskNodeName(t));
      if (targetPhases.get(id) == null) {
        targetPhases.put(id, branchPhase(dag, t, memo, new HashSet<>()));
      }
    }
    // Nothing of the DAG may still run when it ends: a node no branch reaches (an exit handler
    // of a task, a task attached under nothing) keeps it running.
    for (String id : nodes.members(dag.boundaryId)) {
      Node member = nodes.get(id);
      if (member != null && !member.isFulfilled()) {
        return NodePhase.RUNNING;
      }
    }
    boolean failFast = !Boolean.FALSE.equals(dag.tmpl.dag().failFast());
    NodePhase result = NodePhase.SUCCEEDED;
    for (String t : targets) {
      NodePhase branch = targetPhases.get(nodes.idOf(dag.taskNodeName(t)));
      if (branch == null) {
        result = NodePhase.RUNNING;
        if (!failFast) {
          break;
        }
      } else if (branch == NodePhase.FAILED || branch == NodePhase.ERROR) {
        DAGTask task = dag.tasks.get(t);
        if (task != null && StepsExecutor.continuesOn(task.continueOn(), branch)) {
          continue;
        }
        result = branch;
        if (failFast) {
          break;
        }
      }
    }
    return result;
  }

  private NodePhase branchPhase(
      Dag dag, String task, Map<String, NodePhase> memo, Set<String> visiting) {
    if (memo.containsKey(task)) {
      return memo.get(task);
    }
    Node n = dag.taskNode(task);
    NodePhase result;
    if (n == null || !n.isFulfilled() || !visiting.add(task)) {
      result = null;
    } else if (n.phase != NodePhase.OMITTED) {
      result = n.isCompleted() ? n.phase : NodePhase.SUCCEEDED;
    } else {
      result = NodePhase.SUCCEEDED;
      for (String dep : dag.dependencies(task)) {
        NodePhase p = branchPhase(dag, dep, memo, visiting);
        if (p == null) {
          result = null;
          break;
        }
        if (p == NodePhase.FAILED || p == NodePhase.ERROR) {
          result = p;
        }
      }
    }
    memo.put(task, result);
    return result;
  }

  private void executeTask(Dag dag, String taskName) {
    if (!dag.visited.add(taskName)) {
      return;
    }
    DAGTask task = dag.task(taskName);
    Node node = dag.taskNode(taskName);
    if (node != null && node.isFulfilled()) {
      if (task.hooks() != null && !task.hooks().isEmpty() && node.type != NodeType.SKIPPED) {
        Scope hookScope = scopeFor(dag, task);
        scopes.addNode(hookScope, "tasks." + taskName, node);
        hooks.executeTemplateHooks(
            task.hooks(), node, dag.boundaryId, dag.ctx, "tasks." + taskName, hookScope);
      }
      runExitHook(dag, taskName, node);
      // A finished task's dependencies may still have hooks or exit handlers to drive.
      for (String dep : dag.dependencies(taskName)) {
        if (dag.tasks.containsKey(dep)) {
          executeTask(dag, dep);
        }
      }
      return;
    }
    startOrDrive(dag, taskName, task, node);
    // A task that ends in this walk starts its exit handler now, before any task that depends on
    // it is considered: those wait for the handler.
    Node after = dag.taskNode(taskName);
    if (after != null && after.isFulfilled()) {
      runExitHook(dag, taskName, after);
    }
  }

  /** Drives the exit handler of a completed task and records whether it is still to finish. */
  private void runExitHook(Dag dag, String taskName, Node node) {
    DAGTask task = dag.task(taskName);
    LifecycleHook exit = exitHook(task);
    if (exit == null || !node.isCompleted()) {
      return;
    }
    Hooks.ExitResult r =
        hooks.runOnExitNode(
            exit, node, dag.boundaryId, dag.ctx, "tasks." + taskName, scopeFor(dag, task));
    if (r.present() && (r.node() == null || !r.node().isFulfilled())) {
      dag.exitsPending.add(taskName);
    }
  }

  /** Starts a task whose dependencies allow it, or drives one already started. */
  private void startOrDrive(Dag dag, String taskName, DAGTask task, Node node) {
    String nodeName = dag.taskNodeName(taskName);
    DependsExpression logic;
    try {
      logic = dag.dependsLogic(taskName);
    } catch (EngineException e) {
      errorNode(dag, task, nodeName, e.getMessage());
      return;
    }
    if (logic != null) {
      for (String dep : logic.taskNames()) {
        if (!dag.tasks.containsKey(dep)) {
          errorNode(
              dag, task, nodeName, "task '" + taskName + "' depends on unknown task '" + dep + "'");
          return;
        }
        executeTask(dag, dep);
      }
      // Dependencies are judged once, when the task starts. A started task is driven whatever
      // they show now: an exit handler of a dependency that began since (it may have waited for
      // a parallelism slot) must not strand it, holding its locks, with its pod ended.
      if (node == null) {
        Boolean execute = evaluateDepends(dag, taskName, logic);
        if (execute == null) {
          return;
        }
        if (!execute) {
          executor.initializeNode(
              nodeName,
              NodeType.SKIPPED,
              dag.ctx.templateScope(),
              holderOf(task),
              dag.boundaryId,
              NodePhase.OMITTED,
              new NodeFlag(null, null),
              "omitted: depends condition not met");
          connectDependencies(dag, taskName, nodeName, null);
          return;
        }
      }
    }
    DAGTask resolved;
    List<Loops.Expanded<DAGTask>> expanded;
    Map<String, String> vars;
    try {
      Scope scope = scopeFor(dag, task);
      vars = new HashMap<>(op.globalParams);
      vars.putAll(scope.parameters());
      resolved = resolveReferences(task, scope, vars);
      boolean loop = Loops.shouldExpand(task.withItems(), task.withParam(), task.withSequence());
      if (loop
          && task.withParam() != null
          && !task.withParam().isEmpty()
          && (resolved.withParam() == null || resolved.withParam().isBlank())) {
        throw new EngineException(Loops.emptyParamMessage(task.withParam()));
      }
      expanded =
          loop
              ? Loops.expand(
                  resolved,
                  DAGTask.class,
                  taskName,
                  resolved.withItems(),
                  resolved.withParam(),
                  resolved.withSequence(),
                  vars,
                  op.expr)
              : List.of(new Loops.Expanded<>(taskName, resolved));
    } catch (EngineException e) {
      if (node == null) {
        errorNode(dag, task, nodeName, e.getMessage());
      } else {
        executor.markError(node, e.getMessage());
      }
      return;
    }
    boolean loop = Loops.shouldExpand(task.withItems(), task.withParam(), task.withSequence());
    Node group = null;
    if (loop) {
      group = nodes.byName(nodeName);
      if (expanded.isEmpty()) {
        if (group == null) {
          executor.initializeNode(
              nodeName,
              NodeType.SKIPPED,
              dag.ctx.templateScope(),
              holderOf(task),
              dag.boundaryId,
              NodePhase.SKIPPED,
              new NodeFlag(null, null),
              "Skipped, empty params");
          connectDependencies(dag, taskName, nodeName, null);
        }
        return;
      }
      if (group == null) {
        connectDependencies(dag, taskName, nodeName, null);
        group =
            executor.initializeNode(
                nodeName,
                NodeType.TASK_GROUP,
                dag.ctx.templateScope(),
                holderOf(task),
                dag.boundaryId,
                NodePhase.RUNNING,
                new NodeFlag(null, null),
                null);
      }
    }
    for (Loops.Expanded<DAGTask> e : expanded) {
      DAGTask t = e.value();
      String childName = dag.taskNodeName(e.name());
      Node child = nodes.byName(childName);
      if (child == null) {
        connectDependencies(dag, taskName, childName, group);
        boolean proceed;
        try {
          proceed = op.expr.shouldExecute(t.when());
        } catch (EngineException ex) {
          executor.initializeNode(
              childName,
              NodeType.SKIPPED,
              dag.ctx.templateScope(),
              holderOf(t),
              dag.boundaryId,
              NodePhase.ERROR,
              new NodeFlag(null, null),
              ex.getMessage());
          continue;
        }
        if (!proceed) {
          executor.initializeNode(
              childName,
              NodeType.SKIPPED,
              dag.ctx.templateScope(),
              holderOf(t),
              dag.boundaryId,
              NodePhase.SKIPPED,
              new NodeFlag(null, null),
              "when '" + t.when() + "' evaluated false");
          continue;
        }
      }
      Opts opts = new Opts(dag.boundaryId, dag.onExitTemplate, null);
      Exec r = executor.executeTemplate(childName, holderOf(t), dag.ctx, t.arguments(), opts);
      if (r.failed()) {
        switch (r.failure().kind()) {
          case PARALLELISM -> {}
          case TIMEOUT -> {
            Node n = nodes.byName(childName);
            if (n != null && !n.phase.isFulfilled()) {
              nodes.setPhase(n, NodePhase.FAILED, "child '" + childName + "' timedout");
            }
          }
          default -> {
            Node n = nodes.byName(childName);
            if (n != null && !n.phase.isFulfilled()) {
              executor.markError(n, "task '" + childName + "' errored: " + r.message());
            }
          }
        }
      }
      Node after = nodes.byName(childName);
      if (after != null && task.hooks() != null && !task.hooks().isEmpty() && !loop) {
        Scope hookScope = scopeFor(dag, task);
        scopes.addNode(hookScope, "tasks." + taskName, after);
        hooks.executeTemplateHooks(
            task.hooks(), after, dag.boundaryId, dag.ctx, "tasks." + taskName, hookScope);
      }
    }
    if (group != null) {
      NodePhase groupPhase = NodePhase.SUCCEEDED;
      for (Loops.Expanded<DAGTask> e : expanded) {
        Node child = nodes.byName(dag.taskNodeName(e.name()));
        if (child == null || !child.isFulfilled()) {
          return;
        }
        if (child.failedOrError()
            && !StepsExecutor.continuesOn(e.value().continueOn(), child.phase)) {
          groupPhase = child.phase;
        }
      }
      nodes.setPhase(group, groupPhase, null);
    }
  }

  /** Whether the task may run: null while a dependency (or its exit handler) is not done. */
  private Boolean evaluateDepends(Dag dag, String taskName, DependsExpression logic) {
    Map<String, TaskResult> results = new HashMap<>();
    for (String dep : logic.taskNames()) {
      Node depNode = dag.taskNode(dep);
      if (depNode == null
          || !depNode.isFulfilled()
          || !hooksFulfilled(depNode)
          || dag.exitsPending.contains(dep)) {
        return null;
      }
      Node onExit = nodes.byName(depNode.name + ".onExit");
      if (onExit != null && !onExit.isFulfilled()) {
        return null;
      }
      if (depNode.type == NodeType.TASK_GROUP) {
        List<String> childPhases = new ArrayList<>();
        for (String c : depNode.children) {
          Node child = nodes.get(c);
          if (child != null && !child.isHooked()) {
            childPhases.add(child.phase.value());
          }
        }
        results.put(
            dep, TaskResult.ofGroup(depNode.phase.value(), depNode.isDaemoned(), childPhases));
      } else {
        results.put(dep, TaskResult.of(depNode.phase.value(), depNode.isDaemoned()));
      }
    }
    try {
      return logic.evaluate(results::get);
    } catch (ExprException e) {
      throw new EngineException(
          "cannot evaluate depends of task '" + taskName + "': " + e.getMessage());
    }
  }

  private boolean hooksFulfilled(Node n) {
    for (String c : n.children) {
      Node child = nodes.get(c);
      if (child != null && child.isHooked() && child.name.startsWith(n.name + ".hooks.")) {
        if (!child.isFulfilled()) {
          return false;
        }
      }
    }
    return true;
  }

  private void errorNode(Dag dag, DAGTask task, String nodeName, String message) {
    Node existing = nodes.byName(nodeName);
    if (existing != null) {
      executor.markError(existing, message);
      return;
    }
    executor.initializeNode(
        nodeName,
        NodeType.SKIPPED,
        dag.ctx.templateScope(),
        holderOf(task),
        dag.boundaryId,
        NodePhase.ERROR,
        new NodeFlag(null, null),
        message);
    connectDependencies(dag, task.name(), nodeName, null);
  }

  /** Attaches a task's node under its dependencies' outbound nodes (or the DAG, for roots). */
  private void connectDependencies(Dag dag, String taskName, String nodeName, Node group) {
    if (group != null) {
      nodes.addChild(group, nodes.idOf(nodeName));
      return;
    }
    List<String> deps;
    try {
      deps = dag.dependencies(taskName);
    } catch (EngineException e) {
      deps = List.of();
    }
    if (deps.isEmpty()) {
      nodes.addChild(dag.boundaryName, nodeName);
      return;
    }
    String id = nodes.idOf(nodeName);
    for (String dep : deps) {
      Node depNode = dag.taskNode(dep);
      if (depNode == null) {
        continue;
      }
      for (String out : scopes.outboundNodes(depNode.id)) {
        Node o = nodes.get(out);
        if (o != null) {
          nodes.addChild(o, id);
        }
      }
    }
  }

  /** The scope a task sees: the DAG's inputs and its ancestors' results. */
  private Scope scopeFor(Dag dag, DAGTask task) {
    Scope scope = new Scope(dag.tmpl);
    scope.addOutputs("workflow", op.workflowOutputs());
    // Only ancestors the task mentions can be referenced; skipping the others keeps a wide DAG
    // linear (an ancestry walk per task is quadratic in the number of tasks).
    String text = dag.text(task);
    if (!text.contains("tasks")) {
      return scope;
    }
    for (String ancestor : dag.ancestry(task.name())) {
      if (!text.contains(ancestor)) {
        continue;
      }
      Node n = dag.taskNode(ancestor);
      if (n == null) {
        continue;
      }
      addTaskToScope(dag, scope, ancestor, n);
    }
    return scope;
  }

  private void addTaskToScope(Dag dag, Scope scope, String taskName, Node n) {
    String prefix = "tasks." + taskName;
    if (n.type == NodeType.TASK_GROUP) {
      List<Node> children = scopes.loopChildren(dag.boundaryId, n.name);
      Template childTmpl = children.isEmpty() ? null : executor.templateOf(children.get(0));
      scopes.addNode(scope, prefix, n);
      scopes.addAggregate(scope, prefix, childTmpl, children);
    } else {
      scopes.addNode(scope, prefix, n);
    }
  }

  private DAGTask resolveReferences(DAGTask task, Scope scope, Map<String, String> vars) {
    JsonNode replaced = Json.mapStrings(Json.tree(task), s -> op.expr.replace(s, vars, true));
    DAGTask t = Json.convert(replaced, DAGTask.class);
    boolean proceed;
    try {
      proceed = op.expr.shouldExecute(t.when());
    } catch (EngineException e) {
      if (Loops.shouldExpand(t.withItems(), t.withParam(), t.withSequence())) {
        proceed = true;
      } else {
        throw e;
      }
    }
    if (proceed && t.arguments() != null && t.arguments().artifacts() != null) {
      t = t.toBuilder().arguments(executor.steps().resolveArtifacts(t.arguments(), scope)).build();
    }
    return t;
  }

  static TemplateContext.Holder holderOf(DAGTask task) {
    return new TemplateContext.Holder(task.template(), task.templateRef(), task.inline());
  }
}
