package io.argo4j.expr.internal;

import io.argo4j.expr.ExprException;
import io.argo4j.expr.internal.Ast.ArrayLit;
import io.argo4j.expr.internal.Ast.Binary;
import io.argo4j.expr.internal.Ast.BuiltinCall;
import io.argo4j.expr.internal.Ast.Call;
import io.argo4j.expr.internal.Ast.Chain;
import io.argo4j.expr.internal.Ast.Cond;
import io.argo4j.expr.internal.Ast.Const;
import io.argo4j.expr.internal.Ast.Ident;
import io.argo4j.expr.internal.Ast.MapLit;
import io.argo4j.expr.internal.Ast.Member;
import io.argo4j.expr.internal.Ast.Node;
import io.argo4j.expr.internal.Ast.Pointer;
import io.argo4j.expr.internal.Ast.Predicate;
import io.argo4j.expr.internal.Ast.PredicateCall;
import io.argo4j.expr.internal.Ast.Seq;
import io.argo4j.expr.internal.Ast.Slice;
import io.argo4j.expr.internal.Ast.Unary;
import io.argo4j.expr.internal.Ast.VarDecl;
import io.argo4j.expr.internal.Lexer.Kind;
import io.argo4j.expr.internal.Lexer.Token;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Pratt (precedence-climbing) parser with expr-lang's grammar, precedences and error messages:
 * literals, member access and optional chaining, slices, calls, closures, pipes, let, if/else,
 * ternary, {@code ??} and comparison chains.
 */
public final class Parser {

  private record Op(int precedence, boolean rightAssoc) {}

  private static final Map<String, Op> BINARY =
      Map.ofEntries(
          Map.entry("|", new Op(0, false)),
          Map.entry("or", new Op(10, false)),
          Map.entry("||", new Op(10, false)),
          Map.entry("and", new Op(15, false)),
          Map.entry("&&", new Op(15, false)),
          Map.entry("==", new Op(20, false)),
          Map.entry("!=", new Op(20, false)),
          Map.entry("<", new Op(20, false)),
          Map.entry(">", new Op(20, false)),
          Map.entry(">=", new Op(20, false)),
          Map.entry("<=", new Op(20, false)),
          Map.entry("in", new Op(20, false)),
          Map.entry("matches", new Op(20, false)),
          Map.entry("contains", new Op(20, false)),
          Map.entry("startsWith", new Op(20, false)),
          Map.entry("endsWith", new Op(20, false)),
          Map.entry("..", new Op(25, false)),
          Map.entry("+", new Op(30, false)),
          Map.entry("-", new Op(30, false)),
          Map.entry("*", new Op(60, false)),
          Map.entry("/", new Op(60, false)),
          Map.entry("%", new Op(60, false)),
          Map.entry("**", new Op(100, true)),
          Map.entry("^", new Op(100, true)),
          Map.entry("??", new Op(500, false)));

  private static final Map<String, Integer> UNARY = Map.of("not", 50, "!", 50, "-", 90, "+", 90);

  /** Argument shapes of the predicate builtins: E = expression, P = predicate, ? = optional. */
  private static final Map<String, String> PREDICATE_ARGS =
      Map.ofEntries(
          Map.entry("all", "EP"),
          Map.entry("none", "EP"),
          Map.entry("any", "EP"),
          Map.entry("one", "EP"),
          Map.entry("filter", "EP"),
          Map.entry("map", "EP"),
          Map.entry("count", "Ep"),
          Map.entry("sum", "Ep"),
          Map.entry("find", "EP"),
          Map.entry("findIndex", "EP"),
          Map.entry("findLast", "EP"),
          Map.entry("findLastIndex", "EP"),
          Map.entry("groupBy", "EP"),
          Map.entry("sortBy", "EPe"),
          Map.entry("reduce", "EPe"));

  private static final int MAX_NODES = 10_000;
  private static final int MAX_DEPTH = 400;

  private final String src;
  private final List<Token> tokens;
  private Token current;
  private int pos;
  private int closureDepth;
  private int nodes;
  private int depth;

  private Parser(String src) {
    this.src = src;
    this.tokens = Lexer.lex(src);
    this.current = tokens.get(0);
  }

