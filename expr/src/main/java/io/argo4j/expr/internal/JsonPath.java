package io.argo4j.expr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSONPath as Argo's {@code jsonpath(json, path)} evaluates it: a definite path ({@code $.a.b[0]})
 * yields the value itself, a path with a wildcard, slice, union, recursive descent or filter yields
 * a list. A missing key or index is an error. Filters support one comparison or an existence test
 * on {@code @} ({@code [?(@.price < 10)]}, {@code [?(@.isbn)]}); anything richer fails with a clear
 * message.
 */
public final class JsonPath {
  private JsonPath() {}

  /** Evaluates {@code path} against a parsed JSON document. */
  public static Object query(String path, Object doc) {
    String p = path.trim();
    if (!p.startsWith("$")) {
      throw EvalError.of("jsonpath: path %s must start with $", Strings.goQuote(path));
    }
    List<Object> current = new ArrayList<>();
    current.add(doc);
    boolean definite = true;
    int i = 1;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.' && i + 1 < p.length() && p.charAt(i + 1) == '.') {
        i += 2;
        definite = false;
        List<Object> all = new ArrayList<>();
        for (Object o : current) {
          descend(o, all);
        }
        current = all;
        if (i < p.length() && p.charAt(i) == '[') {
          continue;
        }
        int end = nameEnd(p, i);
        String name = p.substring(i, end);
        i = end;
        current = select(current, name, false, path);
      } else if (c == '.') {
        i++;
        int end = nameEnd(p, i);
        String name = p.substring(i, end);
        if (name.isEmpty()) {
          throw EvalError.of("jsonpath: invalid path %s", Strings.goQuote(path));
        }
        i = end;
        if (name.equals("*")) {
          definite = false;
          current = wildcard(current);
        } else {
          current = select(current, name, definite, path);
        }
      } else if (c == '[') {
        int end = closing(p, i);
        String inner = p.substring(i + 1, end).trim();
        i = end + 1;
        if (inner.equals("*")) {
          definite = false;
          current = wildcard(current);
        } else if (inner.startsWith("?")) {
          definite = false;
          current = filter(current, inner, path);
        } else if (inner.contains(",")) {
          definite = false;
          List<Object> out = new ArrayList<>();
          for (String part : splitUnion(inner)) {
            out.addAll(subscript(current, part.trim(), false, path));
          }
          current = out;
        } else if (inner.contains(":")) {
          definite = false;
          current = slice(current, inner, path);
        } else {
          current = subscript(current, inner, definite, path);
        }
      } else {
        throw EvalError.of(
            "jsonpath: unexpected %s in path %s", "'" + c + "'", Strings.goQuote(path));
      }
    }
    if (definite) {
      return current.isEmpty() ? null : current.get(0);
    }
    return current;
  }

  private static int nameEnd(String p, int i) {
    int end = i;
    while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
      end++;
    }
    return end;
  }

  private static int closing(String p, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < p.length(); i++) {
      char c = p.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw EvalError.of("jsonpath: unclosed [ in path %s", Strings.goQuote(p));
  }

  private static List<String> splitUnion(String inner) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (char c : inner.toCharArray()) {
      if (quote != 0) {
        cur.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        cur.append(c);
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static void descend(Object o, List<Object> out) {
    out.add(o);
    if (o instanceof Map<?, ?> m) {
      for (Object v : m.values()) {
        descend(v, out);
      }
    } else if (o instanceof List<?> l) {
      for (Object v : l) {
        descend(v, out);
      }
    }
  }

  private static List<Object> wildcard(List<Object> current) {
    List<Object> out = new ArrayList<>();
    for (Object o : current) {
      if (o instanceof Map<?, ?> m) {
        List<String> keys = new ArrayList<>();
        for (Object k : m.keySet()) {
          keys.add(String.valueOf(k));
        }
        keys.sort(null);
        for (String k : keys) {
          out.add(m.get(k));
        }
      } else if (o instanceof List<?> l) {
        out.addAll(l);
      }
    }
    return out;
  }

  private static List<Object> select(
      List<Object> current, String name, boolean strict, String path) {
    List<Object> out = new ArrayList<>();
    for (Object o : current) {
      if (o instanceof Map<?, ?> m && m.containsKey(name)) {
        out.add(m.get(name));
      } else if (strict) {
        if (o instanceof Map<?, ?>) {
          throw EvalError.of(
              "jsonpath: key %s not found in path %s",
              Strings.goQuote(name), Strings.goQuote(path));
        }
        throw EvalError.of(
            "jsonpath: cannot get key %s from %s in path %s",
            Strings.goQuote(name), Ops.typeName(o), Strings.goQuote(path));
      }
    }
    return out;
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith("\"") && s.endsWith("\"")))) {
      return s.substring(1, s.length() - 1);
    }
    return null;
  }

  private static List<Object> subscript(
      List<Object> current, String inner, boolean strict, String path) {
    String key = unquote(inner);
    if (key != null) {
      return select(current, key, strict, path);
    }
    long index;
    try {
      index = Long.parseLong(inner);
    } catch (NumberFormatException e) {
      throw EvalError.of(
          "jsonpath: invalid subscript [%s] in path %s", inner, Strings.goQuote(path));
    }
    List<Object> out = new ArrayList<>();
    for (Object o : current) {
      if (o instanceof List<?> l) {
        long k = index < 0 ? l.size() + index : index;
        if (k >= 0 && k < l.size()) {
          out.add(l.get((int) k));
        } else if (strict) {
          throw EvalError.of(
              "jsonpath: index [%d] out of range in path %s", index, Strings.goQuote(path));
        }
      } else if (strict) {
        throw EvalError.of(
            "jsonpath: cannot index %s in path %s", Ops.typeName(o), Strings.goQuote(path));
      }
    }
    return out;
  }

  private static List<Object> slice(List<Object> current, String inner, String path) {
    String[] parts = inner.split(":", -1);
    List<Object> out = new ArrayList<>();
    try {
      for (Object o : current) {
        if (!(o instanceof List<?> l)) {
          continue;
        }
        int n = l.size();
        long step = parts.length > 2 && !parts[2].isBlank() ? Long.parseLong(parts[2].trim()) : 1;
        long from = parts[0].isBlank() ? (step > 0 ? 0 : n - 1) : Long.parseLong(parts[0].trim());
        long to = parts[1].isBlank() ? (step > 0 ? n : -n - 1) : Long.parseLong(parts[1].trim());
        if (from < 0) {
          from += n;
        }
        if (to < 0) {
          to += n;
        }
        if (step == 0) {
          throw EvalError.of("jsonpath: slice step 0 in path %s", Strings.goQuote(path));
        }
        for (long k = Math.max(from, step > 0 ? 0 : -1);
            step > 0 ? k < Math.min(to, n) : k > to;
            k += step) {
          if (k >= 0 && k < n) {
            out.add(l.get((int) k));
          }
        }
      }
    } catch (NumberFormatException e) {
      throw EvalError.of("jsonpath: invalid slice [%s] in path %s", inner, Strings.goQuote(path));
    }
    return out;
  }

  private static List<Object> filter(List<Object> current, String inner, String path) {
    String expr = inner.substring(1).trim();
    if (!expr.startsWith("(") || !expr.endsWith(")")) {
      throw EvalError.of("jsonpath: invalid filter [%s] in path %s", inner, Strings.goQuote(path));
    }
    Filter f = new Filter(expr.substring(1, expr.length() - 1), path);
    List<Object> candidates = new ArrayList<>();
    for (Object o : current) {
      if (o instanceof List<?> l) {
        candidates.addAll(l);
      } else if (o instanceof Map<?, ?> m) {
        candidates.addAll(m.values());
      }
    }
    List<Object> out = new ArrayList<>();
    for (Object item : candidates) {
      f.pos = 0;
      f.item = item;
      if (f.truthy(f.or())) {
        out.add(item);
      }
      if (f.pos < f.src.length()) {
        throw EvalError.of(
            "jsonpath: unexpected %s in filter of path %s",
            Strings.goQuote(f.src.substring(f.pos)), Strings.goQuote(path));
      }
    }
    return out;
  }

  /** A filter expression: comparisons of @-paths and literals with && || ! and parentheses. */
  private static final class Filter {
    final String src;
    final String path;
    int pos;
    Object item;

    private static final Object MISSING = new Object();

    Filter(String src, String path) {
      this.src = src;
      this.path = path;
    }

    void ws() {
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
    }

    boolean eat(String tok) {
      ws();
      if (src.startsWith(tok, pos)) {
        pos += tok.length();
        return true;
      }
      return false;
    }

    boolean truthy(Object v) {
      if (v == MISSING || v == null) {
        return false;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      return true;
    }

    Object or() {
      Object left = and();
      while (eat("||")) {
        Object right = and();
        left = truthy(left) || truthy(right);
      }
      return left;
    }

    Object and() {
      Object left = unary();
      while (eat("&&")) {
        Object right = unary();
        left = truthy(left) && truthy(right);
      }
      return left;
    }

    Object unary() {
      ws();
      if (src.startsWith("!", pos) && !src.startsWith("!=", pos)) {
        pos++;
        return !truthy(unary());
      }
      if (eat("(")) {
        Object v = or();
        if (!eat(")")) {
          throw EvalError.of("jsonpath: missing ) in filter of path %s", Strings.goQuote(path));
        }
        return v;
      }
      Object left = operand();
      ws();
      for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">", "=~"}) {
        if (src.startsWith(op, pos)) {
          pos += op.length();
          Object right = operand();
          return compare(op, left, right);
        }
      }
      return left;
    }

    boolean compare(String op, Object l, Object r) {
      if (l == MISSING || r == MISSING) {
        return false;
      }
      switch (op) {
        case "==" -> {
          return Ops.equal(l, r);
        }
        case "!=" -> {
          return !Ops.equal(l, r);
        }
        case "=~" -> {
          return l instanceof String s
              && r instanceof String re
              && Regex.compile(re).matcher(s).find();
        }
        default -> {
          try {
            int c = Ops.compare(op, l, r);
            return c != Integer.MIN_VALUE
                && switch (op) {
                  case "<" -> c < 0;
                  case ">" -> c > 0;
                  case "<=" -> c <= 0;
                  default -> c >= 0;
                };
          } catch (EvalError e) {
            return false;
          }
        }
      }
    }

    Object operand() {
      ws();
      if (pos >= src.length()) {
        throw EvalError.of("jsonpath: incomplete filter in path %s", Strings.goQuote(path));
      }
      char c = src.charAt(pos);
      if (c == '@' || c == '$') {
        int start = pos++;
        int depth = 0;
        while (pos < src.length()) {
          char d = src.charAt(pos);
          if (d == '[') {
            depth++;
          } else if (d == ']') {
            depth--;
          } else if (depth == 0
              && !(Character.isLetterOrDigit(d) || d == '.' || d == '_' || d == '-' || d == '*')) {
            break;
          }
          pos++;
        }
        String sub = src.substring(start + 1, pos);
        try {
          return query("$" + sub, item);
        } catch (EvalError e) {
          return MISSING;
        }
      }
      if (c == '\'' || c == '"') {
        int end = src.indexOf(c, pos + 1);
        if (end < 0) {
          throw EvalError.of(
              "jsonpath: unclosed string in filter of path %s", Strings.goQuote(path));
        }
        String v = src.substring(pos + 1, end);
        pos = end + 1;
        return v;
      }
      int start = pos;
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || "+-.".indexOf(src.charAt(pos)) >= 0)) {
        pos++;
      }
      return literal(src.substring(start, pos), path);
    }
  }

  private static Object literal(String s, String path) {
    String q = unquote(s);
    if (q != null) {
      return q;
    }
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    if (s.equals("null")) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw EvalError.of(
          "jsonpath: unsupported filter value %s in path %s", s, Strings.goQuote(path));
    }
  }
}
