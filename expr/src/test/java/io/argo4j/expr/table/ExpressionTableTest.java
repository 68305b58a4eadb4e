package io.argo4j.expr.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.argo4j.expr.ContinueOn;
import io.argo4j.expr.Depends;
import io.argo4j.expr.Env;
import io.argo4j.expr.ExprException;
import io.argo4j.expr.ExprLang;
import io.argo4j.expr.Govaluate;
import io.argo4j.expr.Strftime;
import io.argo4j.expr.TaskResult;
import io.argo4j.expr.TemplateString;
import io.argo4j.expr.Unresolved;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the tables under {@code src/test/resources/cases}: expr-lang expressions, {@code {{...}}}
 * templates, govaluate {@code when} conditions, DAG {@code depends} and strftime variables. The
 * file format is described in {@link CaseFile}.
 */
class ExpressionTableTest {

  /** Every table, with what its input is. */
  enum Kind {
    EXPR,
    TEMPLATE,
    WHEN,
    DEPENDS,
    STRFTIME
  }

  static final Map<String, Kind> FILES = new LinkedHashMap<>();

  static {
    FILES.put("expr-operators.cases", Kind.EXPR);
    FILES.put("expr-access.cases", Kind.EXPR);
    FILES.put("expr-closures.cases", Kind.EXPR);
    FILES.put("expr-builtins.cases", Kind.EXPR);
    FILES.put("expr-time.cases", Kind.EXPR);
    FILES.put("expr-argo.cases", Kind.EXPR);
    FILES.put("expr-sprig.cases", Kind.EXPR);
    FILES.put("expr-errors.cases", Kind.EXPR);
    FILES.put("template.cases", Kind.TEMPLATE);
    FILES.put("when.cases", Kind.WHEN);
    FILES.put("depends.cases", Kind.DEPENDS);
    FILES.put("strftime.cases", Kind.STRFTIME);
  }

  /** The clock {@code now()} reads in every case: 2024-02-29T13:04:05Z, a Thursday. */
  static final Instant NOW = Instant.parse("2024-02-29T13:04:05Z");

  static final InstantSource CLOCK = InstantSource.fixed(NOW);

