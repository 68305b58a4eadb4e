package io.argo4j.lint.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The variables a {@code {{...}}} tag may name at one place of a manifest. */
final class Scope {
  private final Set<String> names;
  private final List<String> prefixes;

  Scope() {
    this(new HashSet<>(), new ArrayList<>());
  }

  private Scope(Set<String> names, List<String> prefixes) {
    this.names = names;
    this.prefixes = prefixes;
  }

  /** An independent copy. */
  Scope copy() {
    return new Scope(new HashSet<>(names), new ArrayList<>(prefixes));
  }

  Scope add(String name) {
    names.add(name);
    return this;
  }

  /** Allows every variable starting with {@code prefix}. */
  Scope addPrefix(String prefix) {
    prefixes.add(prefix);
    return this;
  }

  boolean contains(String name) {
    if (names.contains(name)) {
      return true;
    }
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** The names in scope, for suggestions. */
  Set<String> names() {
    return names;
  }
}
