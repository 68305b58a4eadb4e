package io.argo4j.bench;

import io.argo4j.expr.TemplateString;
import io.argo4j.expr.Unresolved;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code {{...}}} substitution of a typical container template, serialised to JSON as Argo
 * substitutes it: 14 simple tags and one expression tag, against a 30-entry scope.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TemplateBenchmark {

  static final String CONTAINER =
      """
      {"name":"build","inputs":{"parameters":[{"name":"repo","value":"{{inputs.parameters.repo}}"},\
      {"name":"revision","value":"{{inputs.parameters.revision}}"}]},"container":{"image":\
      "{{inputs.parameters.image}}:{{inputs.parameters.tag}}","command":["sh","-c"],"args":["git \
      clone {{inputs.parameters.repo}} /src && cd /src && git checkout {{inputs.parameters.revision}} \
      && make build JOBS={{=asInt(inputs.parameters.jobs) * 2}} OUT=/out/{{workflow.name}}"],"env":\
      [{"name":"WORKFLOW","value":"{{workflow.name}}"},{"name":"NAMESPACE","value":\
      "{{workflow.namespace}}"},{"name":"POD","value":"{{pod.name}}"},{"name":"UID","value":\
      "{{workflow.uid}}"}],"resources":{"limits":{"cpu":"{{inputs.parameters.cpu}}","memory":\
      "{{inputs.parameters.memory}}"}},"volumeMounts":[{"name":"out","mountPath":"/out"}]},\
      "outputs":{"artifacts":[{"name":"binary","path":"/out/{{workflow.name}}"}]}}\
      """;

  private final Map<String, String> scope = buildScope();
  private final TemplateString parsed = TemplateString.parse(CONTAINER);

  static Map<String, String> buildScope() {
    Map<String, String> s = new HashMap<>();
    s.put("inputs.parameters.repo", "https://github.com/example/app.git");
    s.put("inputs.parameters.revision", "v1.4.2");
    s.put("inputs.parameters.image", "golang");
    s.put("inputs.parameters.tag", "1.23");
    s.put("inputs.parameters.jobs", "4");
    s.put("inputs.parameters.cpu", "2");
    s.put("inputs.parameters.memory", "4Gi");
    s.put("workflow.name", "build-app-x7k2p");
    s.put("workflow.namespace", "ci");
    s.put("workflow.uid", "3f1c9a52-8d7e-4b6a-9a11-2c0d5e7f9b31");
    s.put("pod.name", "build-app-x7k2p-build-2718281828");
    for (int i = 0; i < 19; i++) {
      s.put("workflow.labels.label-" + i, "value-" + i);
    }
    return s;
  }

  /** Parse the template (compiling its expression tag) and render it. */
  @Benchmark
  public String parseAndRender() {
    return TemplateString.parse(CONTAINER).render(scope, Unresolved.KEEP);
  }

  /** Render a template parsed once. */
  @Benchmark
  public String render() {
    return parsed.render(scope, Unresolved.KEEP);
  }

  /**
   * Baseline: one {@link String#replace} per scope entry over the same text (what a naive
   * implementation does; it leaves the expression tag alone).
   */
  @Benchmark
  public String baselineStringReplace() {
    String s = CONTAINER;
    for (Map.Entry<String, String> e : scope.entrySet()) {
      s = s.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return s;
  }
}