  @TestFactory
  Stream<DynamicNode> tables() {
    return FILES.entrySet().stream()
        .map(f -> {
          CaseFile file = CaseFile.load(f.getKey());
          return DynamicContainer.dynamicContainer(
              f.getKey(),
              file.cases().stream()
                  .map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(f.getValue(), c))));
        });
  }

  @Test
  void theTablesHoldAtLeastThreeHundredCases() {
    int total = 0;
    for (String f : FILES.keySet()) {
      int n = CaseFile.load(f).cases().size();
      assertThat(n).as(f).isPositive();
      total += n;
    }
    System.out.println("expression tables: " + total + " cases in " + FILES.size() + " files");
    assertThat(total).isGreaterThanOrEqualTo(300);
  }

  static void run(Kind kind, CaseFile.Case c) {
    Object actual;
    try {
      actual = evaluate(kind, c);
    } catch (ExprException e) {
      if (!c.expectsError()) {
        fail("%s%nexpected %s but failed with:%n%s", c, c.expected(), e.getMessage());
      }
      if (c.exactMessage()) {
        assertThat(e.getMessage()).as(c.toString()).isEqualTo(c.errorText());
      } else {
        assertThat(e.getMessage()).as(c.toString()).contains(c.errorText());
      }
      return;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(c + ": a user error must be an ExprException, got " + e, e);
    }
    if (c.expectsError()) {
      fail("%s%nexpected error '%s' but got %s", c, c.errorText(), describe(actual));
    }
    Object expected = c.expectedValue();
    assertThat(describe(normalize(actual))).as(c.toString()).isEqualTo(describe(expected));
  }

  static Object evaluate(Kind kind, CaseFile.Case c) {
    return switch (kind) {
      case EXPR -> {
        Map<String, Object> env = Env.fromFlatValues(vars(c));
        var e = ExprLang.compile(c.input());
        yield "bool".equals(c.directive("eval"))
            ? e.evaluateBool(env, CLOCK)
            : e.evaluate(env, CLOCK);
      }
      case TEMPLATE -> TemplateString.parse(c.input()).render(scope(c), mode(c), CLOCK);
      case WHEN ->
          "value".equals(c.directive("eval"))
              ? Govaluate.evaluate(c.input())
              : Govaluate.shouldExecute(c.input());
      case DEPENDS -> depends(c);
      case STRFTIME -> {
        if (c.input().length() != 1) {
          throw new IllegalStateException("strftime input is one character: " + c);
        }
        try {
          yield Strftime.format(c.input().charAt(0), NOW);
        } catch (IllegalArgumentException e) {
          throw new ExprException(e.getMessage(), c.input(), -1);
        }
      }
    };
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> vars(CaseFile.Case c) {
    String v = c.directive("vars");
    return v == null ? Map.of() : (Map<String, Object>) CaseFile.json(v);
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> scope(CaseFile.Case c) {
    String v = c.directive("scope");
    if (v == null) {
      v = "{}";
    }
    Map<String, String> out = new HashMap<>();
    ((Map<String, Object>) CaseFile.json(v)).forEach((k, x) -> out.put(k, String.valueOf(x)));
    if ("on".equals(c.directive("strftime"))) {
      out.putAll(Strftime.variables("workflow.creationTimestamp", NOW));
    }
    return out;
  }

  static Unresolved mode(CaseFile.Case c) {
    String m = c.directive("mode");
    if (m == null || m.equals("KEEP")) {
      return Unresolved.KEEP;
    }
    if (m.equals("ERROR")) {
      return Unresolved.ERROR;
    }
    if (m.startsWith("strict ")) {
      return Unresolved.strict(Arrays.asList(m.substring(7).split(",")));
    }
    throw new IllegalStateException("unknown @mode " + m);
  }

  /**
   * {@code @tasks} maps each task to its phase, or to {@code [phase, [child phases...]]} for a task
   * group; {@code @daemons} lists daemon tasks; {@code @continueOn} maps a task to {@code
   * "failed"}, {@code "error"} or {@code "both"}.
   */
  @SuppressWarnings("unchecked")
  static Object depends(CaseFile.Case c) {
    Map<String, Object> tasks =
        c.directive("tasks") == null
            ? Map.of()
            : (Map<String, Object>) CaseFile.json(c.directive("tasks"));
    List<Object> daemons =
        c.directive("daemons") == null
            ? List.of()
            : (List<Object>) CaseFile.json(c.directive("daemons"));
    Map<String, Object> continueOn =
        c.directive("continueOn") == null
            ? Map.of()
            : (Map<String, Object>) CaseFile.json(c.directive("continueOn"));
    var compiled =
        Depends.compile(
            c.input(),
            name ->
                switch (String.valueOf(continueOn.get(name))) {
                  case "failed" -> new ContinueOn(false, true);
                  case "error" -> new ContinueOn(true, false);
                  case "both" -> new ContinueOn(true, true);
                  default -> ContinueOn.NONE;
                });
    if ("logic".equals(c.directive("eval"))) {
      return compiled.logic();
    }
    if ("names".equals(c.directive("eval"))) {
      return List.of(compiled.taskNames(), compiled.itemTaskNames());
    }
    return compiled.evaluate(name -> {
      Object t = tasks.get(name);
      boolean daemon = daemons.contains(name);
      if (t instanceof String phase) {
        return TaskResult.of(phase, daemon);
      }
      if (t instanceof List<?> group) {
        List<String> children = new ArrayList<>();
        ((List<Object>) group.get(1)).forEach(x -> children.add((String) x));
        return TaskResult.ofGroup((String) group.get(0), daemon, children);
      }
      return null;
    });
  }

  /** Integer-like values as Long, float-like as Double, recursively. */
  static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(normalize(x)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
      return out;
    }
    return v;
  }

  /** A type-revealing rendering, so that 3 (int) and 3.0 (float) and "3" differ. */
  static String describe(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof String s) {
      return "string " + CaseFile.JSON.valueToTree(s);
    }
    if (v instanceof Long || v instanceof Double || v instanceof Boolean) {
      return v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + v;
    }
    if (v instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      l.forEach(x -> out.add(describe(x)));
      return out.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, String> out = new java.util.TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), describe(x)));
      return out.toString();
    }
    return v.getClass().getSimpleName() + " " + v;
  }
}
