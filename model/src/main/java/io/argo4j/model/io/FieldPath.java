package io.argo4j.model.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Converts between the two ways of naming a field: the dotted path people read ({@code
 * spec.templates[2].steps[0][1].template}, {@code metadata.labels["app.kubernetes.io/name"]}) and
 * the JSON Pointer ({@code /spec/templates/2/steps/0/1/template}).
 */
public final class FieldPath {
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private FieldPath() {}

  /** The JSON Pointer of {@code path}, which may be a dotted path or already a pointer. */
  public static String toPointer(String path) {
    if (path.isEmpty() || path.startsWith("/")) {
      return path;
    }
    StringBuilder sb = new StringBuilder();
    for (Object segment : parse(path)) {
      sb.append('/').append(escapePointer(segment.toString()));
    }
    return sb.toString();
  }

  /**
   * The dotted path of a JSON Pointer. Segments made of digits are taken as list indexes, which is
   * right unless a map key consists of digits only.
   */
  public static String fromPointer(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException("not a JSON Pointer: " + pointer);
    }
    StringBuilder sb = new StringBuilder();
    for (String raw : pointer.substring(1).split("/", -1)) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      if (!segment.isEmpty() && segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
        appendIndex(sb, Integer.parseInt(segment));
      } else {
        appendKey(sb, segment);
      }
    }
    return sb.toString();
  }

  /** Appends a map key or field name to a dotted path. */
  public static void appendKey(StringBuilder path, String key) {
    if (SIMPLE_KEY.matcher(key).matches()) {
      if (!path.isEmpty()) {
        path.append('.');
      }
      path.append(key);
    } else {
      path.append("[\"");
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        if (c == '"' || c == '\\') {
          path.append('\\');
        }
        path.append(c);
      }
      path.append("\"]");
    }
  }

  /** Appends a list index to a dotted path. */
  public static void appendIndex(StringBuilder path, int index) {
    path.append('[').append(index).append(']');
  }

  /** Escapes one JSON Pointer segment. */
  public static String escapePointer(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /** The segments of a dotted path: Strings for keys, Integers for indexes. */
  public static List<Object> parse(String path) {
    List<Object> segments = new ArrayList<>();
    int i = 0;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      if (c == '[') {
        if (i + 1 < n && path.charAt(i + 1) == '"') {
          StringBuilder key = new StringBuilder();
          int j = i + 2;
          while (j < n && path.charAt(j) != '"') {
            if (path.charAt(j) == '\\' && j + 1 < n) {
              j++;
            }
            key.append(path.charAt(j));
            j++;
          }
          if (j + 1 >= n || path.charAt(j + 1) != ']') {
            throw new IllegalArgumentException("unterminated [\"...\"] in path: " + path);
          }
          segments.add(key.toString());
          i = j + 2;
        } else {
          int close = path.indexOf(']', i);
          if (close < 0) {
            throw new IllegalArgumentException("unterminated [...] in path: " + path);
          }
          try {
            segments.add(Integer.parseInt(path.substring(i + 1, close)));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad index in path: " + path, e);
          }
          i = close + 1;
        }
        continue;
      }
      int j = i;
      while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') {
        j++;
      }
      segments.add(path.substring(i, j));
      i = j;
    }
    return segments;
  }
}
