package io.argo4j.runtime.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code argo4j run} changes in a manifest before running it, as {@code argo submit} does.
 *
 * @param namespace the namespace when the manifest names none
 * @param parameters {@code -p name=value} overrides, in order
 * @param entrypoint overrides {@code spec.entrypoint} when not null
 * @param labels extra labels
 */
public record SubmitOptions(
    String namespace,
    Map<String, String> parameters,
    String entrypoint,
    Map<String, String> labels) {

  public SubmitOptions {
    namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
    parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
    labels = labels == null ? Map.of() : new LinkedHashMap<>(labels);
  }

  public static SubmitOptions defaults() {
    return new SubmitOptions("default", Map.of(), null, Map.of());
  }
}
