package io.argo4j.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Malformed input never escapes as anything but an {@link ExprException} with a usable message: no
 * stack overflow on deep nesting, no hang, no internal exception. Inputs are random token soups,
 * random characters, and mutations of every expression in Argo's examples and in our tables. The
 * seed is fixed so a failure reproduces; each failure names its input.
 */
class MalformedInputFuzzTest {

  private static final long SEED = 20241123L;
  private static final int RANDOM_INPUTS = 15_000;
  private static final int MUTATIONS_PER_SOURCE = 10;

  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2024-01-01T00:00:00Z"));

  private static final Map<String, Object> ENV =
      Env.fromFlatValues(
          Map.of(
              "a", 1L,
              "b", "two",
              "xs", List.of(1L, 2L, 3L),
              "m", Map.of("k", "v", "n", 2L),
              "inputs.parameters.x", "5",
              "inputs.parameters.json", "{\"a\":[1,2]}",
              "workflow.status", "Succeeded",
              "retries", "1"));

  private static final Map<String, String> SCOPE =
      Map.of("inputs.parameters.x", "5", "item", "i", "workflow.name", "wf");

  private static final String[] TOKENS = {
    "a",
    "b",
    "xs",
    "m",
    "m.k",
    "inputs.parameters.x",
    "inputs.parameters['x']",
    "sprig",
    "sprig.trim",
    "asInt",
    "asFloat",
    "toJson",
    "jsonpath",
    "map",
    "filter",
    "all",
    "any",
    "count",
    "sum",
    "reduce",
    "len",
    "now()",
    "duration",
    "date",
    "string",
    "int",
    "float",
    "keys",
    "sort",
    "true",
    "false",
    "nil",
    "not",
    "in",
    "not in",
    "matches",
    "contains",
    "startsWith",
    "endsWith",
    "let",
    "if",
    "else",
    "and",
    "or",
    "0",
    "1",
    "2.5",
    "1e3",
    "0x1F",
    "99999999999999999999",
    "1_0",
    ".5",
    "'a'",
    "\"b\"",
    "`c`",
    "\"\\u00e9\"",
    "\"\\x\"",
    "\"open",
    "'",
    "+",
    "-",
    "*",
    "/",
    "%",
    "**",
    "^",
    "==",
    "!=",
    "<",
    ">",
    "<=",
    ">=",
    "&&",
    "||",
    "!",
    "??",
    "?:",
    "?",
    ":",
    ".",
    "?.",
    "..",
    "|",
    "#",
    "#acc",
    "#index",
    ",",
    ";",
    "=",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "::",
    "$env",
    "@",
    "\\",
    "\n",
    " ",
    "  ",
    "/*",
    "*/",
    "//",
    "=~",
    "!~",
    "{{",
    "}}",
    "{{=",
    ".Succeeded",
    ".AnySucceeded",
    ".Done",
    "A",
    "my-task",
    "é",
    "\u0000",
    "😀"
  };

  private static final String CHARS = "abcxyz019_.,;:?!#$%&|^~=<>+-*/\\()[]{}'\"` \n\té";

  /** An input and where it came from, for the failure report. */
  private record Failure(String input, Throwable error) {}

