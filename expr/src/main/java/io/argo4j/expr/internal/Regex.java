package io.argo4j.expr.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Go (RE2) regular expressions on java.util.regex, with a bounded cache of compiled patterns. */
public final class Regex {
  private Regex() {}

  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  /** Compiles a Go regexp; fails with Go's "error parsing regexp" wording. */
  public static Pattern compile(String re) {
    Pattern p = CACHE.get(re);
    if (p != null) {
      return p;
    }
    try {
      // RE2 spells named groups (?P<name>...); Java wants (?<name>...)
      p = Pattern.compile(re.replace("(?P<", "(?<"));
    } catch (PatternSyntaxException e) {
      throw EvalError.of("error parsing regexp: %s: `%s`", e.getDescription(), re);
    }
    if (CACHE.size() < 1024) {
      CACHE.put(re, p);
    }
    return p;
  }
}
