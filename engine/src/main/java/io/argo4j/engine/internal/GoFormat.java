package io.argo4j.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's {@code fmt.Sprintf("%v", x)} for the values Argo prints into node names and parameters: JSON
 * items (decoded as Go's float64, string, bool, slices and maps) and expression results.
 */
final class GoFormat {
  private GoFormat() {}

  /** {@code %v} of a JSON value decoded into Go's interface{} (numbers become float64). */
  static String v(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "<nil>";
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return Boolean.toString(n.booleanValue());
    }
    if (n.isNumber()) {
      return float64(n.decimalValue());
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode c : n) {
        parts.add(v(c));
      }
      return "[" + String.join(" ", parts) + "]";
    }
    Map<String, String> sorted = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      sorted.put(e.getKey(), v(e.getValue()));
    }
    List<String> parts = new ArrayList<>();
    sorted.forEach((k, val) -> parts.add(k + ":" + val));
    return "map[" + String.join(" ", parts) + "]";
  }

  /** {@code %v} of an expr-lang result (Long, Double, String, Boolean, List, Map, null). */
  static String v(Object o) {
    if (o == null) {
      return "<nil>";
    }
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Double d) {
      return float64(new BigDecimal(Double.toString(d)));
    }
    if (o instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object x : l) {
        parts.add(v(x));
      }
      return "[" + String.join(" ", parts) + "]";
    }
    if (o instanceof Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      m.forEach((k, val) -> sorted.put(String.valueOf(k), v(val)));
      List<String> parts = new ArrayList<>();
      sorted.forEach((k, val) -> parts.add(k + ":" + val));
      return "map[" + String.join(" ", parts) + "]";
    }
    return o.toString();
  }

  /** Go's %v (strconv 'g', shortest) of a float64. */
  static String float64(BigDecimal value) {
    double d = value.doubleValue();
    if (d == 0) {
      return "0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - shortest.scale();
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 21) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
    return sign + shortest.abs().toPlainString();
  }
}
