package io.argo4j.testkit.sim.internal;

import io.argo4j.testkit.sim.FaultKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Which faults one seed injects and how often: each enabled kind is active in a seed with some
 * probability, at a rate drawn around its base rate. Deciding a fault and injecting it are separate
 * steps so that only faults that took effect are counted.
 */
public final class FaultPlan {
  private final RandomGenerator rng;
  private final Map<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
  private final Stats stats;
  private final Trace trace;

  private FaultPlan(RandomGenerator rng, Stats stats, Trace trace) {
    this.rng = rng;
    this.stats = stats;
    this.trace = trace;
  }

  /** A plan drawn from the seed's random source: some seeds quiet, most with a mix of faults. */
  public static FaultPlan draw(
      RandomGenerator rng, Set<FaultKind> enabled, double intensity, Stats stats, Trace trace) {
    FaultPlan plan = new FaultPlan(rng, stats, trace);
    boolean quiet = rng.nextDouble() < 0.05;
    for (FaultKind k : FaultKind.values()) {
      boolean active = rng.nextDouble() < 0.6;
      double scale = 0.3 + rng.nextDouble() * 1.7;
      if (!quiet && active && enabled.contains(k)) {
        plan.rates.put(k, Math.min(0.9, baseRate(k) * scale * intensity));
      }
    }
    return plan;
  }

  /** A plan that injects exactly the given faults with the given probabilities (scenarios). */
  public static FaultPlan fixed(
      RandomGenerator rng, Map<FaultKind, Double> rates, Stats stats, Trace trace) {
    FaultPlan plan = new FaultPlan(rng, stats, trace);
    plan.rates.putAll(rates);
    return plan;
  }

  private static double baseRate(FaultKind k) {
    return switch (k) {
      case CONTROLLER_CRASH -> 0.01;
      case WRITE_CONFLICT -> 0.06;
      case WRITE_TIMEOUT -> 0.03;
      case WATCH_LAG_SPIKE -> 0.02;
      case WATCH_EVENT_DUPLICATED -> 0.03;
      case WATCH_EVENT_REORDERED -> 0.02;
      case WATCH_EVENT_LOST -> 0.02;
      case WATCH_DISCONNECT -> 0.004;
      case POD_DELETED_BEFORE_START -> 0.05;
      case POD_DELETED_WHILE_RUNNING -> 0.06;
      case POD_DELETED_AFTER_COMPLETION -> 0.05;
      case POD_EVICTED -> 0.04;
      case POD_OOM_KILLED -> 0.05;
      case NODE_LOST -> 0.03;
      case EXECUTOR_HANG -> 0.04;
      case TERM_IGNORED -> 0.15;
      case TASK_RESULT_LOST -> 0.04;
      case TASK_RESULT_LATE -> 0.05;
      case CLOCK_JUMP_FORWARD -> 0.5;
      case CLOCK_JUMP_BACKWARD -> 0.5;
      case TWO_CONTROLLERS -> 0.5;
      case API_THROTTLED -> 0.02;
      case API_LATENCY_SPIKE -> 0.01;
      case FINALIZER_REMOVAL_FAILS -> 0.05;
      case USER_STOP -> 0.12;
      case USER_TERMINATE -> 0.12;
      case POISON_INVALID_SPEC -> 0.3;
      case POISON_ENGINE_EXCEPTION -> 0.3;
    };
  }

  /** Whether to inject {@code kind} at this opportunity (not counted until {@link #injected}). */
  public boolean decide(FaultKind kind) {
    Double p = rates.get(kind);
    return p != null && rng.nextDouble() < p;
  }

  public boolean active(FaultKind kind) {
    return rates.containsKey(kind);
  }

  /** Records that a fault took effect. */
  public void injected(FaultKind kind, String what) {
    stats.fault(kind);
    trace.add("FAULT", kind + ": " + what);
  }

  public RandomGenerator rng() {
    return rng;
  }
}
