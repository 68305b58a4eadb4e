package io.argo4j.model.internal.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types plain (unquoted) YAML scalars the way Kubernetes and Argo do: their YAML library follows
 * YAML 1.1, so {@code yes}, {@code on} and {@code y} are booleans and {@code 0755} is octal 493.
 * Unlike Go, {@code .inf} and {@code .nan} stay strings (JSON cannot hold them) and dates stay as
 * written.
 */
public final class ScalarResolver {
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final BigInteger MAX_UINT64 =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private ScalarResolver() {}

  /** The JSON value of a plain scalar. */
  public static JsonNode plain(String text) {
    if (NULLS.contains(text)) {
      return NullNode.getInstance();
    }
    if (TRUES.contains(text)) {
      return BooleanNode.TRUE;
    }
    if (FALSES.contains(text)) {
      return BooleanNode.FALSE;
    }
    char first = text.charAt(0);
    if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
      JsonNode number = number(text.replace("_", ""));
      if (number != null) {
        return number;
      }
    }
    return TextNode.valueOf(text);
  }

  /** Whether a string written plain (unquoted) would be read back as something else. */
  public static boolean needsQuotes(String text) {
    return text.isEmpty() || !plain(text).isTextual();
  }

  /** An integer or float per Go's rules, or null if {@code text} is neither. */
  public static JsonNode number(String text) {
    BigInteger integer = integer(text);
    if (integer != null) {
      if (integer.bitLength() < 32) {
        return IntNode.valueOf(integer.intValue());
      }
      if (integer.bitLength() < 64) {
        return LongNode.valueOf(integer.longValue());
      }
      if (integer.signum() > 0 && integer.compareTo(MAX_UINT64) <= 0) {
        return BigIntegerNode.valueOf(integer);
      }
    }
    if (FLOAT.matcher(text).matches()) {
      double d = Double.parseDouble(text);
      if (!Double.isInfinite(d)) {
        return DoubleNode.valueOf(d);
      }
    }
    return null;
  }

  /**
   * Go's {@code strconv.ParseInt(text, 0, ...)}: sign, then 0x, 0o, 0b, leading-0 octal or decimal.
   */
  private static BigInteger integer(String text) {
    if (text.isEmpty()) {
      return null;
    }
    int i = 0;
    boolean negative = false;
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    String body = text.substring(i);
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char c = Character.toLowerCase(body.charAt(1));
      if (c == 'x') {
        radix = 16;
        body = body.substring(2);
      } else if (c == 'b') {
        radix = 2;
        body = body.substring(2);
      } else if (c == 'o') {
        radix = 8;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int j = 0; j < body.length(); j++) {
      if (Character.digit(body.charAt(j), radix) < 0) {
        return null;
      }
    }
    BigInteger value = new BigInteger(body, radix);
    return negative ? value.negate() : value;
  }
}
