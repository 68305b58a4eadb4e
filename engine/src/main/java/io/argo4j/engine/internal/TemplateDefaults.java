package io.argo4j.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.argo4j.model.Template;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code spec.templateDefaults} merged under a template (the template wins), as Argo's strategic
 * merge does: objects merge field by field, lists and scalars of the template replace the
 * defaults'. A default never changes the template's type.
 */
final class TemplateDefaults {
  private TemplateDefaults() {}

  static Template merge(Template defaults, Template tmpl) {
    if (defaults == null) {
      return tmpl;
    }
    JsonNode base = Json.tree(defaults);
    JsonNode over = Json.tree(tmpl);
    if (!(base instanceof ObjectNode b) || !(over instanceof ObjectNode o)) {
      return tmpl;
    }
    // The type fields of the defaults would give the template a second type: drop them unless
    // they match the template's own type, whose fields then merge.
    for (String type :
        new String[] {
          "container",
          "script",
          "resource",
          "dag",
          "steps",
          "suspend",
          "data",
          "http",
          "plugin",
          "containerSet"
        }) {
      if (!o.has(type)) {
        b.remove(type);
      }
    }
    return Json.convert(mergeObjects(b, o), Template.class);
  }

  private static ObjectNode mergeObjects(ObjectNode base, ObjectNode over) {
    ObjectNode out = base.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> it = over.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = out.get(e.getKey());
      if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
        out.set(e.getKey(), mergeObjects(eo, vo));
      } else {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
