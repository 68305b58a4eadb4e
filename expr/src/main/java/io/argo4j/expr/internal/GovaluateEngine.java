package io.argo4j.expr.internal;

import io.argo4j.expr.ExprException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * govaluate v3 (Knetic/govaluate), the language of Argo's plain {@code when:} strings after
 * substitution. Tokens, state transitions, precedence and type checks follow govaluate; Argo's
 * twist is applied by {@link #parse(String, boolean)}: bare words (govaluate variables) become
 * strings, so {@code heads == heads} compares two strings.
 */
public final class GovaluateEngine {
  private GovaluateEngine() {}

  enum Kind {
    UNKNOWN,
    PREFIX,
    NUMERIC,
    BOOLEAN,
    STRING,
    PATTERN,
    TIME,
    VARIABLE,
    FUNCTION,
    SEPARATOR,
    ACCESSOR,
    COMPARATOR,
    LOGICALOP,
    MODIFIER,
    CLAUSE,
    CLAUSE_CLOSE,
    TERNARY
  }

  record Token(Kind kind, Object value, int start) {}

  private static final Map<Kind, Set<Kind>> NEXT =
      Map.ofEntries(
          Map.entry(
              Kind.UNKNOWN,
              EnumSet.of(
                  Kind.PREFIX,
                  Kind.NUMERIC,
                  Kind.BOOLEAN,
                  Kind.VARIABLE,
                  Kind.PATTERN,
                  Kind.FUNCTION,
                  Kind.ACCESSOR,
                  Kind.STRING,
                  Kind.TIME,
                  Kind.CLAUSE)),
          Map.entry(
              Kind.CLAUSE,
              EnumSet.of(
                  Kind.PREFIX,
                  Kind.NUMERIC,
                  Kind.BOOLEAN,
                  Kind.VARIABLE,
                  Kind.PATTERN,
                  Kind.FUNCTION,
                  Kind.ACCESSOR,
                  Kind.STRING,
                  Kind.TIME,
                  Kind.CLAUSE,
                  Kind.CLAUSE_CLOSE)),
          Map.entry(
              Kind.CLAUSE_CLOSE,
              EnumSet.of(
                  Kind.COMPARATOR,
                  Kind.MODIFIER,
                  Kind.NUMERIC,
                  Kind.BOOLEAN,
                  Kind.VARIABLE,
                  Kind.STRING,
                  Kind.PATTERN,
                  Kind.TIME,
                  Kind.CLAUSE,
                  Kind.CLAUSE_CLOSE,
                  Kind.LOGICALOP,
                  Kind.TERNARY,
                  Kind.SEPARATOR)),
          Map.entry(Kind.NUMERIC, valueNext()),
          Map.entry(Kind.BOOLEAN, valueNext()),
          Map.entry(Kind.STRING, valueNext()),
          Map.entry(Kind.TIME, valueNext()),
          Map.entry(Kind.PATTERN, valueNext()),
          Map.entry(Kind.VARIABLE, valueNext()),
          Map.entry(Kind.ACCESSOR, valueNext()),
          Map.entry(
              Kind.MODIFIER,
              EnumSet.of(
                  Kind.PREFIX,
                  Kind.NUMERIC,
                  Kind.VARIABLE,
                  Kind.FUNCTION,
                  Kind.ACCESSOR,
                  Kind.STRING,
                  Kind.BOOLEAN,
                  Kind.CLAUSE,
                  Kind.CLAUSE_CLOSE)),
          Map.entry(
              Kind.COMPARATOR,
              EnumSet.of(
                  Kind.PREFIX,
                  Kind.NUMERIC,
                  Kind.BOOLEAN,
                  Kind.VARIABLE,
                  Kind.FUNCTION,
                  Kind.ACCESSOR,
                  Kind.STRING,
                  Kind.TIME,
                  Kind.CLAUSE,
                  Kind.CLAUSE_CLOSE,
                  Kind.PATTERN)),
          Map.entry(
              Kind.LOGICALOP,
              EnumSet.of(
                  Kind.PREFIX,
                  Kind.NUMERIC,
                  Kind.BOOLEAN,
                  Kind.VARIABLE,
                  Kind.FUNCTION,
                  Kind.ACCESSOR,
                  Kind.STRING,
                  Kind.TIME,
                  Kind.CLAUSE,
                  Kind.CLAUSE_CLOSE)),
          Map.entry(
              Kind.PREFIX,
              EnumSet.of(
                  Kind.NUMERIC,
                  Kind.BOOLEAN,
                  Kind.VARIABLE,
                  Kind.FUNCTION,
                  Kind.ACCESSOR,
                  Kind.CLAUSE,
                  Kind.CLAUSE_CLOSE)),
          Map.entry(
              Kind.TERNARY,
              EnumSet.of(
                  Kind.PREFIX,
                  Kind.NUMERIC,
                  Kind.BOOLEAN,
                  Kind.STRING,
                  Kind.TIME,
                  Kind.VARIABLE,
                  Kind.FUNCTION,
                  Kind.ACCESSOR,
                  Kind.CLAUSE,
                  Kind.SEPARATOR)),
          Map.entry(Kind.FUNCTION, EnumSet.of(Kind.CLAUSE)),
          Map.entry(
              Kind.SEPARATOR,
              EnumSet.of(
                  Kind.PREFIX,
                  Kind.NUMERIC,
                  Kind.BOOLEAN,
                  Kind.STRING,
                  Kind.TIME,
                  Kind.VARIABLE,
                  Kind.FUNCTION,
                  Kind.ACCESSOR,
                  Kind.CLAUSE)));

  private static final Set<Kind> EOF_OK =
      EnumSet.of(
          Kind.CLAUSE_CLOSE,
          Kind.NUMERIC,
          Kind.BOOLEAN,
          Kind.STRING,
          Kind.TIME,
          Kind.PATTERN,
          Kind.VARIABLE,
          Kind.ACCESSOR);

  private static Set<Kind> valueNext() {
    return EnumSet.of(
        Kind.MODIFIER,
        Kind.COMPARATOR,
        Kind.LOGICALOP,
        Kind.CLAUSE_CLOSE,
        Kind.TERNARY,
        Kind.SEPARATOR);
  }

  private static final Set<String> PREFIX_SYMBOLS = Set.of("-", "!", "~");
  private static final Set<String> MODIFIER_SYMBOLS =
      Set.of("+", "-", "*", "/", "%", "**", "&", "|", "^", ">>", "<<");
  private static final Set<String> LOGICAL_SYMBOLS = Set.of("&&", "||");
  private static final Set<String> COMPARATOR_SYMBOLS =
      Set.of("==", "!=", ">", ">=", "<", "<=", "=~", "!~", "in");
  private static final Set<String> TERNARY_SYMBOLS = Set.of("?", ":", "??");

  private static final String[] TIME_LAYOUTS = {
    "Mon Jan _2 15:04:05 2006",
    "Mon Jan _2 15:04:05 MST 2006",
    "Mon Jan 02 15:04:05 -0700 2006",
    "3:04PM",
    GoTime.RFC3339,
    GoTime.RFC3339_NANO,
    "2006-01-02",
    "2006-01-02 15:04",
    "2006-01-02 15:04:05",
    "2006-01-02 15:04:05-07:00",
    "2006-01-02T15Z0700",
    "2006-01-02T15:04Z0700",
    "2006-01-02T15:04:05Z0700",
    "2006-01-02T15:04:05.999999999Z0700",
  };

  // ------------------------------------------------------------------ lexing

  private static final class Lex {
    final String s;
    int pos;

    Lex(String s) {
      this.s = s;
    }

    boolean canRead() {
      return pos < s.length();
    }

    /** readUntilFalse: returns the text and whether the condition (or a space) ended it. */
    String readUntil(
        boolean includeWhitespace,
        boolean breakWhitespace,
        java.util.function.IntPredicate cond,
        boolean[] completed) {
      StringBuilder sb = new StringBuilder();
      boolean conditioned = false;
      while (pos < s.length()) {
        int c = s.codePointAt(pos);
        pos += Character.charCount(c);
        if (c == '\\') {
          if (pos < s.length()) {
            int e = s.codePointAt(pos);
            pos += Character.charCount(e);
            sb.appendCodePoint(e);
          }
          continue;
        }
        if (Character.isWhitespace(c) || Strings.isGoSpace(c)) {
          if (breakWhitespace && sb.length() > 0) {
            conditioned = true;
            break;
          }
          if (!includeWhitespace) {
            continue;
          }
        }
        if (cond.test(c)) {
          sb.appendCodePoint(c);
        } else {
          conditioned = true;
          pos -= Character.charCount(c);
          break;
        }
      }
      if (completed != null) {
        completed[0] = conditioned;
      }
      return sb.toString();
    }
  }

  private static boolean isNumeric(int c) {
    return Character.isDigit(c) || c == '.';
  }

  private static boolean isNotQuote(int c) {
    return c != '\'' && c != '"';
  }

  private static boolean isNotAlphanumeric(int c) {
    return !(Character.isDigit(c)
        || Character.isLetter(c)
        || c == '('
        || c == ')'
        || c == '['
        || c == ']'
        || !isNotQuote(c));
  }

  private static boolean isVariableName(int c) {
    return Character.isLetter(c) || Character.isDigit(c) || c == '_' || c == '.';
  }

  private static ExprException error(String msg, String src, int at) {
    return new ExprException(msg, src, at);
  }

  /** Tokenises like govaluate's parseTokens, checking state transitions and parentheses. */
  static List<Token> tokens(String src) {
    List<Token> out = new ArrayList<>();
    Lex lex = new Lex(src);
    Kind state = Kind.UNKNOWN;
    while (lex.canRead()) {
      int c = src.codePointAt(lex.pos);
      if (Strings.isGoSpace(c)) {
        lex.pos += Character.charCount(c);
        continue;
      }
      int start = lex.pos;
      Token t;
      if (isNumeric(c)) {
        String num = lex.readUntil(false, true, GovaluateEngine::isNumeric, null);
        Double d;
        try {
          d = Double.parseDouble(num);
          if (num.equals(".")) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          throw error("Unable to parse numeric value '" + num + "' to float64", src, start);
        }
        t = new Token(Kind.NUMERIC, d, start);
      } else if (c == ',') {
        lex.pos++;
        t = new Token(Kind.SEPARATOR, ",", start);
      } else if (c == '[') {
        lex.pos++;
        boolean[] done = new boolean[1];
        String name = lex.readUntil(true, false, ch -> ch != ']', done);
        if (!done[0]) {
          throw error("Unclosed parameter bracket", src, start);
        }
        lex.pos++;
        t = new Token(Kind.VARIABLE, name, start);
      } else if (Character.isLetter(c)) {
        String word = lex.readUntil(false, true, GovaluateEngine::isVariableName, null);
        Kind kind = Kind.VARIABLE;
        Object value = word;
        if (word.equals("true") || word.equals("false")) {
          kind = Kind.BOOLEAN;
          value = Boolean.parseBoolean(word);
        } else if (word.equals("in") || word.equals("IN")) {
          kind = Kind.COMPARATOR;
          value = "in";
        } else if (word.indexOf('.') > 0) {
          if (word.endsWith(".")) {
            throw error("Hanging accessor on token '" + word + "'", src, start);
          }
          String[] parts = word.split("\\.");
          for (int i = 1; i < parts.length; i++) {
            int first = parts[i].isEmpty() ? 0 : parts[i].codePointAt(0);
            if (Character.toUpperCase(first) != first) {
              throw error(
                  "Unable to access unexported field '" + parts[i] + "' in token '" + word + "'",
                  src,
                  start);
            }
          }
          kind = Kind.ACCESSOR;
        }
        t = new Token(kind, value, start);
      } else if (!isNotQuote(c)) {
        lex.pos++;
        boolean[] done = new boolean[1];
        String str = lex.readUntil(true, false, GovaluateEngine::isNotQuote, done);
        if (!done[0]) {
          throw error("Unclosed string literal", src, start);
        }
        lex.pos++;
        ZonedDateTime time = tryParseTime(str);
        t =
            time != null
                ? new Token(Kind.TIME, (double) time.toEpochSecond(), start)
                : new Token(Kind.STRING, str, start);
      } else if (c == '(') {
        lex.pos++;
        t = new Token(Kind.CLAUSE, "(", start);
      } else if (c == ')') {
        lex.pos++;
        t = new Token(Kind.CLAUSE_CLOSE, ")", start);
      } else {
        String sym = lex.readUntil(false, true, GovaluateEngine::isNotAlphanumeric, null);
        Kind kind;
        if (NEXT.get(state).contains(Kind.PREFIX) && PREFIX_SYMBOLS.contains(sym)) {
          kind = Kind.PREFIX;
        } else if (MODIFIER_SYMBOLS.contains(sym)) {
          kind = Kind.MODIFIER;
        } else if (LOGICAL_SYMBOLS.contains(sym)) {
          kind = Kind.LOGICALOP;
        } else if (COMPARATOR_SYMBOLS.contains(sym)) {
          kind = Kind.COMPARATOR;
        } else if (TERNARY_SYMBOLS.contains(sym)) {
          kind = Kind.TERNARY;
        } else {
          throw error("Invalid token: '" + sym + "'", src, start);
        }
        t = new Token(kind, sym, start);
      }
      if (!NEXT.get(state).contains(t.kind)) {
        Token last = out.isEmpty() ? null : out.get(out.size() - 1);
        throw error(
            "Cannot transition token types from "
                + state
                + " ["
                + (last == null ? "<nil>" : GoFmt.v(last.value))
                + "] to "
                + t.kind
                + " ["
                + GoFmt.v(t.value)
                + "]",
            src,
            start);
      }
      state = t.kind;
      out.add(t);
    }
    int depth = 0;
    for (Token t : out) {
      if (t.kind == Kind.CLAUSE) {
        depth++;
      } else if (t.kind == Kind.CLAUSE_CLOSE) {
        depth--;
      }
    }
    if (depth != 0) {
      throw error("Unbalanced parenthesis", src, -1);
    }
    if (!out.isEmpty() && !EOF_OK.contains(state)) {
      throw error("Unexpected end of expression", src, src.length());
    }
    return out;
  }

  private static ZonedDateTime tryParseTime(String s) {
    if (s.isEmpty() || (s.indexOf(':') < 0 && s.indexOf('-') < 0)) {
      return null;
    }
    for (String layout : TIME_LAYOUTS) {
      try {
        return GoTime.parse(layout, s, ZoneOffset.UTC);
      } catch (RuntimeException e) {
        // next layout
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ parsing

  /** A govaluate evaluation stage tree. */
  public sealed interface Node permits Value, Bin, Pre, Arr {
    Object eval();
  }

  record Value(Object value, Kind kind, String name, int pos) implements Node {
    @Override
    public Object eval() {
      if (kind == Kind.VARIABLE || kind == Kind.ACCESSOR) {
        throw new EvalError("No parameter '" + name + "' found.");
      }
      return value;
    }
  }

  record Arr(List<Node> items) implements Node {
    @Override
    public Object eval() {
      List<Object> out = new ArrayList<>();
      for (Node n : items) {
        Object v = n.eval();
        if (v instanceof List<?> l && n instanceof Arr) {
          out.addAll(l);
        } else {
          out.add(v);
        }
      }
      return out;
    }
  }

  record Pre(String op, Node node) implements Node {
    @Override
    public Object eval() {
      Object v = node.eval();
      switch (op) {
        case "-" -> {
          if (v instanceof Double d) {
            return -d;
          }
          throw typeError(v, "prefix", op, "a number");
        }
        case "!" -> {
          if (v instanceof Boolean b) {
            return !b;
          }
          throw typeError(v, "prefix", op, "a boolean");
        }
        default -> {
          if (v instanceof Double d) {
            return (double) ~(long) d.doubleValue();
          }
          throw typeError(v, "prefix", op, "a number");
        }
      }
    }
  }

  record Bin(String op, Kind kind, Node left, Node right) implements Node {
    @Override
    public Object eval() {
      Object l = left.eval();
      if (op.equals("&&") && Boolean.FALSE.equals(l)) {
        return false;
      }
      if (op.equals("||") && Boolean.TRUE.equals(l)) {
        return true;
      }
      if (op.equals("?") && !(l instanceof Boolean)) {
        throw typeError(l, "ternary operator", op, "a bool");
      }
      if (op.equals("?") && Boolean.FALSE.equals(l)) {
        return null;
      }
      if ((op.equals(":") || op.equals("??")) && l != null) {
        return l;
      }
      Object r = right.eval();
      return apply(l, r);
    }

    private Object apply(Object l, Object r) {
      switch (op) {
        case "&&", "||" -> {
          if (!(l instanceof Boolean)) {
            throw typeError(l, "logical operator", op, "a bool");
          }
          if (!(r instanceof Boolean)) {
            throw typeError(r, "logical operator", op, "a bool");
          }
          return r;
        }
        case "?", ":", "??" -> {
          return r;
        }
        case "==" -> {
          return Objects.equals(l, r) || (l instanceof List && Ops.deepEqual(l, r));
        }
        case "!=" -> {
          return !(Objects.equals(l, r) || (l instanceof List && Ops.deepEqual(l, r)));
        }
        case ">", ">=", "<", "<=" -> {
          if (l instanceof Double a && r instanceof Double b) {
            return switch (op) {
              case ">" -> a > b;
              case ">=" -> a >= b;
              case "<" -> a < b;
              default -> a <= b;
            };
          }
          if (l instanceof String a && r instanceof String b) {
            int c = Ops.compareBytes(a, b);
            return switch (op) {
              case ">" -> c > 0;
              case ">=" -> c >= 0;
              case "<" -> c < 0;
              default -> c <= 0;
            };
          }
          throw typeError(
              l instanceof Double || l instanceof String ? r : l, "comparator", op, "a number");
        }
        case "=~", "!~" -> {
          if (!(l instanceof String s)) {
            throw typeError(l, "comparator", op, "a string");
          }
          Pattern p;
          if (r instanceof Pattern pat) {
            p = pat;
          } else if (r instanceof String re) {
            try {
              p = Regex.compile(re);
            } catch (EvalError e) {
              throw new EvalError(
                  "Unable to compile regexp pattern '" + re + "': " + e.getMessage());
            }
          } else {
            throw typeError(r, "comparator", op, "a string");
          }
          boolean m = p.matcher(s).find();
          return op.equals("=~") == m;
        }
        case "in" -> {
          if (!(r instanceof List<?> list)) {
            throw typeError(r, "comparator", op, "an array");
          }
          for (Object o : list) {
            if (Objects.equals(o, l)) {
              return true;
            }
          }
          return false;
        }
        case "+" -> {
          if (l instanceof Double a && r instanceof Double b) {
            return a + b;
          }
          if (l instanceof String || r instanceof String) {
            return GoFmt.v(l) + GoFmt.v(r);
          }
          throw typeError(l instanceof Double ? r : l, "modifier", op, "a number");
        }
        default -> {
          if (!(l instanceof Double a)) {
            throw typeError(l, "modifier", op, "a number");
          }
          if (!(r instanceof Double b)) {
            throw typeError(r, "modifier", op, "a number");
          }
          return switch (op) {
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            case "%" -> a % b;
            case "**" -> Math.pow(a, b);
            case "&" -> (double) ((long) a.doubleValue() & (long) b.doubleValue());
            case "|" -> (double) ((long) a.doubleValue() | (long) b.doubleValue());
            case "^" -> (double) ((long) a.doubleValue() ^ (long) b.doubleValue());
            case "<<" -> (double) ((long) a.doubleValue() << (long) b.doubleValue());
            default -> (double) ((long) a.doubleValue() >> (long) b.doubleValue());
          };
        }
      }
    }
  }

  static EvalError typeError(Object v, String what, String op, String expected) {
    return new EvalError(
        "Value '"
            + GoFmt.v(v)
            + "' cannot be used with the "
            + what
            + " '"
            + op
            + "', it is not "
            + expected);
  }

  /** Levels from loosest to tightest, each with its operator kinds and symbols. */
  private static final String[][] LEVELS = {
    {","},
    {"?", ":", "??"},
    {"||"},
    {"&&"},
    {"==", "!=", ">", ">=", "<", "<=", "=~", "!~", "in"},
    {"&", "|", "^"},
    {"<<", ">>"},
    {"+", "-"},
    {"*", "/", "%"},
    {"**"},
  };

  /** Nesting of parentheses and prefix operators allowed before parsing gives up. */
  private static final int MAX_DEPTH = 400;

  private static final class P {
    final String src;
    final List<Token> toks;
    int i;
    int depth;

    P(String src, List<Token> toks) {
      this.src = src;
      this.toks = toks;
    }

    Token peek() {
      return i < toks.size() ? toks.get(i) : null;
    }

    boolean atLevel(int level) {
      Token t = peek();
      if (t == null || t.kind == Kind.PREFIX) {
        return false;
      }
      if (!(t.value instanceof String sym)) {
        return false;
      }
      if (t.kind != Kind.MODIFIER
          && t.kind != Kind.LOGICALOP
          && t.kind != Kind.COMPARATOR
          && t.kind != Kind.TERNARY
          && t.kind != Kind.SEPARATOR) {
        return false;
      }
      for (String s : LEVELS[level]) {
        if (s.equals(sym)) {
          return true;
        }
      }
      return false;
    }

    Node level(int level) {
      if (level == LEVELS.length) {
        return value();
      }
      Node left = level(level + 1);
      while (atLevel(level)) {
        Token op = toks.get(i++);
        Node right = level(level + 1);
        if (level == 0) {
          List<Node> items = new ArrayList<>();
          if (left instanceof Arr a) {
            items.addAll(a.items());
          } else {
            items.add(left);
          }
          items.add(right);
          left = new Arr(items);
        } else {
          left = new Bin((String) op.value, op.kind, left, right);
        }
      }
      return left;
    }

    Node value() {
      Token t = peek();
      if (t == null) {
        throw new ExprException("Unexpected end of expression", src, src.length());
      }
      if (++depth > MAX_DEPTH) {
        throw new ExprException("expression is nested too deeply", src, t.start);
      }
      try {
        return valueInner(t);
      } finally {
        depth--;
      }
    }

    private Node valueInner(Token t) {
      i++;
      switch (t.kind) {
        case PREFIX -> {
          return new Pre((String) t.value, value());
        }
        case CLAUSE -> {
          if (peek() != null && peek().kind == Kind.CLAUSE_CLOSE) {
            i++;
            return new Arr(new ArrayList<>());
          }
          Node inner = level(0);
          Token close = peek();
          if (close == null || close.kind != Kind.CLAUSE_CLOSE) {
            throw new ExprException("Unbalanced parenthesis", src, t.start);
          }
          i++;
          return inner;
        }
        case NUMERIC, BOOLEAN, STRING, TIME, PATTERN -> {
          return new Value(t.value, t.kind, null, t.start);
        }
        case VARIABLE, ACCESSOR -> {
          return new Value(null, t.kind, (String) t.value, t.start);
        }
        default ->
            throw new ExprException(
                "Unexpected token '" + GoFmt.v(t.value) + "' (" + t.kind + ")", src, t.start);
      }
    }
  }

  /**
   * Parses a govaluate expression. With {@code variablesAsStrings} (Argo's shouldExecute), bare
   * words are string literals; otherwise they are unresolved parameters.
   */
  public static Node parse(String src, boolean variablesAsStrings) {
    List<Token> toks = tokens(src);
    List<Token> converted = new ArrayList<>(toks.size());
    for (int k = 0; k < toks.size(); k++) {
      Token t = toks.get(k);
      if (variablesAsStrings && t.kind == Kind.VARIABLE) {
        t = new Token(Kind.STRING, t.value, t.start);
      }
      // a constant right side of =~ / !~ is compiled once, as govaluate's optimiser does
      if (t.kind == Kind.STRING
          && k > 0
          && toks.get(k - 1).kind == Kind.COMPARATOR
          && ("=~".equals(toks.get(k - 1).value) || "!~".equals(toks.get(k - 1).value))) {
        try {
          t = new Token(Kind.PATTERN, Regex.compile((String) t.value), t.start);
        } catch (EvalError e) {
          throw new ExprException(e.getMessage(), src, t.start);
        }
      }
      converted.add(t);
    }
    if (converted.isEmpty()) {
      return new Value(null, Kind.UNKNOWN, null, 0);
    }
    P p = new P(src, converted);
    Node n;
    try {
      n = p.level(0);
    } catch (StackOverflowError e) {
      throw new ExprException("expression is nested too deeply", src, -1);
    }
    if (p.peek() != null) {
      throw new ExprException(
          "Unexpected token '" + GoFmt.v(p.peek().value) + "'", src, p.peek().start);
    }
    return n;
  }

  /** Evaluates a parsed tree; failures are EvalErrors with govaluate's messages. */
  public static Object eval(Node n) {
    Object v;
    try {
      v = n.eval();
    } catch (StackOverflowError e) {
      throw new EvalError("expression is nested too deeply");
    }
    if (v instanceof Pattern p) {
      return p.pattern();
    }
    return v;
  }
}
