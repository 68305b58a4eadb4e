package io.argo4j.model.internal;

/** Defaults and checks for the apiVersion and kind components of Argo's records. */
public final class Kinds {
  private Kinds() {}

  /** {@code kind} if it is null or {@code expected}; otherwise an IllegalArgumentException. */
  public static String kind(String kind, String expected) {
    if (kind == null) {
      return expected;
    }
    if (!kind.equals(expected)) {
      throw new IllegalArgumentException(
          "kind \"" + kind + "\" given to the record of kind " + expected);
    }
    return kind;
  }

  /** {@code apiVersion}, defaulting to argoproj.io/v1alpha1. */
  public static String apiVersion(String apiVersion) {
    return apiVersion == null ? "argoproj.io/v1alpha1" : apiVersion;
  }
}