  @Test
  void randomAndMutatedInputsFailCleanly() throws IOException {
    Random random = new Random(SEED);
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < RANDOM_INPUTS; i++) {
      inputs.add(i % 3 == 0 ? randomChars(random) : randomTokens(random));
    }
    List<String> sources = new ArrayList<>();
    for (UpstreamCorpusTest.Found f : UpstreamCorpusTest.extract(UpstreamCorpusTest.corpus())) {
      sources.add(f.text());
    }
    for (String s : sources) {
      for (int i = 0; i < MUTATIONS_PER_SOURCE; i++) {
        inputs.add(mutate(random, s));
      }
    }
    List<Failure> failures = new ArrayList<>();
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (String input : inputs) {
            exerciseEveryEntryPoint(input, failures::add);
          }
        },
        "fuzzing took over a minute: some input makes a parser or evaluator loop");
    System.out.printf(
        "fuzz: %d inputs (%d random, %d mutations of %d corpus strings) through 6 entry points, %d"
            + " failures%n",
        inputs.size(),
        RANDOM_INPUTS,
        inputs.size() - RANDOM_INPUTS,
        sources.size(),
        failures.size());
    assertThat(failures)
        .as("inputs that escaped as something other than a clean ExprException")
        .isEmpty();
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    int n = 10_000; // 25 times the nesting the parsers accept
    List<String> inputs =
        List.of(
            "(".repeat(n),
            "(".repeat(n) + "1" + ")".repeat(n),
            "[".repeat(n) + "]".repeat(n),
            "{".repeat(n),
            "-".repeat(n) + "1",
            "!".repeat(n) + "true",
            "not ".repeat(n) + "true",
            "a" + ".b".repeat(n),
            "a" + "?.b".repeat(n),
            "xs" + "[0]".repeat(n),
            "1" + "+1".repeat(n),
            "1" + " ?? 1".repeat(n),
            "true ? ".repeat(n) + "1",
            "map(".repeat(n),
            "map(xs, ".repeat(5_000) + "#" + ")".repeat(5_000),
            "let x = 1; ".repeat(n) + "x",
            "\"" + "\\".repeat(n + 1),
            "{{=" + "(".repeat(n) + "1" + ")".repeat(n) + "}}",
            "(".repeat(n) + "A" + ")".repeat(n),
            "(".repeat(n) + "a == a" + ")".repeat(n),
            "!".repeat(n) + "A.Succeeded");
    List<Failure> failures = new ArrayList<>();
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (String input : inputs) {
            exerciseEveryEntryPoint(input, failures::add);
          }
        });
    assertThat(failures).isEmpty();
  }

  @Test
  void aSyntaxErrorNamesItsPositionWithACaret() {
    ExprException e =
        Assertions.assertThrows(ExprException.class, () -> ExprLang.compile("a + (b * 2"));
    assertThat(e.offset()).isEqualTo(10);
    assertThat(e.getMessage())
        .isEqualTo("unexpected token EOF (1:11)\n | a + (b * 2\n | ..........^");
    assertThat(e.getStackTrace()).as("user errors carry no stack trace").isEmpty();
  }

  /** Runs one input through each public entry point that accepts user text. */
  static void exerciseEveryEntryPoint(String input, Consumer<Failure> failures) {
    check(input, failures, () -> ExprLang.compile(input).evaluate(ENV, CLOCK));
    check(input, failures, () -> TemplateString.parse(input).render(SCOPE, Unresolved.KEEP, CLOCK));
    check(
        input, failures, () -> TemplateString.parse(input).render(SCOPE, Unresolved.ERROR, CLOCK));
    check(input, failures, () -> Govaluate.shouldExecute(input));
    check(
        input,
        failures,
        () -> Depends.compile(input).evaluate(name -> TaskResult.of("Succeeded", false)));
    check(input, failures, () -> ExprLang.compile(input).evaluateBool(ENV, CLOCK));
  }

  private static void check(String input, Consumer<Failure> failures, Runnable call) {
    try {
      call.run();
    } catch (ExprException e) {
      String message = e.getMessage();
      // a caret, when there is one, points into the text the message shows
      boolean positioned =
          e.offset() < 0 || (message.contains("^") && e.offset() <= e.source().length());
      boolean internal = message.contains("internal error");
      if (message.isBlank() || !positioned || internal) {
        failures.accept(new Failure(input, e));
      }
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      failures.accept(new Failure(input, e));
    }
  }

  private static String randomTokens(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(24);
    for (int i = 0; i < n; i++) {
      sb.append(TOKENS[r.nextInt(TOKENS.length)]);
      if (r.nextInt(3) == 0) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  private static String randomChars(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
    }
    return sb.toString();
  }

  private static String mutate(Random r, String s) {
    if (s.isEmpty()) {
      return TOKENS[r.nextInt(TOKENS.length)];
    }
    int at = r.nextInt(s.length());
    return switch (r.nextInt(6)) {
      case 0 -> s.substring(0, at) + s.substring(at + 1);
      case 1 -> s.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + s.substring(at);
      case 2 -> s.substring(0, at);
      case 3 -> s.substring(0, at) + CHARS.charAt(r.nextInt(CHARS.length())) + s.substring(at + 1);
      case 4 -> {
        int end = at + r.nextInt(s.length() - at + 1);
        yield s.substring(0, end) + s.substring(at, end) + s.substring(end);
      }
      default -> {
        int other = r.nextInt(s.length());
        char[] c = s.toCharArray();
        char t = c[at];
        c[at] = c[other];
        c[other] = t;
        yield new String(c);
      }
    };
  }
}
