package io.argo4j.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.model.Arguments;
import io.argo4j.model.Artifact;
import io.argo4j.model.LifecycleHook;
import io.argo4j.model.NodeFlag;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lifecycle hooks (Argo's hooks.go and exit handlers): expression hooks on the workflow and on
 * steps or tasks run their template once their expression is true, as {@code NAME.hooks.HOOK}; exit
 * hooks run as {@code NAME.onExit} once the step or task completed.
 */
final class Hooks {
  static final String EXIT = "exit";

  private final Operation op;
  private final TemplateExecutor executor;
  private final NodeTable nodes;

  /** Whether a step or task has an exit handler, and its node if it was started. */
  record ExitResult(boolean present, Node node) {}

  Hooks(Operation op, TemplateExecutor executor) {
    this.op = op;
    this.executor = executor;
    this.nodes = op.nodes;
  }

  Hooks(Operation op) {
    this(op, op.executor);
  }

  /**
   * The workflow's expression hooks ({@code spec.hooks} except {@code exit}).
   *
   * @return whether every hook that started has finished
   */
  boolean executeWorkflowHooks(TemplateContext ctx) {
    Map<String, LifecycleHook> wfHooks = op.execSpec.hooks();
    if (wfHooks == null || wfHooks.isEmpty()) {
      return true;
    }
    List<Node> started = new ArrayList<>();
    for (Map.Entry<String, LifecycleHook> e : new TreeMap<>(wfHooks).entrySet()) {
      if (e.getKey().equals(EXIT)) {
        continue;
      }
      LifecycleHook hook = e.getValue();
      String hookNodeName = op.wfName + ".hooks." + e.getKey();
      Node hooked = nodes.byName(hookNodeName);
      if (hook.expression() == null || hook.expression().isEmpty()) {
        throw new EngineException("Expression required for hook " + hookNodeName);
      }
      boolean execute = hooked != null || op.expr.evalBool(hook.expression(), op.globalParams);
      if (!execute) {
        continue;
      }
      Opts opts = new Opts(null, false, new NodeFlag(true, null));
      Exec r =
          executor.executeTemplate(
              hookNodeName,
              new TemplateContext.Holder(hook.template(), hook.templateRef(), null),
              ctx,
              hook.arguments(),
              opts);
      if (r.failed() && !r.is(Exec.Kind.PARALLELISM)) {
        throw new EngineException(r.message());
      }
      if (nodes.byName(hookNodeName) != null) {
        nodes.addChild(op.wfName, hookNodeName);
      }
      if (r.node() != null) {
        started.add(r.node());
      }
    }
    for (Node n : started) {
      if (!n.isFulfilled()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A step's or task's expression hooks.
   *
   * @return whether every hook that started has finished
   */
  boolean executeTemplateHooks(
      Map<String, LifecycleHook> hooks,
      Node parent,
      String boundaryId,
      TemplateContext ctx,
      String prefix,
      Scope scope) {
    List<Node> started = new ArrayList<>();
    for (Map.Entry<String, LifecycleHook> e : new TreeMap<>(hooks).entrySet()) {
      if (e.getKey().equals(EXIT)) {
        continue;
      }
      LifecycleHook hook = e.getValue();
      String hookNodeName = parent.name + ".hooks." + e.getKey();
      Node hooked = nodes.byName(hookNodeName);
      if (hook.expression() == null || hook.expression().isEmpty()) {
        throw new EngineException("Expression required for hook " + hookNodeName);
      }
      Map<String, Object> vars = new HashMap<>(op.globalParams);
      vars.putAll(scope.all());
      boolean execute = hooked != null || op.expr.evalBool(hook.expression(), vars);
      if (!execute) {
        continue;
      }
      Arguments args = hook.arguments();
      Outputs outputs = outputsOf(parent);
      if (!isEmpty(args) && outputs != null) {
        args = resolveExitArguments(args, prefix, outputs, scope);
      }
      Opts opts = new Opts(boundaryId, false, new NodeFlag(true, null));
      Exec r =
          executor.executeTemplate(
              hookNodeName,
              new TemplateContext.Holder(hook.template(), hook.templateRef(), null),
              ctx,
              args,
              opts);
      if (r.failed() && !r.is(Exec.Kind.PARALLELISM)) {
        throw new EngineException(r.message());
      }
      if (nodes.byName(hookNodeName) != null) {
        nodes.addChild(parent.name, hookNodeName);
      }
      if (r.node() != null) {
        started.add(r.node());
      }
    }
    for (Node n : started) {
      if (!n.isFulfilled()) {
        return false;
      }
    }
    return true;
  }

  /** Argo's runOnExitNode: the exit handler of a completed step or task. */
  ExitResult runOnExitNode(
      LifecycleHook exit,
      Node parent,
      String boundaryId,
      TemplateContext ctx,
      String prefix,
      Scope scope) {
    if (exit == null) {
      return new ExitResult(false, null);
    }
    String onExitName = parent.name + ".onExit";
    // Under Terminate no exit handler starts, but one already started is driven to its end.
    if (!Shutdown.of(op.execSpec).shouldExecute(true) && nodes.byName(onExitName) == null) {
      return new ExitResult(false, null);
    }
    if (exit.expression() != null && !exit.expression().isEmpty()) {
      Map<String, Object> vars = new HashMap<>(op.globalParams);
      if (scope != null) {
        vars.putAll(scope.all());
      }
      if (!op.expr.evalBool(exit.expression(), vars)) {
        return new ExitResult(false, null);
      }
    }
    Arguments args = exit.arguments();
    Outputs outputs = outputsOf(parent);
    if (!isEmpty(args) && outputs != null) {
      args = resolveExitArguments(args, prefix, outputs, scope);
    }
    Opts opts = new Opts(boundaryId, true, new NodeFlag(true, null));
    Exec r =
        executor.executeTemplate(
            onExitName,
            new TemplateContext.Holder(exit.template(), exit.templateRef(), null),
            ctx,
            args,
            opts);
    if (nodes.byName(onExitName) != null) {
      nodes.addChild(parent.name, onExitName);
    }
    if (r.failed() && !r.is(Exec.Kind.PARALLELISM)) {
      Node n = nodes.byName(onExitName);
      return new ExitResult(true, n == null || !n.isFulfilled() ? null : n);
    }
    return new ExitResult(true, r.node());
  }

  private Outputs outputsOf(Node parent) {
    if (parent.type == NodeType.RETRY) {
      List<Node> attempts = RetryDecider.attempts(nodes, parent);
      return attempts.isEmpty() ? parent.outputs : attempts.getLast().outputs;
    }
    return parent.outputs;
  }

  private static boolean isEmpty(Arguments a) {
    return a == null
        || ((a.parameters() == null || a.parameters().isEmpty())
            && (a.artifacts() == null || a.artifacts().isEmpty()));
  }

  /** The parent's outputs, as {@code PREFIX.outputs.*}, substituted into the hook's arguments. */
  private Arguments resolveExitArguments(
      Arguments args, String prefix, Outputs outputs, Scope scope) {
    Scope s = new Scope(null);
    if (scope != null) {
      s.all().putAll(scope.all());
    }
    if (outputs.parameters() != null) {
      for (Parameter p : outputs.parameters()) {
        s.addParam(prefix + ".outputs.parameters." + p.name(), p.value() == null ? "" : p.value());
      }
    }
    if (outputs.result() != null) {
      s.addParam(prefix + ".outputs.result", outputs.result());
    }
    if (outputs.exitCode() != null) {
      s.addParam(prefix + ".exitCode", outputs.exitCode());
    }
    if (outputs.artifacts() != null) {
      for (Artifact a : outputs.artifacts()) {
        s.addArtifact(prefix + ".outputs.artifacts." + a.name(), a);
      }
    }
    Map<String, String> vars = new HashMap<>(op.globalParams);
    vars.putAll(s.parameters());
    JsonNode replaced = Json.mapStrings(Json.tree(args), t -> op.expr.replace(t, vars, true));
    Arguments resolved = Json.convert(replaced, Arguments.class);
    if (resolved.artifacts() == null) {
      return resolved;
    }
    List<Artifact> arts = new ArrayList<>();
    LocalScopes scopes = new LocalScopes(op);
    for (Artifact a : resolved.artifacts()) {
      if ((a.from() == null || a.from().isEmpty())
          && (a.fromExpression() == null || a.fromExpression().isEmpty())) {
        arts.add(a);
      } else {
        arts.add(Artifacts.withName(scopes.resolveArtifact(s, a), a.name()));
      }
    }
    return resolved.toBuilder().artifacts(arts).build();
  }
}
