package io.argo4j.bench;

import io.argo4j.expr.Env;
import io.argo4j.expr.ExprLang;
import io.argo4j.expr.Expression;
import io.argo4j.expr.TemplateString;
import io.argo4j.expr.Unresolved;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code withParam} over a 1,000-item JSON array (a step's {@code outputs.result}): parse the JSON,
 * then expand one child per item by substituting {@code {{item.<field>}}} into its arguments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WithParamBenchmark {

  static final String ITEMS = buildItems(1000);

  private final Expression parse = ExprLang.compile("fromJSON(steps.gen.outputs.result)");
  private final TemplateString argument =
      TemplateString.parse(
          "process --name={{item.name}} --size={{item.size}} --zone={{item.zone}}");
  private final Map<String, Object> env = Env.fromFlat(Map.of("steps.gen.outputs.result", ITEMS));

  static String buildItems(int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(
          String.format(
              "{\"name\":\"item-%04d\",\"size\":%d,\"zone\":\"eu-%d\",\"tags\":[\"a\",\"b\"]}",
              i, i * 7, i % 3));
    }
    return sb.append(']').toString();
  }

  /** Parse the array and render each child's argument from its item's fields. */
  @Benchmark
  public void parseAndExpand(Blackhole bh) {
    List<?> items = (List<?>) parse.evaluate(env);
    for (Object item : items) {
      Map<String, String> scope = new HashMap<>();
      for (Map.Entry<?, ?> field : ((Map<?, ?>) item).entrySet()) {
        scope.put("item." + field.getKey(), String.valueOf(field.getValue()));
      }
      bh.consume(argument.render(scope, Unresolved.ERROR));
    }
  }

  /** Only parse the 1,000-item array. */
  @Benchmark
  public Object parseOnly() {
    return parse.evaluate(env);
  }
}
