package io.argo4j.runtime.kubernetes.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ModelJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ConfigMap's {@code workflowDefaults} merged under a workflow, as Argo does before a workflow
 * first runs: the workflow's own values win; objects merge key by key; lists of named objects
 * (templates, parameters, volumes, env...) merge by {@code name}, the workflow's entry merged over
 * the default's of the same name; other lists are replaced whole. Only {@code metadata.labels},
 * {@code metadata.annotations} and {@code spec} are taken from the defaults.
 */
public final class WorkflowDefaults {
  private static final ObjectMapper JSON = ModelJson.newObjectMapper();

  private WorkflowDefaults() {}

  public static Workflow apply(Workflow defaults, Workflow wf) {
    if (defaults == null) {
      return wf;
    }
    ObjectNode base = JSON.createObjectNode();
    if (defaults.spec() != null) {
      base.set("spec", JSON.valueToTree(defaults.spec()));
    }
    if (defaults.metadata() != null) {
      ObjectNode meta = base.putObject("metadata");
      if (defaults.metadata().getLabels() != null) {
        meta.set("labels", JSON.valueToTree(defaults.metadata().getLabels()));
      }
      if (defaults.metadata().getAnnotations() != null) {
        meta.set("annotations", JSON.valueToTree(defaults.metadata().getAnnotations()));
      }
    }
    ObjectNode merged = (ObjectNode) merge(base, JSON.valueToTree(wf));
    try {
      return JSON.treeToValue(merged, Workflow.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "workflowDefaults cannot be merged into workflow "
              + wf.metadata().getName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** {@code over} merged onto {@code under}; {@code over} wins. */
  private static JsonNode merge(JsonNode under, JsonNode over) {
    if (over == null || over.isNull() || over.isMissingNode()) {
      return under;
    }
    if (under == null || under.isNull()) {
      return over;
    }
    if (under.isObject() && over.isObject()) {
      ObjectNode out = ((ObjectNode) under).deepCopy();
      for (Map.Entry<String, JsonNode> e : over.properties()) {
        out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
      }
      return out;
    }
    if (under.isArray() && over.isArray() && named(under) && named(over)) {
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      under.forEach(n -> byName.put(n.get("name").asText(), n));
      over.forEach(n -> byName.merge(n.get("name").asText(), n, WorkflowDefaults::merge));
      ArrayNode out = JSON.createArrayNode();
      byName.values().forEach(out::add);
      return out;
    }
    return over;
  }

  private static boolean named(JsonNode array) {
    if (array.isEmpty()) {
      return false;
    }
    for (JsonNode n : array) {
      if (!n.isObject() || n.get("name") == null || !n.get("name").isTextual()) {
        return false;
      }
    }
    return true;
  }
}
