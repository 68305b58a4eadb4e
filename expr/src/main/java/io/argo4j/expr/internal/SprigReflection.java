package io.argo4j.expr.internal;

import io.argo4j.expr.ExprFunction;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sprig functions about Go types, versions and URLs, and a few small string ones: {@code
 * typeOf}, {@code typeIs}, {@code typeIsLike}, {@code semver}, {@code semverCompare}, {@code
 * urlParse}, {@code urlJoin}, {@code abbrevboth}, {@code hello}.
 */
final class SprigReflection {
  private SprigReflection() {}

  static void register(Map<String, Object> m) {
    fn(m, "hello", 0, a -> "Hello!");
    fn(m, "typeOf", 1, a -> goType(a.get(0)));
    fn(m, "typeIs", 2, a -> Sprig.strval(a.get(0)).equals(goType(a.get(1))));
    fn(
        m,
        "typeIsLike",
        2,
        a -> {
          String want = Sprig.strval(a.get(0));
          String t = goType(a.get(1));
          return want.equals(t) || want.equals("*" + t);
        });
    fn(m, "semver", 1, a -> Semver.semver(Sprig.strval(a.get(0))));
    fn(m, "semverCompare", 2, a -> Semver.compare(Sprig.strval(a.get(0)), Sprig.strval(a.get(1))));
    fn(m, "urlParse", 1, a -> urlParse(Sprig.strval(a.get(0))));
    fn(m, "urlJoin", 1, a -> urlJoin(a.get(0)));
    fn(
        m,
        "abbrevboth",
        3,
        a ->
            abbrevBoth(
                (int) Sprig.toInt64(a.get(0)),
                (int) Sprig.toInt64(a.get(1)),
                Sprig.strval(a.get(2))));
  }

  private interface Body {
    Object call(List<Object> args);
  }

  private static void fn(Map<String, Object> m, String name, int arity, Body body) {
    m.put(
        name,
        (ExprFunction)
            args -> {
              if (args.size() != arity) {
                throw EvalError.of(
                    "wrong number of args for %s: want %d got %d", name, arity, args.size());
              }
              return body.call(args);
            });
  }

  /** Go's {@code %T} of an expression value. */
  static String goType(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (Ops.isInt(v)) {
      return "int";
    }
    if (Ops.isFloat(v)) {
      return "float64";
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
    return "func(...interface {}) interface {}";
  }

  private static Map<String, Object> urlParse(String s) {
    URI u;
    try {
      u = new URI(s);
    } catch (URISyntaxException e) {
      throw new EvalError("unable to parse url: " + e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scheme", nz(u.getScheme()));
    String authority = nz(u.getRawAuthority());
    int at = authority.lastIndexOf('@');
    String host = at < 0 ? authority : authority.substring(at + 1);
    out.put("host", host);
    out.put("hostname", nz(u.getHost()).replaceAll("^\\[|]$", ""));
    out.put("path", u.isOpaque() ? "" : nz(u.getPath()));
    out.put("query", nz(u.getRawQuery()));
    out.put("opaque", u.isOpaque() ? nz(u.getRawSchemeSpecificPart()) : "");
    out.put("fragment", nz(u.getFragment()));
    out.put("userinfo", nz(u.getRawUserInfo()));
    return out;
  }

  private static String urlJoin(Object d) {
    if (!(d instanceof Map<?, ?> m)) {
      throw EvalError.of(
          "wrong type for value; expected map[string]interface {}; got %s", goType(d));
    }
    StringBuilder sb = new StringBuilder();
    String scheme = part(m, "scheme");
    if (!scheme.isEmpty()) {
      sb.append(scheme).append(':');
    }
    String opaque = part(m, "opaque");
    if (!opaque.isEmpty()) {
      sb.append(opaque);
    } else {
      String host = part(m, "host");
      String user = part(m, "userinfo");
      if (!scheme.isEmpty() || !host.isEmpty() || !user.isEmpty()) {
        sb.append("//");
        if (!user.isEmpty()) {
          sb.append(user).append('@');
        }
        sb.append(host);
      }
      String path = part(m, "path");
      if (!path.isEmpty() && !path.startsWith("/") && !host.isEmpty()) {
        sb.append('/');
      }
      sb.append(path);
    }
    String query = part(m, "query");
    if (!query.isEmpty()) {
      sb.append('?').append(query);
    }
    String fragment = part(m, "fragment");
    if (!fragment.isEmpty()) {
      sb.append('#').append(fragment);
    }
    return sb.toString();
  }

  private static String part(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? "" : Sprig.strval(v);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** goutils.AbbreviateFull as sprig's abbrevboth uses it: the string itself when it cannot. */
  static String abbrevBoth(int offset, int maxWidth, String s) {
    if (maxWidth < 4 || (offset > 0 && maxWidth < 7) || s.isEmpty() || s.length() <= maxWidth) {
      return s;
    }
    offset = Math.min(offset, s.length());
    if (s.length() - offset < maxWidth - 3) {
      offset = s.length() - (maxWidth - 3);
    }
    if (offset <= 4) {
      return s.substring(0, maxWidth - 3) + "...";
    }
    if (offset + maxWidth - 3 < s.length()) {
      return "..." + abbrevBoth(0, maxWidth - 3, s.substring(offset));
    }
    return "..." + s.substring(s.length() - (maxWidth - 3));
  }
}
