package io.argo4j.expr.internal;

import io.argo4j.expr.ExprFunction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** expr-lang's runtime operators with Go's typing rules (int = Long, float64 = Double). */
public final class Ops {
  private Ops() {}

  /** Go's {@code %T} of a value, as expr-lang shows it in messages. */
  public static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Float) {
      return "float32";
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return "int";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof List) {
      return "[]interface {}";
    }
    if (v instanceof Map) {
      return "map[string]interface {}";
    }
    if (v instanceof ZonedDateTime) {
      return "time.Time";
    }
    if (v instanceof Duration) {
      return "time.Duration";
    }
    if (v instanceof ZoneId) {
      return "*time.Location";
    }
    if (v instanceof ExprFunction) {
      return "func(...interface {}) interface {}";
    }
    return v.getClass().getSimpleName();
  }

  public static boolean isInt(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  public static boolean isFloat(Object v) {
    return v instanceof Double || v instanceof Float;
  }

  public static boolean isNumber(Object v) {
    return isInt(v) || isFloat(v);
  }

  /** runtime.ToInt: numbers truncate, anything else fails. */
  public static long toInt(Object v) {
    if (isInt(v)) {
      return ((Number) v).longValue();
    }
    if (isFloat(v)) {
      return (long) ((Number) v).doubleValue();
    }
    throw EvalError.of("invalid operation: int(%s)", typeName(v));
  }

  public static double toFloat(Object v) {
    if (isNumber(v)) {
      return ((Number) v).doubleValue();
    }
    throw EvalError.of("invalid operation: float(%s)", typeName(v));
  }

  /** Normalises Integer/Short/Float into Long/Double so results are always canonical. */
  public static Object norm(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    return v;
  }

  /** Boolean operand of !, &&, ||, ternary: Go's type assertion message otherwise. */
  public static boolean toBool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw EvalError.of("interface conversion: interface {} is %s, not bool", typeName(v));
  }

  // ---------------------------------------------------------------- equality

  /** runtime.Equal: numbers compare by value across int/float, else Go's DeepEqual. */
  public static boolean equal(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      if (isInt(a) && isInt(b)) {
        return ((Number) a).longValue() == ((Number) b).longValue();
      }
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
      return x.toInstant().equals(y.toInstant());
    }
    return deepEqual(a, b);
  }

  /** reflect.DeepEqual on our value types: type-sensitive (1 and 1.0 differ inside lists). */
  public static boolean deepEqual(Object a, Object b) {
    a = norm(a);
    b = norm(b);
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      while (i.hasNext()) {
        if (!deepEqual(i.next(), j.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !deepEqual(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a.getClass() == b.getClass() && Objects.equals(a, b);
  }

  // ---------------------------------------------------------------- comparison

  private static EvalError mismatch(String op, Object a, Object b) {
    return EvalError.of(
        "invalid operation: %s (mismatched types %s and %s)", op, typeName(a), typeName(b));
  }

  /** Compares for {@code < > <= >=}; fails for mismatched types. */
  public static int compare(String op, Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      if (isInt(a) && isInt(b)) {
        return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
      }
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Integer.MIN_VALUE; // every comparison with NaN is false
      }
      return Double.compare(x, y) == 0 ? 0 : (x < y ? -1 : 1);
    }
    if (a instanceof String x && b instanceof String y) {
      return compareBytes(x, y);
    }
    if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.compareTo(y);
    }
    throw mismatch(op, a, b);
  }

  /** Go compares strings bytewise (UTF-8), which differs from UTF-16 order for astral chars. */
  public static int compareBytes(String x, String y) {
    byte[] a = x.getBytes(StandardCharsets.UTF_8);
    byte[] b = y.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.compareUnsigned(a, b);
  }

  public static boolean less(Object a, Object b) {
    int c = compare("<", a, b);
    return c != Integer.MIN_VALUE && c < 0;
  }

  public static boolean more(Object a, Object b) {
    int c = compare(">", a, b);
    return c != Integer.MIN_VALUE && c > 0;
  }

  public static boolean lessOrEqual(Object a, Object b) {
    int c = compare("<=", a, b);
    return c != Integer.MIN_VALUE && c <= 0;
  }

  public static boolean moreOrEqual(Object a, Object b) {
    int c = compare(">=", a, b);
    return c != Integer.MIN_VALUE && c >= 0;
  }

  // ---------------------------------------------------------------- arithmetic

  public static Object add(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      if (isInt(a) && isInt(b)) {
        return ((Number) a).longValue() + ((Number) b).longValue();
      }
      return ((Number) a).doubleValue() + ((Number) b).doubleValue();
    }
    if (a instanceof String x && b instanceof String y) {
      return x + y;
    }
    if (a instanceof ZonedDateTime t && b instanceof Duration d) {
      return t.plus(d);
    }
    if (a instanceof Duration d && b instanceof ZonedDateTime t) {
      return t.plus(d);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.plus(y);
    }
    throw mismatch("+", a, b);
  }

  public static Object subtract(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      if (isInt(a) && isInt(b)) {
        return ((Number) a).longValue() - ((Number) b).longValue();
      }
      return ((Number) a).doubleValue() - ((Number) b).doubleValue();
    }
    if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
      return Duration.between(y.toInstant(), x.toInstant());
    }
    if (a instanceof ZonedDateTime t && b instanceof Duration d) {
      return t.minus(d);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.minus(y);
    }
    throw mismatch("-", a, b);
  }

  public static Object multiply(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      if (isInt(a) && isInt(b)) {
        return ((Number) a).longValue() * ((Number) b).longValue();
      }
      return ((Number) a).doubleValue() * ((Number) b).doubleValue();
    }
    if (a instanceof Duration d && isInt(b)) {
      return d.multipliedBy(((Number) b).longValue());
    }
    if (isInt(a) && b instanceof Duration d) {
      return d.multipliedBy(((Number) a).longValue());
    }
    throw mismatch("*", a, b);
  }

  /** expr-lang's {@code /} always yields a float. */
  public static Object divide(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      return ((Number) a).doubleValue() / ((Number) b).doubleValue();
    }
    throw mismatch("/", a, b);
  }

  public static Object modulo(Object a, Object b) {
    if (isInt(a) && isInt(b)) {
      long y = ((Number) b).longValue();
      if (y == 0) {
        throw new EvalError("integer divide by zero");
      }
      return ((Number) a).longValue() % y;
    }
    throw mismatch("%", a, b);
  }

  public static Object exponent(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      return Math.pow(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    throw mismatch("**", a, b);
  }

  public static Object negate(Object a) {
    if (isInt(a)) {
      return -((Number) a).longValue();
    }
    if (isFloat(a)) {
      return -((Number) a).doubleValue();
    }
    if (a instanceof Duration d) {
      return d.negated();
    }
    throw EvalError.of("invalid operation: - %s", typeName(a));
  }

  // ---------------------------------------------------------------- collections

  /** The {@code in} operator. */
  public static boolean in(Object needle, Object haystack) {
    if (haystack == null) {
      return false;
    }
    if (haystack instanceof List<?> list) {
      for (Object o : list) {
        if (equal(o, needle)) {
          return true;
        }
      }
      return false;
    }
    if (haystack instanceof Map<?, ?> map) {
      if (needle != null && !(needle instanceof String)) {
        throw EvalError.of(
            "reflect.Value.MapIndex: value of type %s is not assignable to type string",
            typeName(needle));
      }
      return map.containsKey(needle == null ? "" : needle);
    }
    throw EvalError.of("operator \"in\" not defined on %s", typeName(haystack));
  }

  /** Member access {@code from[key]} / {@code from.key}. */
  public static Object fetch(Object from, Object key) {
    if (from instanceof Map<?, ?> map) {
      if (key instanceof String || key == null) {
        return map.get(key == null ? "" : key);
      }
      throw EvalError.of("cannot fetch %s from %s", GoFmt.v(key), typeName(from));
    }
    if (from instanceof List<?> list) {
      if (!isNumber(key)) {
        throw EvalError.of("cannot fetch %s from %s", GoFmt.v(key), typeName(from));
      }
      int n = list.size();
      long i = toInt(key);
      if (i < 0) {
        i += n;
      }
      if (i < 0 || i >= n) {
        throw EvalError.of("index out of range: %d (array length is %d)", i, n);
      }
      return norm(list.get((int) i));
    }
    if (from instanceof String s) {
      if (!isNumber(key)) {
        throw EvalError.of("cannot fetch %s from %s", GoFmt.v(key), typeName(from));
      }
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      long i = toInt(key);
      if (i < 0) {
        i += bytes.length;
      }
      if (i < 0 || i >= bytes.length) {
        throw EvalError.of("index out of range: %d (array length is %d)", i, bytes.length);
      }
      // Go indexes a string by byte and yields a uint8
      return (long) (bytes[(int) i] & 0xff);
    }
    throw EvalError.of("cannot fetch %s from %s", GoFmt.v(key), typeName(from));
  }

  /** The slice operator {@code a[from:to]} with negative indexes and clamping. */
  public static Object slice(Object array, Object from, Object to) {
    int length;
    if (array instanceof List<?> list) {
      length = list.size();
    } else if (array instanceof String s) {
      length = Strings.byteLength(s);
    } else {
      throw EvalError.of("cannot slice %s", typeName(array));
    }
    long a = from == null ? 0 : toInt(from);
    long b = to == null ? length : toInt(to);
    if (a < 0) {
      a += length;
    }
    if (a < 0) {
      a = 0;
    }
    if (b < 0) {
      b += length;
    }
    if (b < 0) {
      b = 0;
    }
    if (b > length) {
      b = length;
    }
    if (a > b) {
      a = b;
    }
    if (array instanceof List<?> list) {
      return new ArrayList<Object>(list.subList((int) a, (int) b));
    }
    byte[] bytes = ((String) array).getBytes(StandardCharsets.UTF_8);
    return new String(bytes, (int) a, (int) (b - a), StandardCharsets.UTF_8);
  }

  /** The range operator {@code a..b}. */
  public static List<Object> range(Object a, Object b) {
    if (!isInt(a) || !isInt(b)) {
      throw mismatch("..", a, b);
    }
    long min = ((Number) a).longValue();
    long max = ((Number) b).longValue();
    long size = max - min + 1;
    if (size <= 0) {
      return new ArrayList<>();
    }
    if (size > 10_000_000) {
      throw EvalError.of("memory budget exceeded");
    }
    List<Object> out = new ArrayList<>((int) size);
    for (long i = min; i <= max; i++) {
      out.add(i);
    }
    return out;
  }

  /** Length as Go's len: UTF-8 bytes for strings. */
  public static long len(Object v) {
    if (v instanceof String s) {
      return Strings.byteLength(s);
    }
    if (v instanceof List<?> l) {
      return l.size();
    }
    if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    throw EvalError.of("invalid argument for len (type %s)", typeName(v));
  }

  /** Iterable view of an array argument of a builtin. */
  public static List<?> array(String fn, Object v) {
    if (v instanceof List<?> l) {
      return l;
    }
    if (v == null) {
      return Collections.emptyList();
    }
    throw EvalError.of("cannot iterate over %s", typeName(v));
  }

  /** Requires a string operand of contains/startsWith/endsWith/matches. */
  public static String str(String op, Object a, Object b, Object which) {
    if (which instanceof String s) {
      return s;
    }
    throw mismatch(op, a, b);
  }
}
