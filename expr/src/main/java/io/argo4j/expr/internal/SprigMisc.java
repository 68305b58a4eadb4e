package io.argo4j.expr.internal;

import io.argo4j.expr.ExprFunction;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sprig's file-path variants for the host OS ({@code osBase}... the controller runs on Linux, so
 * they are the slash-separated {@code base}...), {@code deepCopy}, {@code toDecimal} and {@code
 * randBytes}.
 */
final class SprigMisc {
  private SprigMisc() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  static void register(Map<String, Object> m) {
    for (String name : List.of("base", "clean", "dir", "ext", "isAbs")) {
      String os = "os" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      m.put(os, m.get(name));
    }
    ExprFunction deepCopy = args -> copy(one("deepCopy", args));
    m.put("deepCopy", deepCopy);
    m.put("mustDeepCopy", deepCopy);
    m.put(
        "toDecimal",
        (ExprFunction)
            args -> {
              // strconv.ParseInt(toString(v), 8, 64), 0 when it is not octal
              try {
                return Long.parseLong(Sprig.strval(one("toDecimal", args)), 8);
              } catch (NumberFormatException e) {
                return 0L;
              }
            });
    m.put(
        "randBytes",
        (ExprFunction)
            args -> {
              long n = Sprig.toInt64(one("randBytes", args));
              if (n < 0 || n > 1_000_000) {
                throw EvalError.of("randBytes: invalid count %d", n);
              }
              byte[] bytes = new byte[(int) n];
              RANDOM.nextBytes(bytes);
              return Base64.getEncoder().encodeToString(bytes);
            });
  }

  private static Object one(String name, List<Object> args) {
    if (args.size() != 1) {
      throw EvalError.of("wrong number of args for %s: want 1 got %d", name, args.size());
    }
    return args.get(0);
  }

  private static Object copy(Object v) {
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(copy(x)));
      return out;
    }
    if (v instanceof Map<?, ?> mm) {
      Map<Object, Object> out = new LinkedHashMap<>();
      mm.forEach((k, x) -> out.put(k, copy(x)));
      return out;
    }
    return v;
  }
}
