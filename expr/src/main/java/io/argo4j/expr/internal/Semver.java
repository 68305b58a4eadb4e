package io.argo4j.expr.internal;

import io.argo4j.expr.ExprFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic versions as sprig's {@code semver} and {@code semverCompare} see them
 * (Masterminds/semver v3): loose versions ({@code v1.2}, {@code 1}), pre-release ordering, and
 * constraints with {@code || , = != > >= < <= ~ ^}, hyphen ranges and {@code x}/{@code *} wildcards
 * (a missing part is a wildcard too: {@code ^1.2} is {@code ^1.2.x}). A pre-release version only
 * satisfies a constraint term that names a pre-release.
 */
final class Semver {
  private Semver() {}

  /** A parsed version; {@code wild} counts the trailing wildcard parts (1.2.x has one). */
  record Version(
      long major, long minor, long patch, String pre, String meta, String original, int wild)
      implements Comparable<Version> {

    @Override
    public int compareTo(Version o) {
      int c = Long.compare(major, o.major);
      if (c == 0) {
        c = Long.compare(minor, o.minor);
      }
      if (c == 0) {
        c = Long.compare(patch, o.patch);
      }
      return c != 0 ? c : comparePre(pre, o.pre);
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Major", (ExprFunction) a -> major);
      m.put("Minor", (ExprFunction) a -> minor);
      m.put("Patch", (ExprFunction) a -> patch);
      m.put("Prerelease", (ExprFunction) a -> pre);
      m.put("Metadata", (ExprFunction) a -> meta);
      m.put("Original", (ExprFunction) a -> original);
      m.put("String", (ExprFunction) a -> toString());
      return m;
    }

    @Override
    public String toString() {
      return major
          + "."
          + minor
          + "."
          + patch
          + (pre.isEmpty() ? "" : "-" + pre)
          + (meta.isEmpty() ? "" : "+" + meta);
    }
  }

  private static final Pattern VERSION =
      Pattern.compile(
          "v?(0|[1-9]\\d*|[xX*])(?:\\.(0|[1-9]\\d*|[xX*]))?(?:\\.(0|[1-9]\\d*|[xX*]))?"
              + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

  private static final Pattern TERM = Pattern.compile("\\s*(!=|>=|=>|<=|=<|~>|[=><~^])?\\s*(\\S+)");

  /** sprig's {@code semver}: the version as a map of methods (Major(), Minor()...). */
  static Map<String, Object> semver(String s) {
    return parse(s, false).asMap();
  }

  /** sprig's {@code semverCompare}: whether {@code version} satisfies {@code constraint}. */
  static boolean compare(String constraint, String version) {
    Version v = parse(version, false);
    for (String group : constraint.split("\\|\\|")) {
      if (satisfiesAll(group.trim(), v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses a version. In a constraint ({@code constraint} true) missing or {@code x}/{@code *}
   * parts are wildcards; in a version they are an error, except that missing ones read as 0.
   */
  static Version parse(String s, boolean constraint) {
    Matcher m = VERSION.matcher(s.trim());
    if (!m.matches()) {
      throw new EvalError("Invalid Semantic Version");
    }
    long[] parts = new long[3];
    int wild = 0;
    for (int i = 0; i < 3 && wild == 0; i++) {
      String p = m.group(i + 1);
      boolean isWild = p != null && (p.equalsIgnoreCase("x") || p.equals("*"));
      if (isWild && !constraint) {
        throw new EvalError("Invalid Semantic Version");
      }
      if (p == null || isWild) {
        wild = constraint ? 3 - i : 0;
        break;
      }
      if (p.length() > 18) {
        throw new EvalError("Invalid Semantic Version");
      }
      parts[i] = Long.parseLong(p);
    }
    return new Version(parts[0], parts[1], parts[2], nz(m.group(4)), nz(m.group(5)), s, wild);
  }

  private static boolean satisfiesAll(String group, Version v) {
    if (group.isEmpty()) {
      throw new EvalError("improper constraint: " + group);
    }
    Matcher hyphen = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)").matcher(group);
    List<String[]> terms = new ArrayList<>();
    String rest = group;
    while (hyphen.find()) {
      terms.add(new String[] {">=", hyphen.group(1)});
      terms.add(new String[] {"<=", hyphen.group(2)});
      rest = rest.replace(hyphen.group(), " ");
    }
    for (String piece : rest.split(",")) {
      Matcher t = TERM.matcher(piece);
      int end = 0;
      while (t.find() && t.start() == end) {
        terms.add(new String[] {t.group(1) == null ? "=" : t.group(1), t.group(2)});
        end = t.end();
      }
      if (!piece.substring(end).isBlank()) {
        throw new EvalError("improper constraint: " + group);
      }
    }
    for (String[] term : terms) {
      Version c = parse(term[1], true);
      if (!v.pre.isEmpty() && c.pre.isEmpty()) {
        return false;
      }
      if (!satisfies(term[0], c, v)) {
        return false;
      }
    }
    return true;
  }

  private static boolean satisfies(String op, Version c, Version v) {
    Version low = new Version(c.major, c.minor, c.patch, c.pre, "", "", 0);
    Version next = bump(c, c.wild == 0 ? 0 : c.wild);
    return switch (op) {
      case "=" -> c.wild == 0 ? v.compareTo(low) == 0 : inRange(v, low, next);
      case "!=" -> c.wild == 0 ? v.compareTo(low) != 0 : !inRange(v, low, next);
      case ">" -> c.wild == 0 ? v.compareTo(low) > 0 : v.compareTo(next) >= 0;
      case ">=", "=>" -> v.compareTo(low) >= 0;
      case "<" -> v.compareTo(low) < 0;
      case "<=", "=<" -> c.wild == 0 ? v.compareTo(low) <= 0 : v.compareTo(next) < 0;
      case "~", "~>" -> inRange(v, low, c.wild >= 3 ? null : bump(c, Math.max(c.wild, 1)));
      case "^" -> inRange(v, low, caretUpper(c));
      default -> throw new EvalError("improper constraint operator: " + op);
    };
  }

  private static boolean inRange(Version v, Version low, Version high) {
    return v.compareTo(low) >= 0 && (high == null || v.compareTo(high) < 0);
  }

  /** The first version past the wildcard part: 1.2.x -> 1.3.0, 1.x -> 2.0.0; null for *. */
  private static Version bump(Version c, int wild) {
    return switch (wild) {
      case 1 -> new Version(c.major, c.minor + 1, 0, "", "", "", 0);
      case 2 -> new Version(c.major + 1, 0, 0, "", "", "", 0);
      case 3 -> null;
      default -> null;
    };
  }

  private static Version caretUpper(Version c) {
    if (c.major > 0 || c.wild >= 2) {
      return c.wild >= 3 ? null : new Version(c.major + 1, 0, 0, "", "", "", 0);
    }
    if (c.minor > 0 || c.wild >= 1) {
      return new Version(0, c.minor + 1, 0, "", "", "", 0);
    }
    return new Version(0, 0, c.patch + 1, "", "", "", 0);
  }

  /** Pre-release precedence: none beats any; numeric identifiers below alphanumeric ones. */
  static int comparePre(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty()) {
      return 1;
    }
    if (b.isEmpty()) {
      return -1;
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean xn = x[i].chars().allMatch(Character::isDigit);
      boolean yn = y[i].chars().allMatch(Character::isDigit);
      int c;
      if (xn && yn) {
        c = new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]));
      } else if (xn != yn) {
        c = xn ? -1 : 1;
      } else {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
