package io.argo4j.engine.internal;

/**
 * What executing a template returned: the node (possibly null when none was created) and, if it did
 * not go as planned, why. Mirrors the {@code (node, err)} pairs of Argo's operator, whose callers
 * treat each kind of error differently.
 */
record Exec(Node node, Failure failure) {

  /** Why an execution stopped short. */
  enum Kind {
    /** Workflow or template parallelism is reached: try again later, not an error. */
    PARALLELISM,
    /** The template's timeout passed while the node was pending. */
    TIMEOUT,
    /** Templates nest deeper than the recursion limit. */
    MAX_DEPTH,
    /** Anything else: the node errored. */
    ERROR
  }

  record Failure(Kind kind, String message) {}

  static Exec ok(Node node) {
    return new Exec(node, null);
  }

  static Exec error(Node node, String message) {
    return new Exec(node, new Failure(Kind.ERROR, message));
  }

  static Exec of(Node node, Kind kind, String message) {
    return new Exec(node, new Failure(kind, message));
  }

  boolean failed() {
    return failure != null;
  }

  boolean is(Kind kind) {
    return failure != null && failure.kind() == kind;
  }

  String message() {
    return failure == null ? null : failure.message();
  }
}
