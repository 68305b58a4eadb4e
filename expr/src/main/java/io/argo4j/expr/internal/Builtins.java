package io.argo4j.expr.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** expr-lang's builtin functions (those without a closure argument). */
public final class Builtins {
  private Builtins() {}

  /** A builtin's implementation. */
  @FunctionalInterface
  public interface Fn {
    Object apply(Object[] args, Ctx c);
  }

  /** Arity bounds ({@code max} -1 for variadic) and implementation. */
  public record Spec(int min, int max, Fn fn) {}

  /** Builtins taking a predicate, with their argument shapes, parsed specially. */
  public static final Set<String> PREDICATES =
      Set.of(
          "all",
          "none",
          "any",
          "one",
          "filter",
          "map",
          "count",
          "sum",
          "find",
          "findIndex",
          "findLast",
          "findLastIndex",
          "groupBy",
          "sortBy",
          "reduce");

  static final Map<String, Spec> INDEX = new HashMap<>();

  private static void def(String name, int min, int max, Fn fn) {
    INDEX.put(name, new Spec(min, max, fn));
  }

  /** The builtin named {@code name}, or null. */
  public static Spec get(String name) {
    return INDEX.get(name);
  }

  static String str(String fn, Object v) {
    if (v instanceof String s) {
      return s;
    }
    throw EvalError.of("invalid argument for %s (type %s)", fn, Ops.typeName(v));
  }

  static List<?> list(String fn, Object v) {
    if (v instanceof List<?> l) {
      return l;
    }
    throw EvalError.of("invalid argument for %s (type %s)", fn, Ops.typeName(v));
  }

  static Map<?, ?> map(String fn, Object v) {
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw EvalError.of("invalid argument for %s (type %s)", fn, Ops.typeName(v));
  }

  static long integer(String fn, Object v) {
    if (Ops.isInt(v)) {
      return ((Number) v).longValue();
    }
    throw EvalError.of("invalid argument for %s (type %s)", fn, Ops.typeName(v));
  }

  /** expr's type(): the Go kind name. */
  public static String type(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (Ops.isInt(v)) {
      return "int";
    }
    if (Ops.isFloat(v)) {
      return "float";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof List) {
      return "array";
    }
    if (v instanceof Map) {
      return "map";
    }
    if (v instanceof ZonedDateTime) {
      return "time.Time";
    }
    if (v instanceof Duration) {
      return "time.Duration";
    }
    if (v instanceof ZoneId) {
      return "time.Location";
    }
    if (v instanceof io.argo4j.expr.ExprFunction) {
      return "func";
    }
    return "unknown";
  }

  /** expr's int(): numbers truncate, strings parse as base-10 integers. */
  public static Object toInt(Object x) {
    if (Ops.isInt(x)) {
      return ((Number) x).longValue();
    }
    if (Ops.isFloat(x)) {
      double d = ((Number) x).doubleValue();
      return (long) d;
    }
    if (x instanceof String s) {
      try {
        String t = s.startsWith("+") ? s.substring(1) : s;
        if (t.isEmpty() || t.startsWith("+") || t.startsWith("-") && t.length() == 1) {
          throw new NumberFormatException();
        }
        if (!t.chars().allMatch(ch -> ch == '-' || (ch >= '0' && ch <= '9'))) {
          throw new NumberFormatException();
        }
        return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
      } catch (NumberFormatException e) {
        throw EvalError.of("invalid operation: int(%s)", s);
      }
    }
    if (x instanceof Duration d) {
      return d.toNanos();
    }
    throw EvalError.of("invalid operation: int(%s)", Ops.typeName(x));
  }

  /** expr's float(): numbers widen, strings parse with Go's ParseFloat. */
  public static Object toFloat(Object x) {
    if (Ops.isNumber(x)) {
      return ((Number) x).doubleValue();
    }
    if (x instanceof String s) {
      Double d = parseGoFloat(s);
      if (d == null) {
        throw EvalError.of("invalid operation: float(%s)", s);
      }
      return d;
    }
    throw EvalError.of("invalid operation: float(%s)", Ops.typeName(x));
  }