  /** Parses an expression; throws ExprException with position and caret on any syntax error. */
  public static Node parse(String source) {
    Parser p = new Parser(source);
    Node n;
    try {
      n = p.parseSequence();
    } catch (StackOverflowError e) {
      throw new ExprException("expression is nested too deeply", source, p.current.start());
    }
    if (!p.current.is(Kind.EOF)) {
      throw p.error("unexpected token " + p.current);
    }
    return n;
  }

  // ------------------------------------------------------------------ helpers

  private ExprException error(String msg) {
    return errorAt(current, msg);
  }

  private ExprException errorAt(Token t, String msg) {
    int off = t.start();
    if (t.is(Kind.EOF)) {
      off = src.length();
    }
    return new ExprException(msg, src, off);
  }

  private void next() {
    pos++;
    if (pos >= tokens.size()) {
      throw error("unexpected end of expression");
    }
    current = tokens.get(pos);
  }

  private void expect(Kind kind, String value) {
    if (current.is(kind, value)) {
      next();
      return;
    }
    throw error("unexpected token " + current);
  }

  private void expect(Kind kind) {
    if (current.is(kind)) {
      next();
      return;
    }
    throw error("unexpected token " + current);
  }

  private <T extends Node> T node(T n) {
    if (++nodes > MAX_NODES) {
      throw new ExprException(
          "compilation failed: expression exceeds maximum allowed nodes", src, n.pos());
    }
    return n;
  }

  // ------------------------------------------------------------------ grammar

  private Node parseSequence() {
    List<Node> list = new ArrayList<>();
    list.add(parseExpression(0));
    while (current.is(Kind.Operator, ";")) {
      next();
      if (current.is(Kind.EOF)) {
        break;
      }
      list.add(parseExpression(0));
    }
    if (list.size() == 1) {
      return list.get(0);
    }
    return node(new Seq(list.get(0).pos(), list));
  }

  private Node parseExpression(int precedence) {
    if (++depth > MAX_DEPTH) {
      throw error("expression is nested too deeply");
    }
    try {
      return parseExpressionInner(precedence);
    } finally {
      depth--;
    }
  }

  private Node parseExpressionInner(int precedence) {
    if (precedence == 0 && current.is(Kind.Operator, "let")) {
      return parseLet();
    }
    if (precedence == 0 && current.is(Kind.Operator, "if")) {
      return parseIf();
    }
    Node left = parsePrimary();
    String prevOperator = "";
    Token opToken = current;
    while (opToken.is(Kind.Operator)) {
      boolean negate = opToken.is(Kind.Operator, "not");
      Token notToken = null;
      if (negate) {
        int save = pos;
        next();
        if (isNegatable(current.value()) && current.is(Kind.Operator)) {
          Op op = BINARY.get(current.value());
          if (op.precedence >= precedence) {
            notToken = opToken;
            opToken = current;
          } else {
            pos = save;
            current = tokens.get(pos);
            break;
          }
        } else {
          throw error("unexpected token " + current);
        }
      }
      Op op = BINARY.get(opToken.value());
      if (op == null || op.precedence < precedence) {
        break;
      }
      next();
      if (opToken.value().equals("|")) {
        Token ident = current;
        expect(Kind.Identifier);
        List<Node> args = new ArrayList<>();
        args.add(left);
        left = parseCall(ident, args);
        prevOperator = opToken.value();
        opToken = current;
        continue;
      }
      if (prevOperator.equals("??") && !opToken.value().equals("??")) {
        throw errorAt(
            opToken,
            "Operator ("
                + opToken.value()
                + ") and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.");
      }
      if (isComparison(opToken.value())) {
        left = parseComparison(left, opToken, op.precedence);
      } else {
        Node right = parseExpression(op.rightAssoc ? op.precedence : op.precedence + 1);
        left = binary(opToken, left, right);
        if (negate) {
          left = node(new Unary(notToken.start(), "not", left));
        }
      }
      prevOperator = opToken.value();
      opToken = current;
    }
    if (precedence == 0) {
      left = parseConditional(left);
    }
    return left;
  }

  private static boolean isNegatable(String op) {
    return switch (op) {
      case "contains", "matches", "startsWith", "endsWith", "in" -> true;
      default -> false;
    };
  }

  private Node binary(Token opToken, Node left, Node right) {
    String op = opToken.value();
    Pattern pattern = null;
    if (op.equals("matches") && right instanceof Const k && k.value() instanceof String re) {
      try {
        pattern = Regex.compile(re);
      } catch (EvalError e) {
        throw new ExprException(e.getMessage(), src, right.pos());
      }
    }
    return node(new Binary(opToken.start(), op, Ast.code(op), left, right, pattern));
  }

