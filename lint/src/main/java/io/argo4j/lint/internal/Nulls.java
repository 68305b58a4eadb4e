package io.argo4j.lint.internal;

import java.util.List;
import java.util.Map;

/** The model leaves absent lists and maps null; rules read them as empty. */
final class Nulls {
  private Nulls() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  static <V> Map<String, V> map(Map<String, V> map) {
    return map == null ? Map.of() : map;
  }

  static boolean blank(String s) {
    return s == null || s.isEmpty();
  }

  static boolean hasTags(String s) {
    return s != null && s.contains("{{");
  }
}