  /** strconv.ParseFloat(s, 64), or null when Go would fail. */
  public static Double parseGoFloat(String s) {
    String t = s.replace("_", "");
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    switch (lower) {
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "nan" -> {
        return Double.NaN;
      }
      default -> {}
    }
    if (t.isEmpty()
        || !t.matches("[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|0[xX].*)")) {
      return null;
    }
    try {
      if (lower.startsWith("0x") || lower.startsWith("+0x") || lower.startsWith("-0x")) {
        return Double.parseDouble(t.contains("p") || t.contains("P") ? t : t + "p0");
      }
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object minMax(String name, boolean max, Object[] args) {
    Object best = null;
    List<Object> flat = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof List<?> l) {
        for (Object o : l) {
          if (!Ops.isNumber(o)) {
            throw EvalError.of("invalid argument for %s (type %s)", name, Ops.typeName(o));
          }
          flat.add(o);
        }
      } else if (Ops.isNumber(a)) {
        flat.add(a);
      } else {
        if (args.length == 1) {
          return a;
        }
        throw EvalError.of("invalid argument for %s (type %s)", name, Ops.typeName(a));
      }
    }
    for (Object o : flat) {
      if (best == null || (max ? Ops.less(best, o) : Ops.more(best, o))) {
        best = o;
      }
    }
    return best;
  }

