package io.argo4j.model.internal.tree;

import io.argo4j.model.io.FieldPath;
import java.util.ArrayDeque;
import java.util.Deque;

/** An immutable path into a JSON tree, printable as a JSON Pointer or as a dotted path. */
public final class Path {
  /** The root of a document. */
  public static final Path ROOT = new Path(null, null, -1);

  private final Path parent;
  private final String key;
  private final int index;
  private String pointer;

  private Path(Path parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  /** The path of field {@code key} below this one. */
  public Path key(String key) {
    return new Path(this, key, -1);
  }

  /** The path of list element {@code index} below this one. */
  public Path index(int index) {
    return new Path(this, null, index);
  }

  /** The last field name, or null for the root or a list element. */
  public String lastKey() {
    return key;
  }

  /** The enclosing path, or null for the root. */
  public Path parent() {
    return parent;
  }

  /** The JSON Pointer, e.g. {@code /spec/templates/0}. */
  public String pointer() {
    if (pointer == null) {
      if (parent == null) {
        pointer = "";
      } else {
        String segment = key != null ? FieldPath.escapePointer(key) : Integer.toString(index);
        pointer = parent.pointer() + "/" + segment;
      }
    }
    return pointer;
  }

  /** The dotted path, e.g. {@code spec.templates[0]}. */
  public String display() {
    Deque<Path> chain = new ArrayDeque<>();
    for (Path p = this; p.parent != null; p = p.parent) {
      chain.push(p);
    }
    StringBuilder sb = new StringBuilder();
    for (Path p : chain) {
      if (p.key != null) {
        FieldPath.appendKey(sb, p.key);
      } else {
        FieldPath.appendIndex(sb, p.index);
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return display();
  }
}
