package io.argo4j.model.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Argo's rules for turning a JSON scalar into the text of an AnyString. */
public final class AnyStrings {
  private AnyStrings() {}

  /**
   * The text Argo keeps for a scalar: strings as they are, booleans as true/false, integers in
   * decimal and other numbers without exponent or trailing zeros (Go's {@code FormatFloat(v, 'f',
   * -1, 64)}). Null for anything else.
   */
  public static String text(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return Boolean.toString(node.booleanValue());
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      double d = node.doubleValue();
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "+Inf" : "-Inf";
      }
      BigDecimal exact =
          node.isBigDecimal() ? node.decimalValue() : new BigDecimal(Double.toString(d));
      String plain = exact.stripTrailingZeros().toPlainString();
      return plain.equals("-0") ? "-0" : plain;
    }
    return null;
  }
}
