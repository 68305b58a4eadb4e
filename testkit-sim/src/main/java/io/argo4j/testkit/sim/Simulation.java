package io.argo4j.testkit.sim;

import io.argo4j.testkit.sim.internal.SimulationRun;

/**
 * Deterministic simulation of Argo4j on a simulated cluster: one scheduler thread, a virtual clock
 * and a random source seeded by {@code seed}; the real engine and the real Kubernetes controller
 * (its reconciler, work queues, pod tasks and cron reconciler, behind the runtime's {@code Cluster}
 * port over an in-memory API server with informer caches, pods, finalizers and task results);
 * faults injected by seed; invariants checked on every state change and at quiescence. The same
 * seed and options always give the same trace.
 *
 * <pre>{@code
 * SimulationResult r = Simulation.run(42, SimulationOptions.defaults().withWorkflows(myYaml));
 * assertTrue(r.ok(), r::report);
 * }</pre>
 */
public final class Simulation {
  private Simulation() {}

  /** Runs one seed with generated workflows and every fault. */
  public static SimulationResult run(long seed) {
    return run(seed, SimulationOptions.defaults());
  }

  public static SimulationResult run(long seed, SimulationOptions options) {
    return new SimulationRun(seed, options).run();
  }
}
