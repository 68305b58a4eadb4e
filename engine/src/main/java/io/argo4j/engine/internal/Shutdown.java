package io.argo4j.engine.internal;

import io.argo4j.model.WorkflowSpec;

/** Argo's ShutdownStrategy: {@code spec.shutdown} of Stop or Terminate. */
record Shutdown(String value) {

  static Shutdown of(WorkflowSpec spec) {
    String v = spec.shutdown();
    return new Shutdown(v == null ? "" : v);
  }

  boolean enabled() {
    return !value.isEmpty();
  }

  boolean isTerminate() {
    return value.equals("Terminate");
  }

  /**
   * Whether a pod may run (or be created): everything when not shutting down; only exit-handler
   * pods under Stop; nothing under Terminate.
   */
  boolean shouldExecute(boolean onExitPod) {
    return switch (value) {
      case "Terminate" -> false;
      case "Stop" -> onExitPod;
      default -> true;
    };
  }
}
