package io.argo4j.model.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.argo4j.model.internal.json.AnyStrings;
import io.argo4j.model.internal.json.Instants;
import io.argo4j.model.internal.tree.Path;
import java.util.Map;

/**
 * Checks a JSON tree against the shape of a model type before Jackson binds it, so that every
 * problem of a document is reported at once, with its path. Returns a copy in which values that
 * cannot be bound are left out and Argo's AnyString values are turned into strings; binding that
 * copy cannot fail on its shape.
 */
public final class ShapeChecker {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ShapeRegistry registry;

  public ShapeChecker(ObjectMapper mapper) {
    this.registry = new ShapeRegistry(mapper);
  }

  /** Checks {@code node} (the value at {@code path}) as a {@code type}; null if unusable. */
  public JsonNode check(JsonNode node, Class<?> type, Path path, Problems problems) {
    return check(node, registry.shapeOf(type), path, problems);
  }

  private JsonNode check(JsonNode node, Shape shape, Path path, Problems problems) {
    if (node.isNull() || shape instanceof Shape.Any) {
      return node;
    }
    return switch (shape) {
      case Shape.Any any -> node;
      case Shape.Str str -> string(node, str, path, problems);
      case Shape.Bool bool ->
          expect(node.isBoolean(), node, "a boolean (true or false)", path, problems);
      case Shape.Int range -> integer(node, range, path, problems);
      case Shape.Num num -> expect(node.isNumber(), node, "a number", path, problems);
      case Shape.Timestamp ts ->
          expect(
              node.isTextual() && Instants.parse(node.textValue()) != null,
              node,
              "an RFC 3339 timestamp such as 2024-05-01T10:00:00Z",
              path,
              problems);
      case Shape.IntOrString ios ->
          expect(
              node.isTextual() || (node.isIntegralNumber() && node.canConvertToInt()),
              node,
              "an integer or a string",
              path,
              problems);
      case Shape.Quantity q ->
          expect(
              node.isTextual() || node.isNumber(),
              node,
              "a quantity such as 500m or 1Gi",
              path,
              problems);
      case Shape.Enum e -> enumeration(node, e, path, problems);
      case Shape.ListOf list -> list(node, list, path, problems);
      case Shape.MapOf map -> map(node, map, path, problems);
      case Shape.Obj object -> object(node, object, path, problems);
    };
  }

  private static JsonNode expect(
      boolean ok, JsonNode node, String expected, Path path, Problems problems) {
    if (ok) {
      return node;
    }
    problems.error(path, "expected " + expected + ", found " + describe(node), null);
    return null;
  }

  private static JsonNode string(JsonNode node, Shape.Str shape, Path path, Problems problems) {
    if (node.isTextual()) {
      return node;
    }
    if (node.isValueNode()) {
      String text = AnyStrings.text(node);
      if (!shape.anyString()) {
        problems.tolerable(
            path,
            "expected a string, found "
                + describe(node)
                + (problems.strict() ? "; quote it" : "; read as \"" + text + "\""),
            null);
      }
      return TextNode.valueOf(text);
    }
    problems.error(path, "expected a string, found " + describe(node), null);
    return null;
  }

  private static JsonNode integer(JsonNode node, Shape.Int range, Path path, Problems problems) {
    if (node.isIntegralNumber()) {
      if (node.canConvertToLong()
          && node.longValue() >= range.min()
          && node.longValue() <= range.max()) {
        return node;
      }
      problems.error(path, "the integer " + node + " is out of range", null);
      return null;
    }
    problems.error(path, "expected an integer, found " + describe(node), null);
    return null;
  }

  private static JsonNode enumeration(JsonNode node, Shape.Enum e, Path path, Problems problems) {
    if (node.isTextual() && e.values().contains(node.textValue())) {
      return node;
    }
    String valid =
        String.join(", ", e.values().stream().map(v -> v.isEmpty() ? "\"\"" : v).toList());
    String found = node.isTextual() ? "\"" + node.textValue() + "\"" : describe(node);
    String suggestion = node.isTextual() ? Suggestions.nearest(node.textValue(), e.values()) : null;
    problems.tolerable(
        path,
        "unknown " + e.label() + " " + found + "; valid values: " + valid,
        suggestion != null && !suggestion.isEmpty() ? suggestion : null);
    return null;
  }

  private JsonNode list(JsonNode node, Shape.ListOf shape, Path path, Problems problems) {
    if (!node.isArray()) {
      String hint =
          shape.element() instanceof Shape.ListOf && node.isObject()
              ? " (steps are a list of lists: the steps of each inner list run in parallel)"
              : "";
      problems.error(path, "expected a list, found " + describe(node) + hint, null);
      return null;
    }
    ArrayNode out = NODES.arrayNode(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      Path child = path.index(i);
      if (element.isNull()) {
        problems.tolerable(child, "a list entry cannot be empty (null)", null);
        continue;
      }
      JsonNode checked = check(element, shape.element(), child, problems);
      if (checked != null) {
        out.add(checked);
      }
    }
    return out;
  }

  private JsonNode map(JsonNode node, Shape.MapOf shape, Path path, Problems problems) {
    if (!node.isObject()) {
      problems.error(path, "expected an object (a map), found " + describe(node), null);
      return null;
    }
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      Path child = path.key(field.getKey());
      if (field.getValue().isNull() && !(shape.value() instanceof Shape.Any)) {
        problems.tolerable(child, "a map value cannot be empty (null)", null);
        continue;
      }
      JsonNode checked = check(field.getValue(), shape.value(), child, problems);
      if (checked != null) {
        out.set(field.getKey(), checked);
      }
    }
    return out;
  }

  private JsonNode object(JsonNode node, Shape.Obj shape, Path path, Problems problems) {
    if (!node.isObject()) {
      String hint =
          node.isArray() && shape.properties().containsKey("name")
              ? " (a single " + shape.typeName() + ", not a list)"
              : "";
      problems.error(
          path,
          "expected an object (" + shape.typeName() + "), found " + describe(node) + hint,
          null);
      return null;
    }
    if (shape.freeForm()) {
      return node;
    }
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      Path child = path.key(field.getKey());
      Shape property = shape.properties().get(field.getKey());
      if (property == null) {
        problems.unknownField(
            child, Suggestions.nearest(field.getKey(), shape.properties().keySet()));
        continue;
      }
      JsonNode checked = check(field.getValue(), property, child, problems);
      if (checked != null) {
        out.set(field.getKey(), checked);
      }
    }
    return out;
  }

  /** How a value reads in a message: "a string", "the number 5", "an object", ... */
  static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "the number " + node;
    }
    if (node.isBoolean()) {
      return "the boolean " + node;
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    return "null";
  }
}
