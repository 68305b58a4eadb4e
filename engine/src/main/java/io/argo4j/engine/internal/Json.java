package io.argo4j.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.argo4j.model.io.ModelJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON conversions the engine needs: model records to trees and back, and value printing. */
final class Json {
  static final ObjectMapper MAPPER =
      ModelJson.newObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  static <T> T convert(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new EngineException(
          "internal: cannot rebuild " + type.getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  /** Compact JSON text, as Go's json.Marshal prints it. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new EngineException("internal: cannot write JSON: " + e.getOriginalMessage());
    }
  }

  static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** A scalar item rendered as Go's {@code fmt.Sprintf("%v", item)} does. */
  static String scalarText(JsonNode n) {
    if (n == null || n.isNull()) {
      return "<nil>";
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    if (n.isNumber()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return Boolean.toString(n.booleanValue());
    }
    return write(n);
  }

  /**
   * Applies {@code f} to every string value (and object key) of a tree, returning a new tree. Used
   * for Argo's "marshal the template to JSON, substitute, unmarshal" without the escaping pitfalls
   * of working on JSON text.
   */
  static JsonNode mapStrings(JsonNode node, StringMapper f) {
    if (node.isTextual()) {
      String s = node.textValue();
      if (s.indexOf("{{") < 0) {
        return node;
      }
      return TextNode.valueOf(f.apply(s));
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
      for (JsonNode child : node) {
        out.add(mapStrings(child, f));
      }
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey().indexOf("{{") < 0 ? e.getKey() : f.apply(e.getKey());
        out.set(key, mapStrings(e.getValue(), f));
      }
      return out;
    }
    return node;
  }

  /** Every string value in the tree (for reference scanning). */
  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.textValue());
    } else if (node.isContainerNode()) {
      for (JsonNode child : node) {
        collect(child, out);
      }
    }
  }

  /** A string transformation that may fail with an {@link EngineException}. */
  @FunctionalInterface
  interface StringMapper {
    String apply(String s);
  }
}
