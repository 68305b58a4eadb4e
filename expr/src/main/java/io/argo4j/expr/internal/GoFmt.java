package io.argo4j.expr.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Go's textual forms of values: {@code fmt.Sprintf("%v")} and strconv float formatting. */
public final class GoFmt {
  private GoFmt() {}

  /** Shortest decimal digits of a finite, non-zero double and its decimal point position. */
  private record Digits(String digits, int dp) {}

  private static Digits digits(double d) {
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String unscaled = bd.unscaledValue().toString();
    int dp = unscaled.length() - bd.scale();
    return new Digits(unscaled, dp);
  }

  /** {@code strconv.FormatFloat(f, 'g', -1, 64)}, which is also what {@code %v} prints. */
  public static String formatG(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    Digits d = digits(f);
    int exp = d.dp - 1;
    String sign = f < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      return sign + eForm(d, exp);
    }
    return sign + fForm(d);
  }

  /** Go {@code %v} of a float64: %g with the shortest repr, exponent form when exp < -4 or >= 6. */
  public static String formatV(double f) {
    return formatG(f);
  }

  private static String eForm(Digits d, int exp) {
    StringBuilder sb = new StringBuilder();
    sb.append(d.digits.charAt(0));
    if (d.digits.length() > 1) {
      sb.append('.').append(d.digits, 1, d.digits.length());
    }
    sb.append('e').append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10) {
      sb.append('0');
    }
    sb.append(a);
    return sb.toString();
  }

  private static String fForm(Digits d) {
    String ds = d.digits;
    if (d.dp <= 0) {
      return "0." + "0".repeat(-d.dp) + ds;
    }
    if (d.dp >= ds.length()) {
      return ds + "0".repeat(d.dp - ds.length());
    }
    return ds.substring(0, d.dp) + "." + ds.substring(d.dp);
  }

  /** encoding/json's float64 format: 'f' in [1e-6, 1e21), else 'e' with a short exponent. */
  public static String formatJson(double f) {
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    double abs = Math.abs(f);
    Digits d = digits(f);
    String sign = f < 0 ? "-" : "";
    if (abs < 1e-6 || abs >= 1e21) {
      String e = eForm(d, d.dp - 1);
      // json: clean up e-09 to e-9
      int n = e.length();
      if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
        e = e.substring(0, n - 2) + e.charAt(n - 1);
      }
      return sign + e;
    }
    return sign + fForm(d);
  }

  /** {@code fmt.Sprintf("%v", value)} for the value types the interpreter uses. */
  public static String v(Object value) {
    StringBuilder sb = new StringBuilder();
    appendV(sb, value, true);
    return sb.toString();
  }

  private static void appendV(StringBuilder sb, Object value, boolean top) {
    if (value == null) {
      sb.append("<nil>");
    } else if (value instanceof String s) {
      sb.append(s);
    } else if (value instanceof Double || value instanceof Float) {
      sb.append(formatV(((Number) value).doubleValue()));
    } else if (value instanceof Number n) {
      sb.append(n.longValue());
    } else if (value instanceof Boolean b) {
      sb.append(b);
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        appendV(sb, list.get(i), false);
      }
      sb.append(']');
    } else if (value instanceof Map<?, ?> map) {
      sb.append("map[");
      List<String> keys = new ArrayList<>();
      for (Object k : map.keySet()) {
        keys.add(String.valueOf(k));
      }
      keys.sort(null);
      boolean first = true;
      for (String k : keys) {
        if (!first) {
          sb.append(' ');
        }
        first = false;
        sb.append(k).append(':');
        appendV(sb, map.get(k), false);
      }
      sb.append(']');
    } else if (value instanceof ZonedDateTime t) {
      sb.append(GoTime.string(t));
    } else if (value instanceof Duration d) {
      sb.append(GoTime.durationString(d));
    } else if (value instanceof java.time.ZoneId z) {
      sb.append(z.getId().equals("Z") ? "UTC" : z.getId());
    } else if (value instanceof io.argo4j.expr.ExprFunction) {
      sb.append(top ? "func" : "0x0");
    } else {
      sb.append(value);
    }
  }
}
