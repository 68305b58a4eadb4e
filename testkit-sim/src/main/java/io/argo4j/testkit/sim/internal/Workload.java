package io.argo4j.testkit.sim.internal;

import java.util.Map;

/**
 * One workflow to submit: its manifest, as a user writes it, and how its templates' pods behave.
 *
 * @param yaml the Workflow manifest
 * @param behaviours pod behaviour by template name (others use {@link TemplateBehaviour#DEFAULT})
 * @param poisoned whether the workflow is a deliberate poison (invalid spec or engine exception)
 */
public record Workload(String yaml, Map<String, TemplateBehaviour> behaviours, boolean poisoned) {

  public Workload {
    behaviours = Map.copyOf(behaviours);
  }

  public static Workload of(String yaml) {
    return new Workload(yaml, Map.of(), false);
  }
}
