package io.argo4j.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies for record components: null stays null, order is kept, nulls are refused. */
public final class Immutables {
  private Immutables() {}

  /** An unmodifiable copy of {@code list}, or null. */
  public static <T> List<T> list(List<T> list) {
    if (list == null) {
      return null;
    }
    for (T element : list) {
      if (element == null) {
        throw new IllegalArgumentException("lists in the model cannot hold null elements");
      }
    }
    return List.copyOf(list);
  }

  /** An unmodifiable copy of a list of lists (steps), or null. */
  public static <T> List<List<T>> nestedList(List<List<T>> list) {
    if (list == null) {
      return null;
    }
    List<List<T>> copy = new ArrayList<>(list.size());
    for (List<T> inner : list) {
      if (inner == null) {
        throw new IllegalArgumentException("lists in the model cannot hold null elements");
      }
      copy.add(list(inner));
    }
    return Collections.unmodifiableList(copy);
  }

  /** An unmodifiable, order-preserving copy of {@code map}, or null. */
  public static <V> Map<String, V> map(Map<String, V> map) {
    if (map == null) {
      return null;
    }
    for (Map.Entry<String, V> e : map.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException("maps in the model cannot hold null keys or values");
      }
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A private copy of a free-form JSON value; a JSON null becomes absent (Java null). */
  public static JsonNode json(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.deepCopy();
  }

  /** A mutable copy for handing a list to fabric8's mutable model, or null. */
  public static <T> List<T> mutableList(List<T> list) {
    return list == null ? null : new ArrayList<>(list);
  }
}
