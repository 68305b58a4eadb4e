package io.argo4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure the paths they claim to: each one, called once, gives the answer a
 * successful evaluation gives (not an error or a short-circuit). Runs in the normal build; the
 * benchmarks themselves never do.
 */
class BenchmarkInputsTest {

  @Test
  void theWhenConditionsHold() {
    WhenBenchmark b = new WhenBenchmark();
    assertThat(b.plainWhen()).isTrue();
    assertThat(b.expressionWhen()).isTrue();
    assertThat(b.expressionWhenPrecompiled()).isTrue();
  }

  @Test
  void theDependsSpansTwentyTasksAndHolds() {
    assertThat(io.argo4j.expr.Depends.compile(DependsBenchmark.DEPENDS).taskNames()).hasSize(20);
    DependsBenchmark b = new DependsBenchmark();
    assertThat(b.compileAndEvaluate()).isTrue();
    assertThat(b.evaluate()).isTrue();
  }

  @Test
  void theWithParamArrayHasAThousandItems() {
    List<?> items = (List<?>) new WithParamBenchmark().parseOnly();
    assertThat(items).hasSize(1000);
    assertThat(((Map<?, ?>) items.get(7)).get("name")).isEqualTo("item-0007");
  }

  @Test
  void theContainerTemplateIsFullySubstituted() {
    TemplateBenchmark b = new TemplateBenchmark();
    String rendered = b.render();
    assertThat(rendered).doesNotContain("{{").contains("JOBS=8").contains("golang:1.23");
    assertThat(b.parseAndRender()).isEqualTo(rendered);
    assertThat(b.baselineStringReplace()).contains("golang:1.23");
  }

  @Test
  void theBaselineIsTrue() {
    BaselineBenchmark b = new BaselineBenchmark();
    assertThat(b.trivialCompileAndEvaluate()).isEqualTo(true);
    assertThat(b.trivialEvaluate()).isEqualTo(true);
  }
}
