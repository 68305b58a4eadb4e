package io.argo4j.engine.internal;

/**
 * A problem the workflow author can fix (bad reference, expression, argument): the node or workflow
 * it happens in errors with this message. Never used for engine bugs.
 */
final class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EngineException(String message) {
    super(message, null, false, false);
  }
}
