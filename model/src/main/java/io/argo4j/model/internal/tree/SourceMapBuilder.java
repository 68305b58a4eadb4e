package io.argo4j.model.internal.tree;

import io.argo4j.model.io.SourceLocation;
import io.argo4j.model.io.SourceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Collects key and value locations by JSON Pointer while a tree is built. */
public final class SourceMapBuilder {
  private final String source;
  private final NavigableMap<String, SourceLocation> keys = new TreeMap<>();
  private final NavigableMap<String, SourceLocation> values = new TreeMap<>();

  public SourceMapBuilder(String source) {
    this.source = source;
  }

  public String source() {
    return source;
  }

  public SourceLocation location(int line, int column) {
    return new SourceLocation(source, line, column);
  }

  public void key(Path path, SourceLocation location) {
    keys.putIfAbsent(path.pointer(), location);
  }

  public void replaceKey(Path path, SourceLocation location) {
    keys.put(path.pointer(), location);
  }

  public void value(Path path, SourceLocation location) {
    values.put(path.pointer(), location);
  }

  public SourceLocation keyAt(Path path) {
    return keys.get(path.pointer());
  }

  /**
   * Gives everything below {@code from} (not {@code from} itself) the same locations below {@code
   * to}: an alias or merged key is located where its anchor wrote it.
   */
  public void copyBelow(String from, String to) {
    copy(keys, from, to);
    copy(values, from, to);
  }

  /** Copies the key and value locations of {@code from} itself and everything below it. */
  public void copyAll(String from, String to) {
    SourceLocation key = keys.get(from);
    if (key != null) {
      keys.put(to, key);
    }
    SourceLocation value = values.get(from);
    if (value != null) {
      values.put(to, value);
    }
    copyBelow(from, to);
  }

  /** Forgets {@code pointer} and everything below it. */
  public void remove(String pointer) {
    keys.remove(pointer);
    values.remove(pointer);
    below(keys, pointer).clear();
    below(values, pointer).clear();
  }

  public SourceMap build() {
    return SourceMap.of(source, keys, values);
  }

  private static NavigableMap<String, SourceLocation> below(
      NavigableMap<String, SourceLocation> map, String pointer) {
    // '0' is the character after '/', so this range is exactly the pointers under pointer + "/".
    return map.subMap(pointer + "/", true, pointer + "0", false);
  }

  private static void copy(NavigableMap<String, SourceLocation> map, String from, String to) {
    List<Map.Entry<String, SourceLocation>> entries = new ArrayList<>(below(map, from).entrySet());
    for (Map.Entry<String, SourceLocation> e : entries) {
      map.put(to + e.getKey().substring(from.length()), e.getValue());
    }
  }
}
