package io.argo4j.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.argo4j.model.Artifact;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.argo4j.model.TemplateType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How finished children become variables of their steps or DAG template (Argo's buildLocalScope,
 * processAggregateNodeOutputs and getTemplateOutputsFromScope), and which nodes a group's
 * successors attach to (getOutboundNodes).
 */
final class LocalScopes {
  private final Operation op;
  private final NodeTable nodes;

  LocalScopes(Operation op) {
    this.op = op;
    this.nodes = op.nodes;
  }

  /** Adds one child's id, times, status and outputs under {@code prefix}. */
  void addNode(Scope scope, String prefix, Node node) {
    if (node.type == NodeType.RETRY) {
      Node last = lastAttempt(node);
      if (last != null) {
        node = last;
      }
    }
    scope.addParam(prefix + ".id", node.id);
    if (node.startedAt != null) {
      scope.addParam(prefix + ".startedAt", Times.rfc3339(node.startedAt));
    }
    if (node.finishedAt != null) {
      scope.addParam(prefix + ".finishedAt", Times.rfc3339(node.finishedAt));
    }
    if (node.podIp != null && !node.podIp.isEmpty()) {
      scope.addParam(prefix + ".ip", node.podIp);
    }
    if (node.hostNodeName != null && !node.hostNodeName.isEmpty()) {
      scope.addParam(prefix + ".hostNodeName", node.hostNodeName);
    }
    if (node.phase != null) {
      scope.addParam(prefix + ".status", node.phase.value());
    }
    scope.addOutputs(prefix, node.outputs);
  }

  /**
   * The latest attempt of a retry node, or null before its first. Its last child may be a hook (an
   * exit handler hangs off the retry node), which is not an attempt.
   */
  Node lastAttempt(Node retryNode) {
    List<Node> attempts = RetryDecider.attempts(nodes, retryNode);
    return attempts.isEmpty() ? null : attempts.getLast();
  }

  /**
   * The loop children of {@code groupName} ({@code name(0:a)}, {@code name(1:b)}...) in the
   * boundary, in item order.
   */
  List<Node> loopChildren(String boundaryId, String groupName) {
    List<Node> out = new ArrayList<>();
    String prefix = groupName + "(";
    for (String id : nodes.members(boundaryId)) {
      Node n = nodes.get(id);
      if (n.name.startsWith(prefix) && n.type != NodeType.SKIPPED && !n.isHooked()) {
        String rest = n.name.substring(prefix.length());
        int colon = rest.indexOf(':');
        if (colon > 0 && rest.substring(0, colon).chars().allMatch(Character::isDigit)) {
          out.add(n);
        }
      }
    }
    out.sort(Comparator.comparingInt(n -> loopIndex(n.name, prefix)));
    return out;
  }

