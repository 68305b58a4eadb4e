package io.argo4j.expr.internal;

import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Map;

/** The state of one evaluation: environment, clock, let-variables and the closure pointer. */
public final class Ctx {
  final Map<String, Object> env;
  final InstantSource clock;
  final ZoneId zone;
  Frame vars;
  Object pointer;
  long index;
  Object acc;
  int steps;

  /** A let-variable binding; frames form a chain so nested scopes shadow outer ones. */
  record Frame(String name, Object value, Frame parent) {}

  public Ctx(Map<String, Object> env, InstantSource clock, ZoneId zone) {
    this.env = env;
    this.clock = clock;
    this.zone = zone;
  }

  private static final ThreadLocal<Ctx> CURRENT = new ThreadLocal<>();

  /** Runs an evaluation with this context visible to functions that read the clock. */
  public Object run(java.util.function.Function<Ctx, Object> body) {
    Ctx saved = CURRENT.get();
    CURRENT.set(this);
    try {
      return body.apply(this);
    } finally {
      if (saved == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(saved);
      }
    }
  }

  /** The evaluation clock's current time (sprig's now()); the system clock outside evaluation. */
  static java.time.ZonedDateTime now() {
    Ctx c = CURRENT.get();
    if (c == null) {
      return java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
    }
    return java.time.ZonedDateTime.ofInstant(c.clock.instant(), c.zone);
  }

  /** Counts loop iterations so a runaway expression fails instead of hanging. */
  void tick() {
    if (++steps > 50_000_000) {
      throw new EvalError("memory budget exceeded");
    }
  }
}
