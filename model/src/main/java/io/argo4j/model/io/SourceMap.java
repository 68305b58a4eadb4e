package io.argo4j.model.io;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each field and value of one document was read from. Paths may be given as dotted paths
 * ({@code spec.templates[0].name}) or JSON Pointers ({@code /spec/templates/0/name}).
 */
public final class SourceMap {
  private final String source;
  private final Map<String, SourceLocation> keys;
  private final Map<String, SourceLocation> values;

  private SourceMap(
      String source, Map<String, SourceLocation> keys, Map<String, SourceLocation> values) {
    this.source = source;
    this.keys = Collections.unmodifiableMap(new HashMap<>(keys));
    this.values = Collections.unmodifiableMap(new HashMap<>(values));
  }

  /** A map from JSON Pointers to the locations of field names (keys) and of values. */
  public static SourceMap of(
      String source, Map<String, SourceLocation> keys, Map<String, SourceLocation> values) {
    return new SourceMap(source, keys, values);
  }

  /** A map that knows no location, for values built in code. */
  public static SourceMap empty(String source) {
    return new SourceMap(source, Map.of(), Map.of());
  }

  /** The name of the source (file name, {@code <stdin>}, ...). */
  public String source() {
    return source;
  }

  /** Where the value at {@code path} starts. */
  public Optional<SourceLocation> value(String path) {
    return Optional.ofNullable(values.get(FieldPath.toPointer(path)));
  }

  /** Where the field name (mapping key) of {@code path} is. */
  public Optional<SourceLocation> key(String path) {
    return Optional.ofNullable(keys.get(FieldPath.toPointer(path)));
  }

  /**
   * The best location for a message about {@code path}: its key, else its value, else those of the
   * nearest enclosing field that was read (for paths that were defaulted, not written).
   */
  public Optional<SourceLocation> locate(String path) {
    String pointer = FieldPath.toPointer(path);
    while (true) {
      SourceLocation location = keys.get(pointer);
      if (location == null) {
        location = values.get(pointer);
      }
      if (location != null) {
        return Optional.of(location);
      }
      if (pointer.isEmpty()) {
        return Optional.empty();
      }
      pointer = pointer.substring(0, pointer.lastIndexOf('/'));
    }
  }

  /** How many values the map locates. */
  public int size() {
    return values.size();
  }
}
