package io.argo4j.bench;

import io.argo4j.expr.Depends;
import io.argo4j.expr.DependsExpression;
import io.argo4j.expr.TaskResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A DAG task's {@code depends} over 20 tasks mixing the forms users write: bare names, {@code
 * .Succeeded || .Skipped}, negations and a loop's {@code .AnySucceeded}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DependsBenchmark {

  static final String DEPENDS = buildDepends(20);

  private final Map<String, TaskResult> results = buildResults(20);
  private final DependsExpression compiled = Depends.compile(DEPENDS);

  static String buildDepends(int tasks) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      String name = String.format("task-%02d", i);
      parts.add(
          switch (i % 4) {
            case 0 -> name;
            case 1 -> "(" + name + ".Succeeded || " + name + ".Skipped)";
            case 2 -> "!" + name + ".Failed";
            default -> name + ".AnySucceeded";
          });
    }
    return String.join(" && ", parts);
  }

  static Map<String, TaskResult> buildResults(int tasks) {
    Map<String, TaskResult> out = new HashMap<>();
    for (int i = 0; i < tasks; i++) {
      String name = String.format("task-%02d", i);
      out.put(
          name,
          i % 4 == 3
              ? TaskResult.ofGroup("Failed", false, List.of("Failed", "Succeeded"))
              : TaskResult.of("Succeeded", false));
    }
    return out;
  }

  /** Compile the depends (as on each reconcile without a cache), then evaluate it. */
  @Benchmark
  public boolean compileAndEvaluate() {
    return Depends.compile(DEPENDS).evaluate(results::get);
  }

  /** Evaluate a depends compiled once. */
  @Benchmark
  public boolean evaluate() {
    return compiled.evaluate(results::get);
  }
}