  /** {@code a < b < c} means {@code a < b && b < c}. */
  private static boolean isComparison(String op) {
    return op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=");
  }

  private Node parseComparison(Node left, Token token, int precedence) {
    Node root = null;
    while (true) {
      Node comparator = parseExpression(precedence + 1);
      Node cmp = binary(token, left, comparator);
      root = root == null ? cmp : node(new Binary(token.start(), "&&", Ast.AND, root, cmp, null));
      left = comparator;
      token = current;
      if (!(token.is(Kind.Operator) && isComparison(token.value()))) {
        break;
      }
      next();
    }
    return root;
  }

  private Node parseLet() {
    Token let = current;
    expect(Kind.Operator, "let");
    Token name = current;
    expect(Kind.Identifier);
    expect(Kind.Operator, "=");
    Node value = parseExpression(0);
    expect(Kind.Operator, ";");
    Node body = parseSequence();
    return node(new VarDecl(let.start(), name.value(), value, body));
  }

  private Node parseIf() {
    Token t = current;
    next();
    Node cond = parseExpression(0);
    expect(Kind.Bracket, "{");
    Node a = parseSequence();
    expect(Kind.Bracket, "}");
    expect(Kind.Operator, "else");
    Node b;
    if (current.is(Kind.Operator, "if")) {
      b = parseIf();
    } else {
      expect(Kind.Bracket, "{");
      b = parseSequence();
      expect(Kind.Bracket, "}");
    }
    return node(new Cond(t.start(), cond, a, b));
  }

  private Node parseConditional(Node node) {
    while (current.is(Kind.Operator, "?")) {
      Token q = current;
      next();
      Node a;
      Node b;
      if (!current.is(Kind.Operator, ":")) {
        a = parseExpression(0);
        expect(Kind.Operator, ":");
        b = parseExpression(0);
      } else {
        next();
        a = node;
        b = parseExpression(0);
      }
      node = node(new Cond(q.start(), node, a, b));
    }
    return node;
  }

  private Node parsePrimary() {
    Token token = current;
    if (token.is(Kind.Operator) && UNARY.containsKey(token.value())) {
      next();
      Node expr = parseExpression(UNARY.get(token.value()));
      Node n = node(new Unary(token.start(), token.value(), expr));
      return parsePostfix(n);
    }
    if (token.is(Kind.Bracket, "(")) {
      next();
      Node expr = parseSequence();
      expect(Kind.Bracket, ")");
      return parsePostfix(expr);
    }
    if (closureDepth > 0) {
      if (token.is(Kind.Operator, "#") || token.is(Kind.Operator, ".")) {
        String name = "";
        if (token.is(Kind.Operator, "#")) {
          next();
          if (current.is(Kind.Identifier)) {
            name = current.value();
            next();
          }
        }
        Node ptr = node(new Pointer(token.start(), name));
        if (token.is(Kind.Operator, ".")) {
          // .field inside a closure is #.field: leave the dot for the postfix parser
          return parsePostfix(ptr, true);
        }
        return parsePostfix(ptr);
      }
    } else if (token.is(Kind.Operator, "#") || token.is(Kind.Operator, ".")) {
      throw error("cannot use pointer accessor outside predicate");
    }
    if (token.is(Kind.Operator, "::")) {
      next();
      Token ident = current;
      expect(Kind.Identifier);
      return parsePostfix(parseCall(ident, new ArrayList<>()));
    }
    return parseSecondary();
  }

  private Node parseSecondary() {
    Token token = current;
    Node node;
    switch (token.kind()) {
      case Identifier -> {
        next();
        switch (token.value()) {
          case "true" -> {
            return node(new Const(token.start(), Boolean.TRUE));
          }
          case "false" -> {
            return node(new Const(token.start(), Boolean.FALSE));
          }
          case "nil" -> {
            return node(new Const(token.start(), null));
          }
          default -> {
            if (current.is(Kind.Bracket, "(")) {
              node = parseCall(token, new ArrayList<>());
            } else {
              node = node(new Ident(token.start(), token.value()));
            }
          }
        }
      }
      case Number -> {
        next();
        node = node(new Const(token.start(), number(token)));
        return node;
      }
      case String -> {
        next();
        node = node(new Const(token.start(), token.value()));
      }
      default -> {
        if (token.is(Kind.Bracket, "[")) {
          node = parseArray(token);
        } else if (token.is(Kind.Bracket, "{")) {
          node = parseMap(token);
        } else {
          throw error("unexpected token " + token);
        }
      }
    }
    return parsePostfix(node);
  }