  private static List<Double> numbers(String name, Object[] args) {
    List<Double> out = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof List<?> l) {
        out.addAll(numbers(name, l.toArray()));
      } else if (Ops.isNumber(a)) {
        out.add(((Number) a).doubleValue());
      } else {
        throw EvalError.of("invalid argument for %s (type %s)", name, Ops.typeName(a));
      }
    }
    return out;
  }

  private static final String[] DATE_LAYOUTS = {
    "2006-01-02",
    "15:04:05",
    "2006-01-02 15:04:05",
    GoTime.RFC3339,
    "02 Jan 06 15:04 MST",
    "Monday, 02-Jan-06 15:04:05 MST",
    "Mon, 02 Jan 2006 15:04:05 MST",
  };

  /** Go's time.LoadLocation. */
  public static ZoneId zone(String name) {
    if (name.isEmpty() || name.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw EvalError.of("unknown time zone %s", name);
    }
  }

  static Object date(Object[] a, Ctx c) {
    String s = str("date", a[0]);
    ZoneId zone = ZoneOffset.UTC;
    if (a.length == 3) {
      zone = zone(str("date", a[2]));
    }
    if (a.length >= 2) {
      return GoTime.parse(str("date", a[1]), s, zone);
    }
    for (String layout : DATE_LAYOUTS) {
      try {
        return GoTime.parse(layout, s, zone);
      } catch (EvalError e) {
        // try the next layout
      }
    }
    throw EvalError.of("invalid date %s", s);
  }

  private static List<Object> split(String s, String sep, long n, boolean after) {
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return null;
    }
    if (sep.isEmpty()) {
      int[] cps = s.codePoints().toArray();
      for (int i = 0; i < cps.length; i++) {
        if (n > 0 && out.size() == n - 1) {
          out.add(new String(cps, i, cps.length - i));
          return out;
        }
        out.add(new String(cps, i, 1));
      }
      return out;
    }
    int start = 0;
    while (true) {
      if (n > 0 && out.size() == n - 1) {
        break;
      }
      int idx = s.indexOf(sep, start);
      if (idx < 0) {
        break;
      }
      out.add(s.substring(start, after ? idx + sep.length() : idx));
      start = idx + sep.length();
    }
    out.add(s.substring(start));
    return out;
  }

  static {
    def("len", 1, 1, (a, c) -> Ops.len(a[0]));
    def("type", 1, 1, (a, c) -> type(a[0]));
    def(
        "abs",
        1,
        1,
        (a, c) -> {
          if (Ops.isInt(a[0])) {
            return Math.abs(((Number) a[0]).longValue());
          }
          if (Ops.isFloat(a[0])) {
            return Math.abs(((Number) a[0]).doubleValue());
          }
          throw EvalError.of("invalid argument for abs (type %s)", Ops.typeName(a[0]));
        });
    for (String f : new String[] {"ceil", "floor", "round"}) {
      def(
          f,
          1,
          1,
          (a, c) -> {
            if (!Ops.isNumber(a[0])) {
              throw EvalError.of("invalid argument for %s (type %s)", f, Ops.typeName(a[0]));
            }
            double d = ((Number) a[0]).doubleValue();
            return switch (f) {
              case "ceil" -> Math.ceil(d);
              case "floor" -> Math.floor(d);
              default -> d < 0 ? -Math.floor(-d + 0.5) : Math.floor(d + 0.5);
            };
          });
    }
    def("int", 1, 1, (a, c) -> toInt(a[0]));
    def("float", 1, 1, (a, c) -> toFloat(a[0]));
    def("string", 1, 1, (a, c) -> GoFmt.v(a[0]));
    def(
        "trim",
        1,
        2,
        (a, c) ->
            a.length == 1
                ? Strings.trimSpace(str("trim", a[0]))
                : Strings.trim(str("trim", a[0]), str("trim", a[1])));
    def(
        "trimPrefix",
        1,
        2,
        (a, c) -> {
          String s = str("trimPrefix", a[0]);
          String p = a.length > 1 ? str("trimPrefix", a[1]) : " ";
          return s.startsWith(p) ? s.substring(p.length()) : s;
        });
    def(
        "trimSuffix",
        1,
        2,
        (a, c) -> {
          String s = str("trimSuffix", a[0]);
          String p = a.length > 1 ? str("trimSuffix", a[1]) : " ";
          return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
        });
    def("upper", 1, 1, (a, c) -> str("upper", a[0]).toUpperCase(java.util.Locale.ROOT));
    def("lower", 1, 1, (a, c) -> str("lower", a[0]).toLowerCase(java.util.Locale.ROOT));
    def(
        "split",
        2,
        3,
        (a, c) ->
            split(
                str("split", a[0]),
                str("split", a[1]),
                a.length > 2 ? integer("split", a[2]) : -1,
                false));
    def(
        "splitAfter",
        2,
        3,
        (a, c) ->
            split(
                str("splitAfter", a[0]),
                str("splitAfter", a[1]),
                a.length > 2 ? integer("splitAfter", a[2]) : -1,
                true));
    def(
        "replace",
        3,
        3,
        (a, c) -> {
          String s = str("replace", a[0]);
          String old = str("replace", a[1]);
          String neu = str("replace", a[2]);
          if (old.isEmpty()) {
            StringBuilder sb = new StringBuilder(neu);
            s.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(neu));
            return sb.toString();
          }
          return s.replace(old, neu);
        });
    def(
        "repeat",
        2,
        2,
        (a, c) -> {
          long n = integer("repeat", a[1]);
          String s = str("repeat", a[0]);
          if (n < 0) {
            throw new EvalError("strings: negative Repeat count");
          }
          if (n * s.length() > 10_000_000) {
            throw new EvalError("memory budget exceeded");
          }
          return s.repeat((int) n);
        });
    def(
        "join",
        1,
        2,
        (a, c) -> {
          List<?> l = list("join", a[0]);
          String sep = a.length > 1 ? str("join", a[1]) : "";
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
              sb.append(sep);
            }
            sb.append(str("join", l.get(i)));
          }
          return sb.toString();
        });
    def(
        "indexOf",
        2,
        2,
        (a, c) -> {
          String s = str("indexOf", a[0]);
          return (long) Strings.byteIndex(s, s.indexOf(str("indexOf", a[1])));
        });
    def(
        "lastIndexOf",
        2,
        2,
        (a, c) -> {
          String s = str("lastIndexOf", a[0]);
          return (long) Strings.byteIndex(s, s.lastIndexOf(str("lastIndexOf", a[1])));
        });
    def("hasPrefix", 2, 2, (a, c) -> str("hasPrefix", a[0]).startsWith(str("hasPrefix", a[1])));
    def("hasSuffix", 2, 2, (a, c) -> str("hasSuffix", a[0]).endsWith(str("hasSuffix", a[1])));
    def("max", 1, -1, (a, c) -> minMax("max", true, a));
    def("min", 1, -1, (a, c) -> minMax("min", false, a));
    def(
        "mean",
        1,
        -1,
        (a, c) -> {
          List<Double> n = numbers("mean", a);
          if (n.isEmpty()) {
            return 0.0;
          }
          return n.stream().mapToDouble(Double::doubleValue).sum() / n.size();
        });
    def(
        "median",
        1,
        -1,
        (a, c) -> {
          List<Double> n = new ArrayList<>(numbers("median", a));
          if (n.isEmpty()) {
            return 0.0;
          }
          n.sort(null);
          int m = n.size() / 2;
          return n.size() % 2 == 0 ? (n.get(m - 1) + n.get(m)) / 2 : n.get(m);
        });
    def("toJSON", 1, 1, (a, c) -> Json.marshalIndent(a[0], "  "));
    def("fromJSON", 1, 1, (a, c) -> Json.parse(str("fromJSON", a[0])));
    def(
        "toBase64",
        1,
        1,
        (a, c) ->
            Base64.getEncoder()
                .encodeToString(str("toBase64", a[0]).getBytes(StandardCharsets.UTF_8)));
    def("fromBase64", 1, 1, (a, c) -> base64Decode(str("fromBase64", a[0])));
    def("now", 0, 0, (a, c) -> ZonedDateTime.ofInstant(c.clock.instant(), c.zone));
    def("duration", 1, 1, (a, c) -> GoTime.parseDuration(str("duration", a[0])));
    def("date", 1, 3, Builtins::date);
    def("timezone", 1, 1, (a, c) -> zone(str("timezone", a[0])));
    def(
        "first",
        1,
        1,
        (a, c) -> {
          if (a[0] == null) {
            return null;
          }
          List<?> l = list("first", a[0]);
          return l.isEmpty() ? null : l.get(0);
        });
    def(
        "last",
        1,
        1,
        (a, c) -> {
          if (a[0] == null) {
            return null;
          }
          List<?> l = list("last", a[0]);
          return l.isEmpty() ? null : l.get(l.size() - 1);
        });
    def(
        "get",
        2,
        2,
        (a, c) -> {
          try {
            if (a[0] instanceof Map<?, ?> m) {
              return m.get(a[1]);
            }
            if (a[0] instanceof List<?> || a[0] instanceof String) {
              return Ops.fetch(a[0], a[1]);
            }
            return null;
          } catch (EvalError e) {
            return null;
          }
        });
    def(
        "take",
        2,
        2,
        (a, c) -> {
          List<?> l = list("take", a[0]);
          long n = integer("take", a[1]);
          return new ArrayList<Object>(l.subList(0, (int) Math.max(0, Math.min(n, l.size()))));
        });
    def("keys", 1, 1, (a, c) -> new ArrayList<Object>(map("keys", a[0]).keySet()));
    def("values", 1, 1, (a, c) -> new ArrayList<Object>(map("values", a[0]).values()));
    def(
        "toPairs",
        1,
        1,
        (a, c) -> {
          List<Object> out = new ArrayList<>();
          for (Map.Entry<?, ?> e : map("toPairs", a[0]).entrySet()) {
            List<Object> pair = new ArrayList<>();
            pair.add(e.getKey());
            pair.add(e.getValue());
            out.add(pair);
          }
          return out;
        });
    def(
        "fromPairs",
        1,
        1,
        (a, c) -> {
          Map<String, Object> out = new LinkedHashMap<>();
          for (Object p : list("fromPairs", a[0])) {
            List<?> pair = list("fromPairs", p);
            if (pair.size() != 2) {
              throw new EvalError("invalid pair");
            }
            out.put(GoFmt.v(pair.get(0)), pair.get(1));
          }
          return out;
        });
    def(
        "sort",
        1,
        2,
        (a, c) -> {
          List<Object> l = new ArrayList<>(list("sort", a[0]));
          String order = a.length > 1 ? str("sort", a[1]) : "asc";
          if (!order.equals("asc") && !order.equals("desc")) {
            throw EvalError.of("unknown order %s, use asc or desc", order);
          }
          l.sort((x, y) -> Ops.compare("<", x, y));
          if (order.equals("desc")) {
            java.util.Collections.reverse(l);
          }
          return l;
        });
    def(
        "concat",
        1,
        -1,
        (a, c) -> {
          List<Object> out = new ArrayList<>();
          for (Object o : a) {
            out.addAll(list("concat", o));
          }
          return out;
        });
    def(
        "flatten",
        1,
        1,
        (a, c) -> {
          List<Object> out = new ArrayList<>();
          flatten(list("flatten", a[0]), out);
          return out;
        });
    def(
        "uniq",
        1,
        1,
        (a, c) -> {
          List<Object> out = new ArrayList<>();
          for (Object o : list("uniq", a[0])) {
            boolean seen = false;
            for (Object p : out) {
              if (Ops.equal(p, o)) {
                seen = true;
                break;
              }
            }
            if (!seen) {
              out.add(o);
            }
          }
          return out;
        });
    def(
        "reverse",
        1,
        1,
        (a, c) -> {
          List<Object> out = new ArrayList<>(list("reverse", a[0]));
          java.util.Collections.reverse(out);
          return out;
        });
    def("bitand", 2, 2, (a, c) -> integer("bitand", a[0]) & integer("bitand", a[1]));
    def("bitor", 2, 2, (a, c) -> integer("bitor", a[0]) | integer("bitor", a[1]));
    def("bitxor", 2, 2, (a, c) -> integer("bitxor", a[0]) ^ integer("bitxor", a[1]));
    def("bitnand", 2, 2, (a, c) -> integer("bitnand", a[0]) & ~integer("bitnand", a[1]));
    def("bitnot", 1, 1, (a, c) -> ~integer("bitnot", a[0]));
    def("bitshl", 2, 2, (a, c) -> integer("bitshl", a[0]) << shift("bitshl", a[1]));
    def("bitshr", 2, 2, (a, c) -> integer("bitshr", a[0]) >> shift("bitshr", a[1]));
    def("bitushr", 2, 2, (a, c) -> integer("bitushr", a[0]) >>> shift("bitushr", a[1]));
  }

  private static long shift(String fn, Object v) {
    long s = integer(fn, v);
    if (s < 0) {
      throw EvalError.of("invalid operation: negative shift count %d", s);
    }
    return s >= 64 ? 64 : s;
  }

  private static void flatten(List<?> in, List<Object> out) {
    for (Object o : in) {
      if (o instanceof List<?> l) {
        flatten(l, out);
      } else {
        out.add(o);
      }
    }
  }

  static String base64Decode(String s) {
    try {
      return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw EvalError.of("illegal base64 data at input byte %d", badBase64Index(s));
    }
  }

  private static int badBase64Index(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean ok = Character.isLetterOrDigit(ch) && ch < 128 || ch == '+' || ch == '/' || ch == '=';
      if (!ok) {
        return i;
      }
    }
    return s.length();
  }
}
