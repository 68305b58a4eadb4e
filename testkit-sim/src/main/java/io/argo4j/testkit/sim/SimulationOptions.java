package io.argo4j.testkit.sim;

import io.argo4j.engine.EngineConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a simulation runs and injects.
 *
 * @param engineConfig the engine's settings
 * @param faults the fault kinds a seed may inject
 * @param intensity multiplies every fault rate (1 is the calibrated default)
 * @param workflows Workflow manifests to run; empty to generate random ones from the seed
 * @param engine wraps the real engine (identity normally; tests wrap it to break it on purpose)
 * @param features what generated workflows may use
 */
public record SimulationOptions(
    EngineConfig engineConfig,
    Set<FaultKind> faults,
    double intensity,
    List<String> workflows,
    UnaryOperator<Reconciler> engine,
    Set<WorkloadFeature> features) {

  public SimulationOptions {
    faults = faults.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(faults);
    workflows = List.copyOf(workflows);
    features =
        features.isEmpty() ? EnumSet.noneOf(WorkloadFeature.class) : EnumSet.copyOf(features);
  }

  /** Argo's engine defaults, every fault, generated workflows. */
  public static SimulationOptions defaults() {
    return new SimulationOptions(
        EngineConfig.defaults(),
        EnumSet.allOf(FaultKind.class),
        1.0,
        List.of(),
        r -> r,
        EnumSet.allOf(WorkloadFeature.class));
  }

  /** Runs these Workflow manifests (YAML) instead of generated ones. */
  public SimulationOptions withWorkflows(String... yaml) {
    return new SimulationOptions(engineConfig, faults, intensity, List.of(yaml), engine, features);
  }

  public SimulationOptions withFaults(Set<FaultKind> kinds) {
    return new SimulationOptions(engineConfig, kinds, intensity, workflows, engine, features);
  }

  public SimulationOptions withoutFaults(FaultKind... kinds) {
    Set<FaultKind> s = EnumSet.copyOf(faults.isEmpty() ? EnumSet.allOf(FaultKind.class) : faults);
    for (FaultKind k : kinds) {
      s.remove(k);
    }
    return new SimulationOptions(engineConfig, s, intensity, workflows, engine, features);
  }

  public SimulationOptions withIntensity(double factor) {
    return new SimulationOptions(engineConfig, faults, factor, workflows, engine, features);
  }

  public SimulationOptions withEngineConfig(EngineConfig config) {
    return new SimulationOptions(config, faults, intensity, workflows, engine, features);
  }

  /** Generated workflows without these features. */
  public SimulationOptions withoutFeatures(WorkloadFeature... left) {
    Set<WorkloadFeature> s = EnumSet.allOf(WorkloadFeature.class);
    s.retainAll(features);
    for (WorkloadFeature f : left) {
      s.remove(f);
    }
    return new SimulationOptions(engineConfig, faults, intensity, workflows, engine, s);
  }

  /** Wraps the engine, for example to check that a deliberately broken engine is caught. */
  public SimulationOptions withEngine(UnaryOperator<Reconciler> wrapper) {
    return new SimulationOptions(engineConfig, faults, intensity, workflows, wrapper, features);
  }
}
