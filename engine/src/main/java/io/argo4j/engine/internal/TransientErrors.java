package io.argo4j.engine.internal;

import io.argo4j.engine.EngineConfig;
import java.util.List;

/**
 * Argo's IsTransientErr for node messages: infrastructure hiccups worth retrying under {@code
 * OnTransientError}, plus the user's {@code TRANSIENT_ERROR_PATTERN}.
 */
final class TransientErrors {
  private static final List<String> MARKERS =
      List.of(
          "pod deleted",
          "container deleted",
          "exceeded quota",
          "connection reset by peer",
          "connection refused",
          "i/o timeout",
          "the object has been modified",
          "too many requests",
          "etcdserver: request timed out",
          "transport is closing",
          "Evicted",
          "node lost",
          "process lost");

  private TransientErrors() {}

  static boolean isTransient(String message, EngineConfig config) {
    if (message == null || message.isEmpty()) {
      return false;
    }
    for (String m : MARKERS) {
      if (message.contains(m)) {
        return true;
      }
    }
    return config.transientErrorPattern().map(p -> p.matcher(message).find()).orElse(false);
  }
}
