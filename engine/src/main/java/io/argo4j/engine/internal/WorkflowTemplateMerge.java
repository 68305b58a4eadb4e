package io.argo4j.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.argo4j.engine.TemplateCatalog;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.model.WorkflowTemplateRef;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code spec.workflowTemplateRef}: the workflow runs the referenced template's spec, with the
 * workflow's own fields on top (Argo's JoinWorkflowSpec): objects merge field by field, lists are
 * replaced, except {@code templates} and {@code arguments.parameters}, which merge by name.
 */
final class WorkflowTemplateMerge {
  private WorkflowTemplateMerge() {}

  static WorkflowSpec referencedSpec(
      WorkflowTemplateRef ref, TemplateCatalog catalog, String namespace) {
    if (ref.name() == null || ref.name().isEmpty()) {
      throw new EngineException("spec.workflowTemplateRef.name is required");
    }
    if (Boolean.TRUE.equals(ref.clusterScope())) {
      Optional<ClusterWorkflowTemplate> t = catalog.clusterWorkflowTemplate(ref.name());
      if (t.isEmpty() || t.get().spec() == null) {
        throw new EngineException(
            "clusterworkflowtemplate "
                + ref.name()
                + " referenced by workflowTemplateRef not found");
      }
      return t.get().spec();
    }
    Optional<WorkflowTemplate> t = catalog.workflowTemplate(namespace, ref.name());
    if (t.isEmpty() || t.get().spec() == null) {
      throw new EngineException(
          "workflowtemplate " + ref.name() + " referenced by workflowTemplateRef not found");
    }
    return t.get().spec();
  }

  static WorkflowSpec merge(WorkflowSpec wf, WorkflowSpec base) {
    ObjectNode target = (ObjectNode) Json.tree(base).deepCopy();
    ObjectNode over = (ObjectNode) Json.tree(wf);
    over.remove("workflowTemplateRef");
    target.remove("workflowTemplateRef");
    mergeInto(target, over, "");
    return Json.convert(target, WorkflowSpec.class);
  }

  private static void mergeInto(ObjectNode target, ObjectNode over, String path) {
    Iterator<Map.Entry<String, JsonNode>> it = over.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String childPath = path.isEmpty() ? key : path + "." + key;
      JsonNode value = e.getValue();
      JsonNode existing = target.get(key);
      if (value.isNull()) {
        continue;
      }
      if (existing != null
          && existing.isArray()
          && value.isArray()
          && (childPath.equals("templates")
              || childPath.equals("arguments.parameters")
              || childPath.equals("arguments.artifacts"))) {
        target.set(key, mergeByName((ArrayNode) existing, (ArrayNode) value));
      } else if (existing != null && existing.isObject() && value.isObject()) {
        mergeInto((ObjectNode) existing, (ObjectNode) value, childPath);
      } else {
        target.set(key, value);
      }
    }
  }

  private static ArrayNode mergeByName(ArrayNode base, ArrayNode over) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode n : base) {
      byName.put(n.path("name").asText(), n);
    }
    for (JsonNode n : over) {
      byName.put(n.path("name").asText(), n);
    }
    ArrayNode out = base.arrayNode();
    byName.values().forEach(out::add);
    return out;
  }
}
