package io.argo4j.expr.internal;

import io.argo4j.expr.ExprFunction;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The expr-lang syntax tree. Each node evaluates itself; the tree is immutable and shareable. */
public final class Ast {
  private Ast() {}

  /** A node of the tree; {@code pos} is the char offset used in error messages. */
  public sealed interface Node
      permits Const,
          Ident,
          Pointer,
          Unary,
          Binary,
          Member,
          Chain,
          Slice,
          Call,
          BuiltinCall,
          PredicateCall,
          Predicate,
          VarDecl,
          Cond,
          ArrayLit,
          MapLit,
          Seq {
    int pos();

    Object eval(Ctx c);

    default EvalError at(EvalError e) {
      if (e.pos < 0) {
        e.pos = pos();
      }
      return e;
    }
  }

  /** Thrown by {@code ?.} on nil to abandon the rest of the chain. */
  static final class NilChain extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NilChain INSTANCE = new NilChain();

    private NilChain() {
      super(null, null, false, false);
    }
  }

  public record Const(int pos, Object value) implements Node {
    @Override
    public Object eval(Ctx c) {
      return value;
    }
  }

  public record Ident(int pos, String name) implements Node {
    @Override
    public Object eval(Ctx c) {
      for (Ctx.Frame f = c.vars; f != null; f = f.parent()) {
        if (f.name().equals(name)) {
          return f.value();
        }
      }
      if (name.equals("$env")) {
        return c.env;
      }
      Object v = c.env.get(name);
      if (v == null && !c.env.containsKey(name)) {
        throw at(EvalError.of("unknown name %s", name));
      }
      return Ops.norm(v);
    }
  }

  public record Pointer(int pos, String name) implements Node {
    @Override
    public Object eval(Ctx c) {
      return switch (name) {
        case "" -> c.pointer;
        case "acc" -> c.acc;
        case "index" -> c.index;
        default -> throw at(EvalError.of("unknown pointer #%s", name));
      };
    }
  }

  public record Unary(int pos, String op, Node node) implements Node {
    @Override
    public Object eval(Ctx c) {
      Object v = node.eval(c);
      try {
        return switch (op) {
          case "!", "not" -> !Ops.toBool(v);
          case "-" -> Ops.negate(v);
          default -> {
            if (!Ops.isNumber(v)) {
              throw EvalError.of("invalid operation: + %s", Ops.typeName(v));
            }
            yield v;
          }
        };
      } catch (EvalError e) {
        throw at(e);
      }
    }
  }

  /** Binary operator codes, resolved once at parse time. */
  static final int OR = 1;

  static final int AND = 2;
  static final int EQ = 3;
  static final int NE = 4;
  static final int LT = 5;
  static final int GT = 6;
  static final int LE = 7;
  static final int GE = 8;
  static final int IN = 9;
  static final int MATCHES = 10;
  static final int CONTAINS = 11;
  static final int STARTS = 12;
  static final int ENDS = 13;
  static final int RANGE = 14;
  static final int ADD = 15;
  static final int SUB = 16;
  static final int MUL = 17;
  static final int DIV = 18;
  static final int MOD = 19;
  static final int POW = 20;
  static final int COALESCE = 21;

  static int code(String op) {
    return switch (op) {
      case "or", "||" -> OR;
      case "and", "&&" -> AND;
      case "==" -> EQ;
      case "!=" -> NE;
      case "<" -> LT;
      case ">" -> GT;
      case "<=" -> LE;
      case ">=" -> GE;
      case "in" -> IN;
      case "matches" -> MATCHES;
      case "contains" -> CONTAINS;
      case "startsWith" -> STARTS;
      case "endsWith" -> ENDS;
      case ".." -> RANGE;
      case "+" -> ADD;
      case "-" -> SUB;
      case "*" -> MUL;
      case "/" -> DIV;
      case "%" -> MOD;
      case "**", "^" -> POW;
      case "??" -> COALESCE;
      default -> throw new IllegalArgumentException("unknown operator " + op);
    };
  }

  /** {@code pattern} is the precompiled regex of a constant right side of {@code matches}. */
  public record Binary(int pos, String op, int code, Node left, Node right, Pattern pattern)
      implements Node {
    @Override
    public Object eval(Ctx c) {
      switch (code) {
        case OR -> {
          Object l = left.eval(c);
          try {
            if (Ops.toBool(l)) {
              return Boolean.TRUE;
            }
            return Ops.toBool(right.eval(c));
          } catch (EvalError e) {
            throw at(e);
          }
        }
        case AND -> {
          Object l = left.eval(c);
          try {
            if (!Ops.toBool(l)) {
              return Boolean.FALSE;
            }
            return Ops.toBool(right.eval(c));
          } catch (EvalError e) {
            throw at(e);
          }
        }
        case COALESCE -> {
          Object l;
          try {
            l = left.eval(c);
          } catch (EvalError e) {
            // As expr-lang: a member chain left of ?? is nil-safe (a.b.c ?? x is x when a or
            // a.b is nil), so a skipped task's missing outputs fall back to the default.
            if (!(left instanceof Member) || !String.valueOf(e.getMessage()).endsWith("<nil>")) {
              throw e;
            }
            l = null;
          } catch (NilChain n) {
            l = null;
          }
          return l != null ? l : right.eval(c);
        }
        default -> {
          Object l = left.eval(c);
          Object r = right.eval(c);
          try {
            return apply(l, r);
          } catch (EvalError e) {
            throw at(e);
          }
        }
      }
    }

    private Object apply(Object l, Object r) {
      return switch (code) {
        case EQ -> Ops.equal(l, r);
        case NE -> !Ops.equal(l, r);
        case LT -> Ops.less(l, r);
        case GT -> Ops.more(l, r);
        case LE -> Ops.lessOrEqual(l, r);
        case GE -> Ops.moreOrEqual(l, r);
        case IN -> Ops.in(l, r);
        case MATCHES -> {
          String s = Ops.str("matches", l, r, l);
          Pattern p = pattern;
          if (p == null) {
            p = Regex.compile(Ops.str("matches", l, r, r));
          }
          yield p.matcher(s).find();
        }
        case CONTAINS -> Ops.str(op, l, r, l).contains(Ops.str(op, l, r, r));
        case STARTS -> Ops.str(op, l, r, l).startsWith(Ops.str(op, l, r, r));
        case ENDS -> Ops.str(op, l, r, l).endsWith(Ops.str(op, l, r, r));
        case RANGE -> Ops.range(l, r);
        case ADD -> Ops.add(l, r);
        case SUB -> Ops.subtract(l, r);
        case MUL -> Ops.multiply(l, r);
        case DIV -> Ops.divide(l, r);
        case MOD -> Ops.modulo(l, r);
        case POW -> Ops.exponent(l, r);
        default -> throw new IllegalStateException(op);
      };
    }
  }

  public record Member(int pos, Node node, Node property, boolean optional) implements Node {
    @Override
    public Object eval(Ctx c) {
      Object base = node.eval(c);
      if (base == null && optional) {
        throw NilChain.INSTANCE;
      }
      Object key = property.eval(c);
      try {
        if (base == null) {
          throw EvalError.of("cannot fetch %s from %s", GoFmt.v(key), Ops.typeName(null));
        }
        return Ops.fetch(base, key);
      } catch (EvalError e) {
        throw at(e);
      }
    }

    /** {@code a.b.c} as a dotted path when every step is a name, else null. */
    String path() {
      if (!(property instanceof Const k) || !(k.value() instanceof String name)) {
        return null;
      }
      if (node instanceof Ident id) {
        return id.name() + "." + name;
      }
      if (node instanceof Member m) {
        String p = m.path();
        return p == null ? null : p + "." + name;
      }
      return null;
    }
  }

  public record Chain(int pos, Node node) implements Node {
    @Override
    public Object eval(Ctx c) {
      try {
        return node.eval(c);
      } catch (NilChain n) {
        return null;
      }
    }
  }

  public record Slice(int pos, Node node, Node from, Node to) implements Node {
    @Override
    public Object eval(Ctx c) {
      Object v = node.eval(c);
      Object f = from == null ? null : from.eval(c);
      Object t = to == null ? null : to.eval(c);
      try {
        return Ops.slice(v, f, t);
      } catch (EvalError e) {
        throw at(e);
      }
    }
  }

  /** A call of a function value: {@code asInt(x)}, {@code sprig.trim(x)}, {@code t.Year()}. */
  public record Call(int pos, Node callee, List<Node> args) implements Node {
    @Override
    public Object eval(Ctx c) {
      if (callee instanceof Member m) {
        Object base = m.node().eval(c);
        if (base == null && m.optional()) {
          throw NilChain.INSTANCE;
        }
        String name = (String) ((Const) m.property()).value();
        Object[] argv = evalArgs(c);
        try {
          if (base instanceof Map<?, ?> map) {
            Object fn = map.get(name);
            if (fn instanceof ExprFunction f) {
              return invoke(f, argv);
            }
            if (fn == null && !map.containsKey(name)) {
              String owner = m.node() instanceof Ident id ? id.name() + "." : "";
              throw EvalError.of("%s%s is not a function", owner, name);
            }
            throw EvalError.of("cannot call %s (type %s)", name, Ops.typeName(fn));
          }
          return Methods.call(base, name, argv, c);
        } catch (EvalError e) {
          throw at(e);
        }
      }
      Object fn = callee.eval(c);
      Object[] argv = evalArgs(c);
      try {
        if (fn instanceof ExprFunction f) {
          return invoke(f, argv);
        }
        String name = callee instanceof Ident id ? id.name() : "expression";
        throw EvalError.of("%s is not callable (type %s)", name, Ops.typeName(fn));
      } catch (EvalError e) {
        throw at(e);
      }
    }

    private Object[] evalArgs(Ctx c) {
      Object[] argv = new Object[args.size()];
      for (int i = 0; i < argv.length; i++) {
        argv[i] = args.get(i).eval(c);
      }
      return argv;
    }

    static Object invoke(ExprFunction f, Object[] argv) {
      try {
        return Ops.norm(f.call(Arrays.asList(argv)));
      } catch (EvalError e) {
        throw e;
      } catch (StackOverflowError e) {
        throw new EvalError("stack overflow");
      } catch (RuntimeException e) {
        throw new EvalError(e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }
  }

  /** A call of one of expr-lang's builtins that take plain arguments. */
  public record BuiltinCall(int pos, String name, List<Node> args, Builtins.Fn fn) implements Node {
    @Override
    public Object eval(Ctx c) {
      Object[] argv = new Object[args.size()];
      for (int i = 0; i < argv.length; i++) {
        argv[i] = args.get(i).eval(c);
      }
      try {
        return Ops.norm(fn.apply(argv, c));
      } catch (EvalError e) {
        throw at(e);
      } catch (ArithmeticException | IllegalArgumentException | IndexOutOfBoundsException e) {
        throw at(new EvalError(e.getMessage() == null ? e.toString() : e.getMessage()));
      }
    }
  }

  /** A closure argument {@code {# > 1}}: evaluated once per element by a predicate builtin. */
  public record Predicate(int pos, Node body) implements Node {
    @Override
    public Object eval(Ctx c) {
      return body.eval(c);
    }
  }

  /** all, any, none, one, filter, map, count, sum, find*, groupBy, sortBy, reduce. */
  public record PredicateCall(int pos, String name, List<Node> args) implements Node {
    @Override
    public Object eval(Ctx c) {
      Object subject = args.get(0).eval(c);
      List<?> items;
      if (subject instanceof List<?> l) {
        items = l;
      } else if (subject instanceof Map<?, ?> m && name.equals("map")) {
        items = new ArrayList<>(m.values());
      } else {
        throw at(EvalError.of("cannot iterate over %s", Ops.typeName(subject)));
      }
      Node pred = args.size() > 1 ? args.get(1) : null;
      Object savedPointer = c.pointer;
      long savedIndex = c.index;
      Object savedAcc = c.acc;
      try {
        return run(c, items, pred);
      } catch (EvalError e) {
        throw at(e);
      } finally {
        c.pointer = savedPointer;
        c.index = savedIndex;
        c.acc = savedAcc;
      }
    }

    private Object test(Ctx c, Node pred, Object item, int i) {
      c.tick();
      c.pointer = Ops.norm(item);
      c.index = i;
      return pred.eval(c);
    }

    private boolean holds(Ctx c, Node pred, Object item, int i) {
      return Ops.toBool(test(c, pred, item, i));
    }

    private Object run(Ctx c, List<?> items, Node pred) {
      int n = items.size();
      switch (name) {
        case "all" -> {
          for (int i = 0; i < n; i++) {
            if (!holds(c, pred, items.get(i), i)) {
              return false;
            }
          }
          return true;
        }
        case "none" -> {
          for (int i = 0; i < n; i++) {
            if (holds(c, pred, items.get(i), i)) {
              return false;
            }
          }
          return true;
        }
        case "any" -> {
          for (int i = 0; i < n; i++) {
            if (holds(c, pred, items.get(i), i)) {
              return true;
            }
          }
          return false;
        }
        case "one" -> {
          int count = 0;
          for (int i = 0; i < n; i++) {
            if (holds(c, pred, items.get(i), i)) {
              count++;
            }
          }
          return count == 1;
        }
        case "filter" -> {
          List<Object> out = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            if (holds(c, pred, items.get(i), i)) {
              out.add(Ops.norm(items.get(i)));
            }
          }
          return out;
        }
        case "map" -> {
          List<Object> out = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            out.add(Ops.norm(test(c, pred, items.get(i), i)));
          }
          return out;
        }
        case "count" -> {
          long count = 0;
          for (int i = 0; i < n; i++) {
            boolean b = pred == null ? Ops.toBool(items.get(i)) : holds(c, pred, items.get(i), i);
            if (b) {
              count++;
            }
          }
          return count;
        }
        case "sum" -> {
          Object total = 0L;
          for (int i = 0; i < n; i++) {
            Object v = pred == null ? Ops.norm(items.get(i)) : test(c, pred, items.get(i), i);
            if (!Ops.isNumber(v)) {
              throw EvalError.of("invalid argument for sum (type %s)", Ops.typeName(v));
            }
            total = Ops.add(total, v);
          }
          return total;
        }
        case "find", "findIndex" -> {
          for (int i = 0; i < n; i++) {
            if (holds(c, pred, items.get(i), i)) {
              return name.equals("find") ? Ops.norm(items.get(i)) : (Object) (long) i;
            }
          }
          return name.equals("find") ? null : (Object) (-1L);
        }
        case "findLast", "findLastIndex" -> {
          for (int i = n - 1; i >= 0; i--) {
            if (holds(c, pred, items.get(i), i)) {
              return name.equals("findLast") ? Ops.norm(items.get(i)) : (Object) (long) i;
            }
          }
          return name.equals("findLast") ? null : (Object) (-1L);
        }
        case "groupBy" -> {
          Map<String, Object> out = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            Object key = test(c, pred, items.get(i), i);
            @SuppressWarnings("unchecked")
            List<Object> group =
                (List<Object>) out.computeIfAbsent(GoFmt.v(key), k -> new ArrayList<>());
            group.add(Ops.norm(items.get(i)));
          }
          return out;
        }
        case "sortBy" -> {
          String order = "asc";
          if (args.size() > 2) {
            Object o = args.get(2).eval(c);
            if (!(o instanceof String s) || !(s.equals("asc") || s.equals("desc"))) {
              throw EvalError.of("unknown order %s, use asc or desc", GoFmt.v(o));
            }
            order = s;
          }
          List<Object[]> keyed = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            keyed.add(new Object[] {test(c, pred, items.get(i), i), Ops.norm(items.get(i))});
          }
          Comparator<Object[]> cmp = (x, y) -> Ops.compare("<", x[0], y[0]);
          keyed.sort(order.equals("desc") ? cmp.reversed() : cmp);
          List<Object> out = new ArrayList<>(n);
          for (Object[] k : keyed) {
            out.add(k[1]);
          }
          return out;
        }
        case "reduce" -> {
          int start = 0;
          if (args.size() > 2) {
            c.acc = args.get(2).eval(c);
          } else {
            if (n == 0) {
              throw new EvalError("reduce of empty array with no initial value");
            }
            c.acc = Ops.norm(items.get(0));
            start = 1;
          }
          for (int i = start; i < n; i++) {
            c.acc = test(c, pred, items.get(i), i);
          }
          return c.acc;
        }
        default -> throw new IllegalStateException(name);
      }
    }
  }

  public record VarDecl(int pos, String name, Node value, Node body) implements Node {
    @Override
    public Object eval(Ctx c) {
      Object v = value.eval(c);
      Ctx.Frame saved = c.vars;
      c.vars = new Ctx.Frame(name, v, saved);
      try {
        return body.eval(c);
      } finally {
        c.vars = saved;
      }
    }
  }

  public record Cond(int pos, Node cond, Node a, Node b) implements Node {
    @Override
    public Object eval(Ctx c) {
      Object v = cond.eval(c);
      boolean t;
      try {
        t = Ops.toBool(v);
      } catch (EvalError e) {
        throw at(e);
      }
      return t ? a.eval(c) : b.eval(c);
    }
  }

  public record ArrayLit(int pos, List<Node> items) implements Node {
    @Override
    public Object eval(Ctx c) {
      List<Object> out = new ArrayList<>(items.size());
      for (Node n : items) {
        out.add(n.eval(c));
      }
      return out;
    }
  }

  /** A map literal; keys are evaluated (identifier and number keys are constant strings). */
  public record MapLit(int pos, List<Node> keys, List<Node> values) implements Node {
    @Override
    public Object eval(Ctx c) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        Object k = keys.get(i).eval(c);
        out.put(k instanceof String s ? s : GoFmt.v(k), values.get(i).eval(c));
      }
      return out;
    }
  }

  public record Seq(int pos, List<Node> nodes) implements Node {
    @Override
    public Object eval(Ctx c) {
      Object last = null;
      for (Node n : nodes) {
        last = n.eval(c);
      }
      return last;
    }
  }

  /** The direct children of a node, in source order. */
  public static List<Node> children(Node node) {
    List<Node> out = new ArrayList<>();
    switch (node) {
      case Unary u -> out.add(u.node());
      case Binary b -> {
        out.add(b.left());
        out.add(b.right());
      }
      case Member m -> {
        out.add(m.node());
        out.add(m.property());
      }
      case Chain ch -> out.add(ch.node());
      case Slice s -> {
        out.add(s.node());
        if (s.from() != null) {
          out.add(s.from());
        }
        if (s.to() != null) {
          out.add(s.to());
        }
      }
      case Call call -> {
        out.add(call.callee());
        out.addAll(call.args());
      }
      case BuiltinCall bc -> out.addAll(bc.args());
      case PredicateCall pc -> out.addAll(pc.args());
      case Predicate p -> out.add(p.body());
      case VarDecl v -> {
        out.add(v.value());
        out.add(v.body());
      }
      case Cond cd -> {
        out.add(cd.cond());
        out.add(cd.a());
        out.add(cd.b());
      }
      case ArrayLit a -> out.addAll(a.items());
      case MapLit m -> {
        for (int i = 0; i < m.keys().size(); i++) {
          out.add(m.keys().get(i));
          out.add(m.values().get(i));
        }
      }
      case Seq s -> out.addAll(s.nodes());
      case Const k -> {}
      case Ident i -> {}
      case Pointer p -> {}
    }
    return out;
  }

  /** Visits every node, children before their parent (as expr-lang's ast.Walk does). */
  public static void walk(Node node, Consumer<Node> visitor) {
    if (node == null) {
      return;
    }
    for (Node child : children(node)) {
      walk(child, visitor);
    }
    visitor.accept(node);
  }

  /**
   * The variable paths an expression reads, as Argo's template check collects them: every
   * identifier, and every member chain made of names ({@code inputs.parameters.x}, and for {@code
   * inputs.parameters['my-p']} the path {@code inputs.parameters.my-p}), with its prefixes.
   */
  public static List<String> identifierPaths(Node root) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    walk(
        root,
        n -> {
          if (n instanceof Ident id) {
            out.add(id.name());
          } else if (n instanceof Member m) {
            String p = m.path();
            if (p != null) {
              out.add(p);
            }
          }
        });
    return new ArrayList<>(out);
  }

  static boolean isTime(Object o) {
    return o instanceof ZonedDateTime || o instanceof Duration || o instanceof ZoneId;
  }
}