  private Object number(Token token) {
    String value = token.value().replace("_", "");
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    try {
      if (lower.startsWith("0x")) {
        return integer(new BigInteger(value.substring(2), 16), token, "hex");
      }
      if (lower.startsWith("0b")) {
        return integer(new BigInteger(value.substring(2), 2), token, "binary");
      }
      if (lower.startsWith("0o")) {
        return integer(new BigInteger(value.substring(2), 8), token, "octal");
      }
      if (lower.contains(".") || lower.contains("e")) {
        double d = Double.parseDouble(value);
        if (Double.isInfinite(d)) {
          throw errorAt(token, "float literal is too large");
        }
        return d;
      }
      return integer(new BigInteger(value), token, "integer");
    } catch (NumberFormatException e) {
      throw errorAt(token, "invalid number literal: " + token.value());
    }
  }

  private Long integer(BigInteger v, Token token, String kind) {
    if (v.bitLength() > 63) {
      throw errorAt(
          token,
          "invalid "
              + kind
              + " literal: strconv.ParseInt: parsing "
              + Strings.goQuote(token.value().replace("_", ""))
              + ": value out of range");
    }
    return v.longValue();
  }

  private Node parseCall(Token token, List<Node> arguments) {
    String name = token.value();
    String shape = PREDICATE_ARGS.get(name);
    if (shape != null) {
      expect(Kind.Bracket, "(");
      String rest = shape.substring(Math.min(arguments.size(), shape.length()));
      for (int i = 0; i < rest.length(); i++) {
        char arg = rest.charAt(i);
        boolean optional = Character.isLowerCase(arg);
        if (current.is(Kind.Bracket, ")")) {
          if (optional) {
            break;
          }
          throw error("expected at least " + rest.replaceAll("[a-z]", "").length() + " arguments");
        }
        if (i > 0) {
          expect(Kind.Operator, ",");
          if (optional && current.is(Kind.Bracket, ")")) {
            break;
          }
        }
        arguments.add(Character.toUpperCase(arg) == 'P' ? parsePredicate() : parseExpression(0));
      }
      if (current.is(Kind.Operator, ",")) {
        next();
      }
      expect(Kind.Bracket, ")");
      return node(new PredicateCall(token.start(), name, arguments));
    }
    Builtins.Spec spec = Builtins.get(name);
    if (spec != null) {
      List<Node> args = parseArguments(arguments);
      if (args.size() < spec.min()) {
        throw errorAt(token, "not enough arguments to call " + name);
      }
      if (spec.max() >= 0 && args.size() > spec.max()) {
        throw errorAt(token, "too many arguments to call " + name);
      }
      return node(new BuiltinCall(token.start(), name, args, spec.fn()));
    }
    Node callee = node(new Ident(token.start(), name));
    return node(new Call(token.start(), callee, parseArguments(arguments)));
  }

  private List<Node> parseArguments(List<Node> arguments) {
    int offset = arguments.size();
    expect(Kind.Bracket, "(");
    while (!current.is(Kind.Bracket, ")")) {
      if (arguments.size() > offset) {
        expect(Kind.Operator, ",");
      }
      if (current.is(Kind.Bracket, ")")) {
        break;
      }
      arguments.add(parseExpression(0));
    }
    expect(Kind.Bracket, ")");
    return arguments;
  }

  private Node parsePredicate() {
    Token start = current;
    boolean brackets = false;
    if (current.is(Kind.Bracket, "{")) {
      next();
      brackets = true;
    }
    closureDepth++;
    Node body;
    if (brackets) {
      body = parseSequence();
    } else {
      body = parseExpression(0);
      if (current.is(Kind.Operator, ";")) {
        throw error("wrap predicate with brackets { and }");
      }
    }
    closureDepth--;
    if (brackets) {
      expect(Kind.Bracket, "}");
    }
    return node(new Predicate(start.start(), body));
  }

