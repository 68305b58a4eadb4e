package io.argo4j.model.internal.tree;

import io.argo4j.model.io.SourceLocation;

/** A document is too deep or expands to too many nodes (an alias bomb). */
final class TreeLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SourceLocation location;

  TreeLimitException(SourceLocation location, String message) {
    super(message, null, false, false);
    this.location = location;
  }

  SourceLocation location() {
    return location;
  }
}
