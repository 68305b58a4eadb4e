package io.argo4j.engine;

import java.util.Map;

/**
 * What the runtime observes now.
 *
 * @param pods the pods that exist, by the ID of the node they run
 * @param templates the templates that references may resolve to
 */
public record Observations(Map<String, PodObservation> pods, TemplateCatalog templates) {

  public Observations {
    pods = Map.copyOf(pods);
  }

  public static Observations none(TemplateCatalog templates) {
    return new Observations(Map.of(), templates);
  }
}
