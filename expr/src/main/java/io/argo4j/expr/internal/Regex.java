package io.argo4j.expr.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
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
      throw new EvalError("error parsing regexp: " + goReason(e, re));
    }
    if (CACHE.size() < 1024) {
      CACHE.put(re, p);
    }
    return p;
  }

  /** Go's wording ({@code regexp/syntax} error codes) for the common syntax errors. */
  private static String goReason(PatternSyntaxException e, String re) {
    String d = e.getDescription();
    int at = Math.max(0, Math.min(e.getIndex(), re.length()));
    if (d.startsWith("Unclosed group")) {
      return "missing closing ): `" + re + "`";
    }
    if (d.startsWith("Unclosed character class")) {
      int open = re.lastIndexOf('[');
      return "missing closing ]: `" + re.substring(Math.max(0, open)) + "`";
    }
    if (d.startsWith("Dangling meta character")) {
      return "missing argument to repetition operator: `" + re.substring(at, at + 1) + "`";
    }
    if (d.startsWith("Unmatched closing ')'")) {
      return "unexpected ): `" + re + "`";
    }
    if (d.startsWith("Illegal/unsupported escape sequence")) {
      return "invalid escape sequence: `" + re.substring(Math.max(0, at - 1), at + 1) + "`";
    }
    if (d.startsWith("Unexpected internal error") && re.endsWith("\\")) {
      return "trailing backslash at end of expression: ``";
    }
    if (d.startsWith("Illegal character range")) {
      return "invalid character class range: `" + re + "`";
    }
    return d + ": `" + re + "`";
  }

  /**
   * Go's {@code Regexp.ReplaceAllString}: {@code $1}, {@code ${1}}, {@code $name} and {@code
   * ${name}} expand to groups ({@code $name} takes the longest run of letters, digits and
   * underscores, so {@code $1W} is the group named {@code 1W}), a missing group to nothing, {@code
   * $$} to {@code $}; a malformed reference is kept as written.
   */
  public static String replaceAll(Pattern pattern, String input, String template) {
    return pattern.matcher(input).replaceAll(m -> Matcher.quoteReplacement(expand(m, template)));
  }

  static String expand(MatchResult m, String template) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        out.append(c);
        i++;
        continue;
      }
      if (template.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      boolean brace = template.charAt(i + 1) == '{';
      int start = brace ? i + 2 : i + 1;
      int end = start;
      while (end < template.length() && isNameChar(template.charAt(end))) {
        end++;
      }
      boolean ok =
          end > start && (!brace || (end < template.length() && template.charAt(end) == '}'));
      if (!ok) {
        out.append('$');
        i++;
        continue;
      }
      out.append(group(m, template.substring(start, end)));
      i = brace ? end + 1 : end;
    }
    return out.toString();
  }

  private static boolean isNameChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private static String group(MatchResult m, String name) {
    String value = null;
    if (name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      if (name.length() < 9) {
        int n = Integer.parseInt(name);
        value = n <= m.groupCount() ? m.group(n) : null;
      }
    } else {
      Integer index = m instanceof Matcher mm ? mm.pattern().namedGroups().get(name) : null;
      value = index == null ? null : m.group(index);
    }
    return value == null ? "" : value;
  }
}