  private Node parseArray(Token token) {
    List<Node> items = new ArrayList<>();
    expect(Kind.Bracket, "[");
    while (!current.is(Kind.Bracket, "]")) {
      if (!items.isEmpty()) {
        expect(Kind.Operator, ",");
        if (current.is(Kind.Bracket, "]")) {
          break;
        }
      }
      items.add(parseExpression(0));
    }
    expect(Kind.Bracket, "]");
    return node(new ArrayLit(token.start(), items));
  }

  private Node parseMap(Token token) {
    List<Node> keys = new ArrayList<>();
    List<Node> values = new ArrayList<>();
    expect(Kind.Bracket, "{");
    while (!current.is(Kind.Bracket, "}")) {
      if (!keys.isEmpty()) {
        expect(Kind.Operator, ",");
        if (current.is(Kind.Bracket, "}")) {
          break;
        }
        if (current.is(Kind.Operator, ",")) {
          throw error("unexpected token " + current);
        }
      }
      Node key;
      if (current.is(Kind.Number) || current.is(Kind.String) || current.is(Kind.Identifier)) {
        key = node(new Const(current.start(), current.value()));
        next();
      } else if (current.is(Kind.Bracket, "(")) {
        key = parseExpression(0);
      } else {
        throw error(
            "a map key must be a quoted string, a number, a identifier, or an expression"
                + " enclosed in parentheses (unexpected token "
                + current
                + ")");
      }
      expect(Kind.Operator, ":");
      keys.add(key);
      values.add(parseExpression(0));
    }
    expect(Kind.Bracket, "}");
    return node(new MapLit(token.start(), keys, values));
  }

  private Node parsePostfix(Node node) {
    return parsePostfix(node, false);
  }

  private static boolean isValidIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int c0 = s.codePointAt(0);
    if (!(Character.isLetter(c0) || c0 == '_' || c0 == '$')) {
      return false;
    }
    return s.codePoints().allMatch(Lexer::isAlphaNumeric);
  }

  private Node parsePostfix(Node node, boolean implicitDot) {
    boolean chained = false;
    while ((current.is(Kind.Operator) || current.is(Kind.Bracket)) || implicitDot) {
      Token postfix = current;
      boolean optional = postfix.value().equals("?.");
      if (implicitDot || postfix.value().equals(".") || optional) {
        if (!implicitDot && !postfix.value().equals(".") && !optional) {
          break;
        }
        implicitDot = false;
        next();
        Token property = current;
        if (optional && property.is(Kind.Bracket, "[")) {
          node = parseIndex(node, property, true);
          chained = true;
          continue;
        }
        next();
        if (!property.is(Kind.Identifier)
            && !(property.is(Kind.Operator) && isValidIdentifier(property.value()))) {
          throw errorAt(property, "expected name");
        }
        Node key = node(new Const(property.start(), property.value()));
        Member member = node(new Member(property.start(), node, key, optional));
        if (current.is(Kind.Bracket, "(")) {
          node = node(new Call(property.start(), member, parseArguments(new ArrayList<>())));
        } else {
          node = member;
        }
        chained |= optional;
      } else if (postfix.value().equals("[") && postfix.is(Kind.Bracket)) {
        node = parseIndex(node, postfix, false);
      } else {
        break;
      }
    }
    return chained ? node(new Chain(node.pos(), node)) : node;
  }

  private Node parseIndex(Node node, Token bracket, boolean optional) {
    next(); // [
    if (current.is(Kind.Operator, ":")) {
      next();
      Node to = null;
      if (!current.is(Kind.Bracket, "]")) {
        to = parseExpression(0);
      }
      expect(Kind.Bracket, "]");
      return node(new Slice(bracket.start(), node, null, to));
    }
    Node from = parseExpression(0);
    if (current.is(Kind.Operator, ":")) {
      next();
      Node to = null;
      if (!current.is(Kind.Bracket, "]")) {
        to = parseExpression(0);
      }
      expect(Kind.Bracket, "]");
      return node(new Slice(bracket.start(), node, from, to));
    }
    expect(Kind.Bracket, "]");
    return node(new Member(bracket.start(), node, from, optional));
  }

  /** Unwraps a chain so {@code a?.b.c} shares one short-circuit wrapper. */
  static Node unwrap(Node n) {
    return n instanceof Chain c ? c.node() : n;
  }
}
