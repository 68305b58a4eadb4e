package io.argo4j.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DAG {@code depends} logic (workflow/common/ancestry.go): {@code A.Succeeded || (B.Failed &&
 * !C.Skipped)}, {@code A.AnySucceeded}, {@code A.AllFailed}, and bare names, which mean "completed
 * in a non-failing way" ({@code (A.Succeeded || A.Skipped || A.Daemoned)}, plus {@code A.Errored}
 * and {@code A.Failed} when A has {@code continueOn.error} / {@code continueOn.failed}).
 *
 * <p>As upstream, task references are found with the regex {@code
 * [a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+} (name and result) or {@code [a-zA-Z0-9][-a-zA-Z0-9]*}
 * (bare name), and the expanded logic is evaluated with expr-lang after replacing every {@code -}
 * by {@code _}. Any word is a task name, so {@code and}, {@code or}, {@code true} are not operators
 * here: use {@code &&}, {@code ||}, {@code !}.
 */
public final class Depends {
  private Depends() {}

  private static final Pattern REFERENCE =
      Pattern.compile("([a-zA-Z0-9][-a-zA-Z0-9]*?\\.[A-Z][a-zA-Z]+)|([a-zA-Z0-9][-a-zA-Z0-9]*)");

  /** Compiles with no task having continueOn. */
  public static DependsExpression compile(String depends) {
    return compile(depends, name -> ContinueOn.NONE);
  }

  /**
   * Compiles a depends expression once per task.
   *
   * @param continueOn each dependency's continueOn (null means none)
   * @throws ExprException for an unknown result ({@code task result 'Done' for task 'A' is
   *     invalid}) or malformed logic, with position and caret
   */
  public static DependsExpression compile(String depends, Function<String, ContinueOn> continueOn) {
    Matcher m = REFERENCE.matcher(depends);
    LinkedHashSet<String> names = new LinkedHashSet<>();
    LinkedHashSet<String> items = new LinkedHashSet<>();
    StringBuilder logic = new StringBuilder();
    int last = 0;
    while (m.find()) {
      if (m.group(1) != null) {
        String match = m.group(1);
        int dot = match.indexOf('.');
        String task = match.substring(0, dot);
        String result = match.substring(dot + 1);
        if (!TaskResult.NAMES.contains(result)) {
          throw new ExprException(
              "task result '" + result + "' for task '" + task + "' is invalid",
              depends,
              m.start(1) + dot + 1);
        }
        names.add(task);
        if (result.equals("AnySucceeded") || result.equals("AllFailed")) {
          items.add(task);
        }
        logic.append(depends, last, m.end());
      } else {
        String task = m.group(2);
        names.add(task);
        logic.append(depends, last, m.start());
        ContinueOn c = continueOn.apply(task);
        logic.append(expand(task, c == null ? ContinueOn.NONE : c));
      }
      last = m.end();
    }
    logic.append(depends.substring(last));
    String resolved = logic.toString();
    Map<String, String> envNames = new LinkedHashMap<>();
    for (String n : names) {
      envNames.putIfAbsent(n.replace('-', '_'), n);
    }
    Expression expr;
    try {
      expr = ExprLang.compile(resolved.replace('-', '_'));
    } catch (ExprException e) {
      // report against what the user wrote when no expansion moved the text
      if (resolved.equals(depends)) {
        throw new ExprException(e.reason(), depends, e.offset());
      }
      throw new ExprException(e.reason() + " in resolved depends '" + resolved + "'", depends, -1);
    }
    return new DependsExpression(
        depends, resolved, List.copyOf(names), List.copyOf(items), Map.copyOf(envNames), expr);
  }

  /**
   * The depends logic equivalent to legacy {@code dependencies: [a, b]}: each name expanded as a
   * bare name, joined with {@code &&}.
   */
  public static String fromDependencies(
      List<String> dependencies, Function<String, ContinueOn> continueOn) {
    List<String> parts = new ArrayList<>();
    for (String d : dependencies) {
      ContinueOn c = continueOn.apply(d);
      parts.add(expand(d, c == null ? ContinueOn.NONE : c));
    }
    return String.join(" && ", parts);
  }

  /** {@link #fromDependencies(List, Function)} with no continueOn. */
  public static String fromDependencies(List<String> dependencies) {
    return fromDependencies(dependencies, name -> ContinueOn.NONE);
  }

  /** What a bare task name means: {@code (A.Succeeded || A.Skipped || A.Daemoned ...)}. */
  public static String expand(String task, ContinueOn continueOn) {
    StringBuilder sb = new StringBuilder("(");
    sb.append(task).append(".Succeeded || ");
    sb.append(task).append(".Skipped || ");
    sb.append(task).append(".Daemoned");
    if (continueOn.error()) {
      sb.append(" || ").append(task).append(".Errored");
    }
    if (continueOn.failed()) {
      sb.append(" || ").append(task).append(".Failed");
    }
    return sb.append(')').toString();
  }
}
