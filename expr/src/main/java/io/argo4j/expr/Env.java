package io.argo4j.expr;

import io.argo4j.expr.internal.Builtins;
import io.argo4j.expr.internal.EvalError;
import io.argo4j.expr.internal.Json;
import io.argo4j.expr.internal.JsonPath;
import io.argo4j.expr.internal.Ops;
import io.argo4j.expr.internal.Sprig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the expr-lang environment Argo evaluates {@code {{=...}}} tags and hook expressions in
 * ({@code util/expr/env.GetFuncMap}): the flat scope of dotted keys expanded into nested maps, plus
 * the functions {@code asInt}, {@code asFloat}, {@code jsonpath}, {@code toJson} and the {@code
 * sprig} map.
 *
 * <p>Expansion: {@code inputs.parameters.x = "1"} becomes {@code {inputs: {parameters: {x: "1"}}}}.
 * A key that is also the prefix of a longer key is dropped in favour of the longer one ({@code
 * inputs.parameters} holding JSON disappears when {@code inputs.parameters.x} exists), so a key is
 * either a leaf or a map. Keys with dashes stay as they are: {@code inputs.parameters['my-p']}
 * reaches them.
 */
public final class Env {
  private Env() {}

  private static final Map<String, Object> FUNCTIONS = buildFunctions();

  private static Map<String, Object> buildFunctions() {
    Map<String, Object> m = new HashMap<>();
    m.put("asInt", (ExprFunction) args -> Builtins.toInt(one("asInt", args)));
    m.put("asFloat", (ExprFunction) args -> Builtins.toFloat(one("asFloat", args)));
    m.put(
        "toJson",
        (ExprFunction)
            args -> {
              Object v = one("toJson", args);
              return Json.marshal(v);
            });
    m.put(
        "jsonpath",
        (ExprFunction)
            args -> {
              if (args.size() != 2) {
                throw new EvalError(
                    (args.size() < 2 ? "not enough" : "too many") + " arguments to call jsonpath");
              }
              String json = stringArg("jsonpath", args.get(0));
              String path = stringArg("jsonpath", args.get(1));
              return JsonPath.query(path, Json.parse(json));
            });
    m.put("sprig", Sprig.functions());
    return Collections.unmodifiableMap(m);
  }

  private static Object one(String name, List<Object> args) {
    if (args.size() != 1) {
      throw new EvalError(
          (args.isEmpty() ? "not enough" : "too many") + " arguments to call " + name);
    }
    return args.get(0);
  }

  private static String stringArg(String fn, Object v) {
    if (v instanceof String s) {
      return s;
    }
    throw new EvalError(
        "cannot use " + Ops.typeName(v) + " as argument (type string) to call " + fn);
  }

  /**
   * The functions Argo adds to every expression environment: {@code asInt}, {@code asFloat}, {@code
   * jsonpath}, {@code toJson} and {@code sprig} (a map of sprig functions).
   */
  public static Map<String, Object> functions() {
    return FUNCTIONS;
  }

  /** Argo's {@code GetFuncMap(EnvMap(flat))}: expanded scope plus functions. */
  public static Map<String, Object> fromFlat(Map<String, String> flat) {
    return fromFlatValues(flat);
  }

  /** As {@link #fromFlat(Map)} for a scope whose values are not all strings. */
  public static Map<String, Object> fromFlatValues(Map<String, ?> flat) {
    Map<String, Object> env = expand(flat);
    env.putAll(FUNCTIONS);
    return env;
  }

  /**
   * Argo's {@code expand.Expand}: dotted keys to nested maps, dropping a key that is the prefix of
   * the next key in sorted order. Keys are processed in sorted order, so the result is
   * deterministic (Go's depends on map iteration order in the rare conflicting cases).
   */
  public static Map<String, Object> expand(Map<String, ?> flat) {
    List<String> keys = new ArrayList<>(flat.keySet());
    Collections.sort(keys);
    Map<String, Object> result = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      if (i < keys.size() - 1 && keys.get(i + 1).startsWith(k + ".")) {
        continue;
      }
      put(result, k, flat.get(k));
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> result, String key, Object value) {
    Map<String, Object> current = result;
    int start = 0;
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == '.') {
        String part = key.substring(start, i);
        Object next = current.get(part);
        if (!(next instanceof Map)) {
          next = new HashMap<String, Object>();
          current.put(part, next);
        }
        current = (Map<String, Object>) next;
        start = i + 1;
      }
    }
    current.put(key.substring(start), value);
  }

  /**
   * Argo's {@code hasVarInEnv}: whether a dotted path names something in the environment (a direct
   * key, or the longest matching key followed by map lookups).
   */
  public static boolean has(Map<String, ?> env, String path) {
    if (env.containsKey(path)) {
      return true;
    }
    String[] parts = path.split("\\.", -1);
    Object current = env;
    int from = 0;
    for (int i = parts.length; i > 0; i--) {
      String prefix = String.join(".", java.util.Arrays.copyOfRange(parts, 0, i));
      if (env.containsKey(prefix)) {
        current = env.get(prefix);
        from = i;
        break;
      }
    }
    if (from == parts.length) {
      return true;
    }
    for (int i = from; i < parts.length; i++) {
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(parts[i])) {
        return false;
      }
      current = m.get(parts[i]);
    }
    return true;
  }

  /** A sorted, read-only view of the function names available in expressions. */
  public static List<String> sprigFunctionNames() {
    return List.copyOf(new TreeMap<>(Sprig.functions()).keySet());
  }
}
