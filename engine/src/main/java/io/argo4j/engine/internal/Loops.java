package io.argo4j.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.argo4j.model.Sequence;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllegalFormatException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Argo's loop expansion of a step or task: {@code withItems}, {@code withParam} and {@code
 * withSequence} become one copy per item, named {@code name(index:description)}, with {@code
 * {{item}}} and {@code {{item.key}}} substituted.
 */
final class Loops {
  private Loops() {}

  /** One copy of a looped step or task. */
  record Expanded<T>(String name, T value) {}

  static boolean shouldExpand(List<JsonNode> withItems, String withParam, Sequence withSequence) {
    return (withItems != null && !withItems.isEmpty())
        || (withParam != null && !withParam.isEmpty())
        || withSequence != null;
  }

  /** A loop step or task whose {@code withParam} substituted to nothing is an error, not a step. */
  static String emptyParamMessage(String original) {
    return "withParam '"
        + original
        + "' is empty after substitution: it must give a JSON list (use '[]' for no items)";
  }

  /**
   * The copies of {@code step} (a WorkflowStep or DAGTask) for each item.
   *
   * @param scope further variables to substitute (globals and the template's scope)
   */
  static <T> List<Expanded<T>> expand(
      T step,
      Class<T> type,
      String name,
      List<JsonNode> withItems,
      String withParam,
      Sequence withSequence,
      Map<String, String> scope,
      Expressions expr) {
    List<JsonNode> items;
    if (withItems != null && !withItems.isEmpty()) {
      items = withItems;
    } else if (withParam != null) {
      items = parseParam(withParam);
    } else if (withSequence != null) {
      items = sequence(withSequence);
    } else {
      items = List.of();
    }
    ObjectNode tree = (ObjectNode) Json.tree(step);
    tree.remove("withItems");
    tree.remove("withParam");
    tree.remove("withSequence");
    List<Expanded<T>> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      Map<String, String> vars = new HashMap<>(scope);
      String description;
      if (item.isObject()) {
        Map<String, String> sorted = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = item.properties().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          String v = itemText(e.getValue());
          vars.put("item." + e.getKey(), v);
          sorted.put(e.getKey(), GoFormat.v(e.getValue()));
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, v) -> parts.add(k + ":" + v));
        description = String.join(",", parts);
        vars.put("item", Json.write(item));
      } else if (item.isArray()) {
        description = GoFormat.v(item);
        vars.put("item", Json.write(item));
      } else if (item.isValueNode() && !item.isNull()) {
        description = GoFormat.v(item);
        vars.put("item", GoFormat.v(item));
      } else {
        throw new EngineException(
            "withItems["
                + i
                + "] expected string, number, list, or map. received: "
                + (item.isNull() ? "null" : item.toString()));
      }
      String itemName = name + "(" + i + ":" + description + ")";
      JsonNode replaced = Json.mapStrings(tree, s -> expr.replace(s, vars, true));
      ((ObjectNode) replaced).set("name", TextNode.valueOf(itemName));
      out.add(new Expanded<>(itemName, Json.convert(replaced, type)));
    }
    return out;
  }

  private static String itemText(JsonNode v) {
    if (v.isContainerNode()) {
      return Json.write(v);
    }
    return GoFormat.v(v);
  }

  static List<JsonNode> parseParam(String withParam) {
    JsonNode parsed;
    try {
      parsed = Json.parse(withParam);
    } catch (JsonProcessingException e) {
      throw new EngineException(
          "withParam value could not be parsed as a JSON list: " + abbreviate(withParam));
    }
    if (parsed == null || !parsed.isArray()) {
      throw new EngineException(
          "withParam value could not be parsed as a JSON list: " + abbreviate(withParam));
    }
    List<JsonNode> items = new ArrayList<>(parsed.size());
    parsed.forEach(items::add);
    return items;
  }

  static List<JsonNode> sequence(Sequence seq) {
    if (seq.count() != null && seq.end() != null) {
      throw new EngineException("only one of count or end can be defined in withSequence");
    }
    int start = seq.start() == null ? 0 : intValue(seq.start(), "withSequence.start");
    int end;
    if (seq.end() != null) {
      end = intValue(seq.end(), "withSequence.end");
    } else if (seq.count() != null) {
      int count = intValue(seq.count(), "withSequence.count");
      if (count <= 0) {
        return List.of();
      }
      end = start + count - 1;
    } else {
      throw new EngineException("neither end nor count was specified in withSequence");
    }
    String format = seq.format() == null || seq.format().isEmpty() ? "%d" : seq.format();
    List<JsonNode> items = new ArrayList<>();
    int step = start <= end ? 1 : -1;
    for (int i = start; ; i += step) {
      try {
        items.add(TextNode.valueOf(String.format(format, i)));
      } catch (IllegalFormatException e) {
        throw new EngineException(
            "withSequence.format '" + format + "' cannot format an integer: " + e.getMessage());
      }
      if (i == end) {
        break;
      }
    }
    return items;
  }

  private static int intValue(IntOrString v, String field) {
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    String s = v.getStrVal() == null ? "" : v.getStrVal().strip();
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new EngineException(field + " must be an integer, got '" + s + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
