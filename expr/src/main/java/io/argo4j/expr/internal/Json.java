package io.argo4j.expr.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small JSON reader and writer with Go's encoding/json behaviour: numbers decode to float64
 * (Double), objects encode with sorted keys, {@code <>&} are escaped as {@code \u003c...}.
 */
public final class Json {
  private Json() {}

  // ------------------------------------------------------------------ writing

  /** {@code json.Marshal(v)}. */
  public static String marshal(Object v) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, true, null, 0);
    return sb.toString();
  }

  /** {@code json.Marshal} without HTML escaping (sprig's toRawJson). */
  public static String marshalRaw(Object v) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, false, null, 0);
    return sb.toString();
  }

  /** {@code json.MarshalIndent(v, "", indent)}. */
  public static String marshalIndent(Object v, String indent) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, true, indent, 0);
    return sb.toString();
  }

  private static void newline(StringBuilder sb, String indent, int depth) {
    if (indent != null) {
      sb.append('\n');
      sb.append(indent.repeat(depth));
    }
  }

  private static void write(StringBuilder sb, Object v, boolean html, String indent, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s, html);
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw EvalError.of("json: unsupported value: %s", GoFmt.formatG(d));
      }
      sb.append(GoFmt.formatJson(d));
    } else if (v instanceof Number n) {
      sb.append(n.longValue());
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        newline(sb, indent, depth + 1);
        write(sb, list.get(i), html, indent, depth + 1);
      }
      newline(sb, indent, depth);
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        sb.append("{}");
        return;
      }
      TreeMap<String, Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sorted.put(String.valueOf(e.getKey()), e.getValue());
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        newline(sb, indent, depth + 1);
        quote(sb, e.getKey(), html);
        sb.append(indent != null ? ": " : ":");
        write(sb, e.getValue(), html, indent, depth + 1);
      }
      newline(sb, indent, depth);
      sb.append('}');
    } else if (v instanceof ZonedDateTime t) {
      quote(sb, GoTime.format(t, GoTime.RFC3339_NANO), html);
    } else if (v instanceof Duration d) {
      sb.append(d.toNanos());
    } else if (v instanceof java.time.ZoneId) {
      sb.append("{}");
    } else {
      throw EvalError.of("json: unsupported type: %s", Ops.typeName(v));
    }
  }

  /** Appends a JSON string literal. */
  public static void quote(StringBuilder sb, String s, boolean html) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&' -> {
          if (html) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
        case '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  // ------------------------------------------------------------------ reading

  /** {@code json.Unmarshal} into an {@code any}: maps, lists, Double, String, Boolean, null. */
  public static Object parse(String text) {
    Reader r = new Reader(text);
    r.skipWs();
    if (r.pos >= text.length()) {
      throw new EvalError("unexpected end of JSON input");
    }
    Object v = r.value(0);
    r.skipWs();
    if (r.pos < text.length()) {
      throw r.invalid("after top-level value");
    }
    return v;
  }

  private static final class Reader {
    final String s;
    int pos;

    Reader(String s) {
      this.s = s;
    }

    void skipWs() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    EvalError invalid(String context) {
      if (pos >= s.length()) {
        return new EvalError("unexpected end of JSON input");
      }
      char c = s.charAt(pos);
      String shown = c == '\'' ? "'\\''" : "'" + c + "'";
      return EvalError.of("invalid character %s %s", shown, context);
    }

    Object value(int depth) {
      if (depth > 10000) {
        throw new EvalError("exceeded max depth");
      }
      skipWs();
      if (pos >= s.length()) {
        throw new EvalError("unexpected end of JSON input");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{' -> {
          pos++;
          Map<String, Object> m = new LinkedHashMap<>();
          skipWs();
          if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return m;
          }
          while (true) {
            skipWs();
            if (pos >= s.length() || s.charAt(pos) != '"') {
              throw invalid("looking for beginning of object key string");
            }
            String k = string();
            skipWs();
            if (pos >= s.length() || s.charAt(pos) != ':') {
              throw invalid("after object key");
            }
            pos++;
            m.put(k, value(depth + 1));
            skipWs();
            if (pos < s.length() && s.charAt(pos) == ',') {
              pos++;
              continue;
            }
            if (pos < s.length() && s.charAt(pos) == '}') {
              pos++;
              return m;
            }
            throw invalid("after object key:value pair");
          }
        }
        case '[' -> {
          pos++;
          List<Object> l = new ArrayList<>();
          skipWs();
          if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            return l;
          }
          while (true) {
            l.add(value(depth + 1));
            skipWs();
            if (pos < s.length() && s.charAt(pos) == ',') {
              pos++;
              continue;
            }
            if (pos < s.length() && s.charAt(pos) == ']') {
              pos++;
              return l;
            }
            throw invalid("after array element");
          }
        }
        case '"' -> {
          return string();
        }
        case 't' -> {
          return literal("true", Boolean.TRUE);
        }
        case 'f' -> {
          return literal("false", Boolean.FALSE);
        }
        case 'n' -> {
          return literal("null", null);
        }
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw invalid("looking for beginning of value");
        }
      }
    }

    Object literal(String word, Object v) {
      for (int i = 0; i < word.length(); i++) {
        if (pos >= s.length()) {
          throw new EvalError("unexpected end of JSON input");
        }
        if (s.charAt(pos) != word.charAt(i)) {
          throw invalid("in literal " + word + " (expecting '" + word.charAt(i) + "')");
        }
        pos++;
      }
      return v;
    }

    Double number() {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
      }
      if (pos >= s.length()) {
        throw new EvalError("unexpected end of JSON input");
      }
      if (s.charAt(pos) == '0') {
        pos++;
      } else if (Character.isDigit(s.charAt(pos))) {
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
      } else {
        throw invalid("in numeric literal");
      }
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        if (pos >= s.length() || !Character.isDigit(s.charAt(pos))) {
          throw invalid("after decimal point in numeric literal");
        }
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        if (pos >= s.length() || !Character.isDigit(s.charAt(pos))) {
          throw invalid("in exponent of numeric literal");
        }
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      return Double.parseDouble(s.substring(start, pos));
    }

    String string() {
      pos++; // opening quote
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw new EvalError("unexpected end of JSON input");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c < 0x20) {
          pos--;
          throw invalid("in string literal");
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (pos >= s.length()) {
          throw new EvalError("unexpected end of JSON input");
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case '/' -> sb.append('/');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw new EvalError("unexpected end of JSON input");
            }
            String hex = s.substring(pos, pos + 4);
            try {
              sb.append((char) Integer.parseInt(hex, 16));
            } catch (NumberFormatException ex) {
              throw invalid("in \\u hexadecimal character escape");
            }
            pos += 4;
          }
          default -> {
            pos--;
            throw invalid("in string escape code");
          }
        }
      }
    }
  }
}
