package io.argo4j.expr;

import io.argo4j.expr.internal.Ast;
import io.argo4j.expr.internal.Lexer;
import io.argo4j.expr.internal.Parser;

/**
 * expr-lang (github.com/expr-lang/expr, the language of Argo's {@code {{=...}}} tags, {@code
 * depends}, retry and hook expressions). Compile once, evaluate many times:
 *
 * <pre>{@code
 * Expression e = ExprLang.compile("asInt(inputs.parameters.n) > 3");
 * Object result = e.evaluate(Env.fromFlat(Map.of("inputs.parameters.n", "5")));
 * }</pre>
 */
public final class ExprLang {
  private ExprLang() {}

  /**
   * Parses an expression. Syntax errors throw {@link ExprException} with the offset and a caret
   * line; names are resolved at evaluation time (an unknown name fails there, as expr-lang's
   * checker would with an environment).
   */
  public static Expression compile(String source) {
    if (source == null) {
      throw new ExprException("expression is null", "", -1);
    }
    Ast.Node root;
    try {
      root = Parser.parse(source);
    } catch (ExprException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ExprException("internal error: " + e, source, -1);
    }
    return new Expression(source, root);
  }

  /** True when {@code variable} (such as {@code workflow.status}) appears as tokens in source. */
  static boolean mentions(String source, String variable) {
    if (!source.contains(variable)) {
      return false;
    }
    try {
      var hay = Lexer.lex(source);
      var needle = Lexer.lex(variable);
      int n = needle.size() - 1; // without EOF
      outer:
      for (int i = 0; i + n <= hay.size(); i++) {
        for (int j = 0; j < n; j++) {
          var a = hay.get(i + j);
          var b = needle.get(j);
          if (a.kind() != b.kind() || !a.value().equals(b.value())) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    } catch (ExprException e) {
      return false;
    }
  }
}
