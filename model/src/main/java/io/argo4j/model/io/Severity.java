package io.argo4j.model.io;

/** How serious a {@link ModelProblem} is. */
public enum Severity {
  /** The manifest is not valid; it must not be run. */
  ERROR,
  /** Something was ignored or coerced; the manifest can still be used. */
  WARNING
}
