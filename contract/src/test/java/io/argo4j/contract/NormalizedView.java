package io.argo4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowStatus;
import io.argo4j.model.io.ModelJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What both runtimes must agree on, as comparable lines: one for the workflow (phase, message,
 * progress, outputs, conditions) and one per node, by node ID (IDs derive from the workflow name,
 * which both runs share, and the node name), with every status field except those that legitimately
 * differ between two runs or two runtimes: {@link #DROPPED_NODE_FIELDS} and the location of output
 * artifacts.
 */
record NormalizedView(List<String> lines) {

  /**
   * Node fields left out, and why: times and durations differ between any two runs; the pod's IP
   * and host are the machine's ({@code localhost}) or the simulated node's; a restarting pod's UID
   * is the API server's.
   */
  static final Set<String> DROPPED_NODE_FIELDS =
      Set.of(
          "startedAt",
          "finishedAt",
          "estimatedDuration",
          "resourcesDuration",
          "podIP",
          "hostNodeName",
          "restartingPodUID");

  private static final ObjectMapper JSON = ModelJson.newObjectMapper();

  static NormalizedView of(Workflow wf) {
    List<String> lines = new ArrayList<>();
    if (wf == null) {
      lines.add("workflow: none");
      return new NormalizedView(lines);
    }
    WorkflowStatus status = wf.status();
    if (status == null) {
      lines.add("workflow: no status");
      return new NormalizedView(lines);
    }
    ObjectNode top = JsonNodeFactory.instance.objectNode();
    top.put("phase", status.phase() == null ? null : status.phase().value());
    top.put("message", status.message());
    top.put("progress", status.progress());
    top.set("outputs", withoutArtifactLocations(JSON.valueToTree(status.outputs())));
    top.set("conditions", JSON.valueToTree(status.conditions()));
    lines.add("workflow: " + canonical(top));
    Map<String, NodeStatus> nodes =
        new TreeMap<>(status.nodes() == null ? Map.of() : status.nodes());
    nodes.forEach((id, node) -> {
      ObjectNode n = JSON.valueToTree(node);
      DROPPED_NODE_FIELDS.forEach(n::remove);
      if (n.has("outputs")) {
        n.set("outputs", withoutArtifactLocations(n.get("outputs")));
      }
      lines.add("node " + id + ": " + canonical(n));
    });
    return new NormalizedView(lines);
  }

  /**
   * Output artifacts keep their names; where they are differs (a host path on this machine, a key
   * in a repository on a cluster) and artifact storage is not part of this contract.
   */
  private static JsonNode withoutArtifactLocations(JsonNode outputs) {
    if (outputs == null || !outputs.isObject() || !outputs.has("artifacts")) {
      return outputs;
    }
    ObjectNode copy = ((ObjectNode) outputs).deepCopy();
    ArrayNode names = JsonNodeFactory.instance.arrayNode();
    for (JsonNode a : copy.get("artifacts")) {
      names.add(JsonNodeFactory.instance.objectNode().put("name", a.path("name").asText()));
    }
    copy.set("artifacts", names);
    return copy;
  }

  /** JSON with object keys sorted, so equal values print equally. */
  static String canonical(JsonNode node) {
    return sorted(node).toString();
  }

  private static JsonNode sorted(JsonNode node) {
    if (node == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getValue().isNull()) {
          fields.put(e.getKey(), sorted(e.getValue()));
        }
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }

  /** The differences from {@code cluster}, one line per key: empty when the views agree. */
  List<String> differences(NormalizedView cluster) {
    Map<String, String> mine = byKey(lines);
    Map<String, String> theirs = byKey(cluster.lines);
    Map<String, String> keys = new TreeMap<>();
    mine.keySet().forEach(k -> keys.put(k, k));
    theirs.keySet().forEach(k -> keys.put(k, k));
    List<String> out = new ArrayList<>();
    for (String key : keys.keySet()) {
      String a = mine.get(key);
      String b = theirs.get(key);
      if (a == null) {
        out.add("only on the cluster: " + b);
      } else if (b == null) {
        out.add("only locally: " + a);
      } else if (!a.equals(b)) {
        out.add(
            key
                + "\n      local:   "
                + a.substring(key.length() + 2)
                + "\n      cluster: "
                + b.substring(key.length() + 2));
      }
    }
    return out;
  }

  private static Map<String, String> byKey(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : lines) {
      out.put(line.substring(0, line.indexOf(": ")), line);
    }
    return out;
  }
}
