package io.argo4j.bench;

import io.argo4j.expr.Env;
import io.argo4j.expr.ExprLang;
import io.argo4j.expr.Expression;
import io.argo4j.expr.Govaluate;
import io.argo4j.expr.TemplateString;
import io.argo4j.expr.Unresolved;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A step's {@code when:} as Argo evaluates it: substitute the tags, then govaluate the result. Two
 * typical forms: a plain comparison ({@code examples/coinflip.yaml}) and an expression tag.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WhenBenchmark {

  private static final String PLAIN_WHEN = "{{steps.flip-coin.outputs.result}} == heads";
  private static final String EXPR_WHEN =
      "{{=asInt(inputs.parameters.n) > 5 && inputs.parameters.flag == 'yes'}}";

  private final Map<String, String> scope =
      Map.of(
          "steps.flip-coin.outputs.result", "heads",
          "inputs.parameters.n", "7",
          "inputs.parameters.flag", "yes",
          "workflow.name", "coinflip-x7k2p");

  private final Expression compiled =
      ExprLang.compile("asInt(inputs.parameters.n) > 5 && inputs.parameters.flag == 'yes'");

  /** Substitute {@code {{steps.flip-coin.outputs.result}} == heads}, then govaluate it. */
  @Benchmark
  public boolean plainWhen() {
    String substituted = TemplateString.parse(PLAIN_WHEN).render(scope, Unresolved.ERROR);
    return Govaluate.shouldExecute(substituted);
  }

  /** Substitute an expression tag (compiling it), then govaluate the {@code true} it gives. */
  @Benchmark
  public boolean expressionWhen() {
    String substituted = TemplateString.parse(EXPR_WHEN).render(scope, Unresolved.ERROR);
    return Govaluate.shouldExecute(substituted);
  }

  /** The same expression, compiled once, evaluated in a fresh environment. */
  @Benchmark
  public boolean expressionWhenPrecompiled() {
    return compiled.evaluateBool(Env.fromFlat(scope));
  }
}