  private static int loopIndex(String name, String prefix) {
    String rest = name.substring(prefix.length());
    try {
      return Integer.parseInt(rest.substring(0, rest.indexOf(':')));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  /** Argo's processAggregateNodeOutputs: the outputs of loop children as JSON lists. */
  void addAggregate(Scope scope, String prefix, Template tmpl, List<Node> children) {
    if (children.isEmpty()) {
      return;
    }
    ArrayNode paramList = JsonNodeFactory.instance.arrayNode();
    Map<String, List<String>> valuesByName = new LinkedHashMap<>();
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    for (Node n : children) {
      // retry nodes are skipped: their attempts (name(0:a)(1)) are among the children
      if (n.outputs == null || n.phase != NodePhase.SUCCEEDED || n.type == NodeType.RETRY) {
        continue;
      }
      Outputs o = n.outputs;
      if (o.parameters() != null && !o.parameters().isEmpty()) {
        ObjectNode param = JsonNodeFactory.instance.objectNode();
        for (Parameter p : o.parameters()) {
          String v = p.value() == null ? "" : p.value();
          param.put(p.name(), v);
          valuesByName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(v);
        }
        paramList.add(param);
      }
      if (o.result() != null) {
        results.add(asItem(o.result()));
      }
    }
    TemplateType type = tmpl == null ? null : tmpl.type().orElse(null);
    if (type == TemplateType.SCRIPT || type == TemplateType.CONTAINER) {
      scope.addParam(prefix + ".outputs.result", Json.write(results));
    }
    scope.addParam(prefix + ".outputs.parameters", Json.write(paramList));
    valuesByName.forEach((name, values) ->
        scope.addParam(prefix + ".outputs.parameters." + name, aggregatedList(values)));
  }

  private static JsonNode asItem(String result) {
    try {
      JsonNode parsed = Json.parse(result);
      return parsed == null ? TextNode.valueOf(result) : parsed;
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(result);
    }
  }

  /** A JSON list of the values, each decoded as JSON if every one of them is valid JSON. */
  static String aggregatedList(List<String> values) {
    ArrayNode decoded = JsonNodeFactory.instance.arrayNode();
    for (String v : values) {
      try {
        JsonNode n = Json.parse(v);
        if (n == null) {
          decoded = null;
          break;
        }
        decoded.add(n);
      } catch (JsonProcessingException e) {
        decoded = null;
        break;
      }
    }
    if (decoded != null) {
      return Json.write(decoded);
    }
    ArrayNode strings = JsonNodeFactory.instance.arrayNode();
    values.forEach(strings::add);
    return Json.write(strings);
  }

  /** Argo's getTemplateOutputsFromScope: a steps or DAG template's declared outputs. */
  Outputs templateOutputs(Template tmpl, Scope scope) {
    Outputs declared = tmpl.outputs();
    if (declared == null
        || ((declared.parameters() == null || declared.parameters().isEmpty())
            && (declared.artifacts() == null || declared.artifacts().isEmpty()))) {
      return null;
    }
    List<Parameter> params = null;
    if (declared.parameters() != null && !declared.parameters().isEmpty()) {
      params = new ArrayList<>();
      for (Parameter p : declared.parameters()) {
        if (p.valueFrom() == null) {
          throw new EngineException(
              "output parameter "
                  + p.name()
                  + " of template "
                  + tmpl.name()
                  + " needs a valueFrom");
        }
        String value;
        try {
          value = asString(scope.resolveParameter(p.valueFrom(), op.expr));
        } catch (EngineException e) {
          if (p.valueFrom().defaultValue() == null) {
            throw e;
          }
          value = p.valueFrom().defaultValue();
        }
        params.add(
            new Parameter(
                p.name(),
                value,
                p.defaultValue(),
                null,
                p.enumValues(),
                p.description(),
                p.globalName()));
      }
    }
    List<Artifact> arts = null;
    if (declared.artifacts() != null && !declared.artifacts().isEmpty()) {
      arts = new ArrayList<>();
      for (Artifact a : declared.artifacts()) {
        Artifact resolved;
        try {
          resolved = resolveArtifact(scope, a);
        } catch (EngineException e) {
          if (Boolean.TRUE.equals(a.optional())) {
            continue;
          }
          throw e;
        }
        arts.add(
            Artifacts.withName(resolved, a.name()).toBuilder().globalName(a.globalName()).build());
      }
    }
    return new Outputs(params, arts, null, null);
  }

  /** An artifact's {@code from} or {@code fromExpression}, resolved in the scope. */
  Artifact resolveArtifact(Scope scope, Artifact a) {
    Object v;
    if (a.fromExpression() != null && !a.fromExpression().isEmpty()) {
      v = scope.resolveVar("{{=" + a.fromExpression() + "}}", op.expr);
    } else if (a.from() != null && !a.from().isEmpty()) {
      v = scope.resolveVar(a.from(), op.expr);
    } else {
      return a;
    }
    if (v instanceof Artifact art) {
      return art;
    }
    throw new EngineException(
        "Unable to resolve artifact "
            + a.name()
            + ": '"
            + (a.from() != null ? a.from() : a.fromExpression())
            + "' is not an artifact");
  }

  static String asString(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Artifact) {
      throw new EngineException("an artifact cannot be used as a parameter value");
    }
    return GoFormat.v(v);
  }

  /** Argo's getOutboundNodes: the nodes a successor of {@code id} attaches to. */
  List<String> outboundNodes(String id) {
    Node n = nodes.get(id);
    if (n == null) {
      return List.of();
    }
    switch (n.type) {
      case POD -> {
        List<String> leaves =
            ContainerSets.hasContainers(nodes, n) ? ContainerSets.leaves(nodes, n) : List.of();
        return leaves.isEmpty() ? List.of(n.id) : leaves;
      }
      case SKIPPED, SUSPEND, HTTP, PLUGIN, CONTAINER -> {
        return List.of(n.id);
      }
      case TASK_GROUP, STEP_GROUP -> {
        if (n.children == null || n.children.isEmpty()) {
          return n.type == NodeType.TASK_GROUP ? List.of(n.id) : List.of();
        }
        List<String> out = new ArrayList<>();
        for (String c : n.children) {
          out.addAll(outboundNodes(c));
        }
        return out;
      }
      case RETRY -> {
        // the last attempt; a retry node that never ran one (failed while waiting for a lock, say)
        // stands for itself. Its other children are the next steps linked to it: taking one of
        // those for an attempt made the next step group its own child, never to be fulfilled.
        List<Node> attempts = RetryDecider.attempts(nodes, n);
        return List.of(attempts.isEmpty() ? n.id : attempts.get(attempts.size() - 1).id);
      }
      default -> {
        List<String> out = new ArrayList<>();
        if (n.outboundNodes != null) {
          for (String o : n.outboundNodes) {
            out.addAll(outboundNodes(o));
          }
        }
        return out;
      }
    }
  }
}
