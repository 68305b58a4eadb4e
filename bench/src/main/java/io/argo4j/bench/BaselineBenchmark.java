package io.argo4j.bench;

import io.argo4j.expr.ExprLang;
import io.argo4j.expr.Expression;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The yardstick the other figures are divided by: the cheapest possible expression. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BaselineBenchmark {

  private final Expression trivial = ExprLang.compile("1 == 1");

  /** Compile and evaluate {@code 1 == 1}. */
  @Benchmark
  public Object trivialCompileAndEvaluate() {
    return ExprLang.compile("1 == 1").evaluate(Map.of());
  }

  /** Evaluate an already compiled {@code 1 == 1}. */
  @Benchmark
  public Object trivialEvaluate() {
    return trivial.evaluate(Map.of());
  }
}
