package io.argo4j.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.model.Arguments;
import io.argo4j.model.Artifact;
import io.argo4j.model.ContinueOn;
import io.argo4j.model.LifecycleHook;
import io.argo4j.model.NodeFlag;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import io.argo4j.model.Template;
import io.argo4j.model.WorkflowStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo's executeSteps: step groups run one after the other, the steps of a group in parallel. The
 * group {@code name[i]} is a StepGroup node whose children are its steps {@code name[i].step}; a
 * group waits for its steps (and their exit handlers), fails when a step fails without {@code
 * continueOn}, and each group's steps see the outputs of the groups before it.
 */
final class StepsExecutor {
  private final Operation op;
  private final TemplateExecutor executor;
  private final NodeTable nodes;
  private final LocalScopes scopes;
  private final Hooks hooks;

  StepsExecutor(Operation op, TemplateExecutor executor) {
    this.op = op;
    this.executor = executor;
    this.nodes = op.nodes;
    this.scopes = new LocalScopes(op);
    this.hooks = new Hooks(op, executor);
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
        NodeType.STEPS,
        templateScope,
        tmpl,
        holder,
        opts,
        node -> run(node, ctx, tmpl, opts));
  }

  private Exec run(Node node, TemplateContext ctx, Template tmpl, Opts opts) {
    String nodeName = node.name;
    Scope scope = new Scope(tmpl);
    scope.addOutputs("workflow", op.workflowOutputs());
    List<List<WorkflowStep>> groups = tmpl.steps() == null ? List.of() : tmpl.steps();
    for (int i = 0; i < groups.size(); i++) {
      List<WorkflowStep> group = groups.get(i) == null ? List.of() : groups.get(i);
      String sgName = nodeName + "[" + i + "]";
      Node sg = nodes.byName(sgName);
      if (sg == null) {
        sg =
            executor.initializeNode(
                sgName,
                NodeType.STEP_GROUP,
                ctx.templateScope(),
                new TemplateContext.Holder(tmpl.name(), null, null),
                node.id,
                NodePhase.RUNNING,
                null,
                null);
        sg.templateName = null;
      }
      if (i == 0) {
        nodes.addChild(nodeName, sgName);
      } else {
        Node prev = nodes.byName(nodeName + "[" + (i - 1) + "]");
        if (prev.children.isEmpty()) {
          nodes.addChild(prev, sg.id);
        } else {
          for (String childId : List.copyOf(prev.children)) {
            if (childId.equals(sg.id)) {
              continue; // the link an empty previous group got: not one of its steps
            }
            for (String out : scopes.outboundNodes(childId)) {
              if (!out.equals(sg.id)) {
                nodes.addChild(nodes.get(out), sg.id);
              }
            }
          }
        }
      }
      sg = executeGroup(group, sg, scope, ctx, node.id, opts);
      if (!sg.isFulfilled()) {
        return Exec.ok(node);
      }
      if (sg.failedOrError()) {
        updateOutboundNodes(node, groups.size());
        nodes.setPhase(node, NodePhase.FAILED, sg.message);
        return Exec.ok(node);
      }
      for (WorkflowStep step : group) {
        String childName = sgName + "." + step.name();
        Node child = nodes.byName(childName);
        String prefix = "steps." + step.name();
        if (child == null) {
          List<Node> expanded = scopes.loopChildren(node.id, childName);
          if (!expanded.isEmpty()) {
            Template childTmpl = executor.templateOf(expanded.get(0));
            scopes.addAggregate(scope, prefix, childTmpl, expanded);
          }
        } else {
          scopes.addNode(scope, prefix, child);
        }
      }
    }
    updateOutboundNodes(node, groups.size());
    Outputs outputs = scopes.templateOutputs(tmpl, scope);
    if (outputs != null) {
      node.outputs = outputs;
      node.touch();
      op.addOutputsToGlobalScope(outputs);
    }
    nodes.setPhase(node, NodePhase.SUCCEEDED, null);
    return Exec.ok(node);
  }

  private void updateOutboundNodes(Node node, int groupCount) {
    Node last = null;
    for (int i = groupCount - 1; i >= 0; i--) {
      last = nodes.byName(node.name + "[" + i + "]");
      if (last != null) {
        break;
      }
    }
    if (last == null) {
      return;
    }
    List<String> outbound = new ArrayList<>();
    for (String childId : last.children) {
      outbound.addAll(scopes.outboundNodes(childId));
    }
    if (!outbound.equals(node.outboundNodes)) {
      node.outboundNodes = outbound;
      node.touch();
    }
  }

  private Node executeGroup(
      List<WorkflowStep> group,
      Node sg,
      Scope scope,
      TemplateContext ctx,
      String boundaryId,
      Opts opts) {
    if (sg.isFulfilled()) {
      return sg;
    }
    List<WorkflowStep> resolved;
    try {
      resolved = expand(sg.name, group, resolveReferences(group, scope), scope);
    } catch (EngineException e) {
      return executor.markError(sg, e.getMessage());
    }
    Map<String, WorkflowStep> stepsByNode = new HashMap<>();
    for (WorkflowStep step : resolved) {
      String childName = sg.name + "." + step.name();
      boolean proceed;
      try {
        proceed = op.expr.shouldExecute(step.when());
      } catch (EngineException e) {
        if (nodes.byName(childName) == null) {
          executor.initializeNode(
              childName,
              NodeType.SKIPPED,
              ctx.templateScope(),
              holderOf(step),
              boundaryId,
              NodePhase.ERROR,
              new NodeFlag(null, null),
              e.getMessage());
        }
        nodes.addChild(sg.name, childName);
        return executor.markError(sg, e.getMessage());
      }
      if (!proceed) {
        if (nodes.byName(childName) == null) {
          executor.initializeNode(
              childName,
              NodeType.SKIPPED,
              ctx.templateScope(),
              holderOf(step),
              boundaryId,
              NodePhase.SKIPPED,
              new NodeFlag(null, null),
              "when '" + step.when() + "' evaluated false");
          nodes.addChild(sg.name, childName);
        }
        continue;
      }
      Opts childOpts = new Opts(boundaryId, opts.onExitTemplate, null);
      Exec child =
          executor.executeTemplate(childName, holderOf(step), ctx, step.arguments(), childOpts);
      if (child.failed()) {
        switch (child.failure().kind()) {
          case PARALLELISM -> {}
          case TIMEOUT -> {
            nodes.setPhase(sg, NodePhase.FAILED, "child '" + childName + "' timedout");
            return sg;
          }
          default -> {
            if (nodes.byName(childName) != null) {
              nodes.addChild(sg.name, childName);
            }
            return executor.markError(
                sg,
                "step group deemed errored due to child "
                    + childName
                    + " error: "
                    + child.message());
          }
        }
      }
      Node childNode = child.node() == null ? nodes.byName(childName) : child.node();
      if (childNode != null) {
        stepsByNode.put(childNode.name, step);
        nodes.addChild(sg.name, childName);
        if (step.hooks() != null && !step.hooks().isEmpty()) {
          Scope hookScope = new Scope(null);
          hookScope.all().putAll(scope.all());
          scopes.addNode(hookScope, "steps." + step.name(), childNode);
          hooks.executeTemplateHooks(
              step.hooks(), childNode, boundaryId, ctx, "steps." + step.name(), hookScope);
        }
      }
    }
    boolean completed = true;
    for (String childId : List.copyOf(sg.children)) {
      Node child = nodes.get(childId);
      if (child == null) {
        continue;
      }
      if (!child.isFulfilled()) {
        completed = false;
      } else if (child.isCompleted()) {
        WorkflowStep step = stepsByNode.get(child.name);
        if (step == null) {
          continue;
        }
        LifecycleHook exit = exitHook(step.onExit(), step.hooks());
        Hooks.ExitResult r =
            hooks.runOnExitNode(exit, child, boundaryId, ctx, "steps." + step.name(), scope);
        if (r.present() && (r.node() == null || !r.node().isFulfilled())) {
          completed = false;
        }
      }
    }
    if (!completed) {
      return sg;
    }
    for (String childId : sg.children) {
      Node child = nodes.get(childId);
      if (child == null) {
        continue;
      }
      WorkflowStep step = stepsByNode.get(child.name);
      ContinueOn continueOn = step == null ? null : step.continueOn();
      if (child.failedOrError() && !continuesOn(continueOn, child.phase)) {
        nodes.setPhase(sg, NodePhase.FAILED, "child '" + childId + "' failed");
        return sg;
      }
    }
    nodes.setPhase(sg, NodePhase.SUCCEEDED, null);
    return sg;
  }

  /** A step's or task's exit handler: {@code onExit}, else its {@code exit} hook. */
  LifecycleHook exitHook(String onExit, Map<String, LifecycleHook> stepHooks) {
    Arguments args = op.execSpec.arguments();
    if (onExit != null && !onExit.isEmpty()) {
      return new LifecycleHook(onExit, null, args, null);
    }
    if (stepHooks != null && stepHooks.containsKey("exit")) {
      LifecycleHook h = stepHooks.get("exit");
      boolean noArgs =
          h.arguments() == null
              || ((h.arguments().parameters() == null || h.arguments().parameters().isEmpty())
                  && (h.arguments().artifacts() == null || h.arguments().artifacts().isEmpty()));
      return noArgs ? new LifecycleHook(h.template(), h.templateRef(), args, h.expression()) : h;
    }
    return null;
  }

  static boolean continuesOn(ContinueOn c, NodePhase phase) {
    if (c == null) {
      return false;
    }
    return (phase == NodePhase.FAILED && Boolean.TRUE.equals(c.failed()))
        || (phase == NodePhase.ERROR && Boolean.TRUE.equals(c.error()));
  }

  static TemplateContext.Holder holderOf(WorkflowStep step) {
    return new TemplateContext.Holder(step.template(), step.templateRef(), step.inline());
  }

  /** Argo's resolveReferences: outputs of earlier groups into the steps, then artifacts. */
  private List<WorkflowStep> resolveReferences(List<WorkflowStep> group, Scope scope) {
    Map<String, String> vars = new HashMap<>(op.globalParams);
    vars.putAll(scope.parameters());
    List<WorkflowStep> out = new ArrayList<>(group.size());
    for (WorkflowStep step : group) {
      JsonNode replaced = Json.mapStrings(Json.tree(step), s -> op.expr.replace(s, vars, true));
      WorkflowStep s = Json.convert(replaced, WorkflowStep.class);
      boolean proceed;
      try {
        proceed = op.expr.shouldExecute(s.when());
      } catch (EngineException e) {
        if (Loops.shouldExpand(s.withItems(), s.withParam(), s.withSequence())) {
          proceed = true;
        } else {
          throw e;
        }
      }
      if (proceed && s.arguments() != null && s.arguments().artifacts() != null) {
        s = s.toBuilder().arguments(resolveArtifacts(s.arguments(), scope)).build();
      }
      out.add(s);
    }
    return out;
  }

  Arguments resolveArtifacts(Arguments args, Scope scope) {
    List<Artifact> arts = new ArrayList<>();
    for (Artifact a : args.artifacts()) {
      if ((a.from() == null || a.from().isEmpty())
          && (a.fromExpression() == null || a.fromExpression().isEmpty())) {
        arts.add(a);
        continue;
      }
      try {
        arts.add(Artifacts.withName(scopes.resolveArtifact(scope, a), a.name()));
      } catch (EngineException e) {
        if (Boolean.TRUE.equals(a.optional())) {
          continue;
        }
        throw new EngineException("unable to resolve references: " + e.getMessage());
      }
    }
    return args.toBuilder().artifacts(arts).build();
  }

  private List<WorkflowStep> expand(
      String sgName, List<WorkflowStep> original, List<WorkflowStep> group, Scope scope) {
    List<WorkflowStep> out = new ArrayList<>();
    Map<String, String> vars = new LinkedHashMap<>(op.globalParams);
    vars.putAll(scope.parameters());
    for (int i = 0; i < group.size(); i++) {
      WorkflowStep step = group.get(i);
      WorkflowStep orig = original.get(i);
      if (!Loops.shouldExpand(orig.withItems(), orig.withParam(), orig.withSequence())) {
        out.add(step);
        continue;
      }
      if (orig.withParam() != null && (step.withParam() == null || step.withParam().isBlank())) {
        throw new EngineException(Loops.emptyParamMessage(orig.withParam()));
      }
      List<Loops.Expanded<WorkflowStep>> expanded =
          Loops.expand(
              step,
              WorkflowStep.class,
              step.name(),
              step.withItems(),
              step.withParam(),
              step.withSequence(),
              vars,
              op.expr);
      if (expanded.isEmpty()) {
        String childName = sgName + "." + step.name();
        if (nodes.byName(childName) == null) {
          Node sg = nodes.byName(sgName);
          executor.initializeNode(
              childName,
              NodeType.SKIPPED,
              null,
              holderOf(step),
              sg.boundaryId,
              NodePhase.SKIPPED,
              new NodeFlag(null, null),
              "Skipped, empty params");
          nodes.addChild(sgName, childName);
        }
      }
      for (Loops.Expanded<WorkflowStep> e : expanded) {
        out.add(e.value());
      }
    }
    return out;
  }
}
