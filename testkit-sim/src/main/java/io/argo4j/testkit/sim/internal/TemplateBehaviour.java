package io.argo4j.testkit.sim.internal;

/**
 * How the pods of one template behave when no fault hits them.
 *
 * @param failProbability chance that main exits 1
 * @param minRunMillis shortest run of main
 * @param maxRunMillis longest run of main
 */
public record TemplateBehaviour(double failProbability, long minRunMillis, long maxRunMillis) {

  public static final TemplateBehaviour DEFAULT = new TemplateBehaviour(0, 1_000, 60_000);
}
