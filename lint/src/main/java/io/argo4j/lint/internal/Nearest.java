package io.argo4j.lint.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Suggestions for misspelled names. */
final class Nearest {
  private Nearest() {}

  /** The candidate closest to {@code word} if it is a likely typo, else null. */
  static String to(String word, Collection<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(1, Math.min(4, word.length() / 3));
    return bestDistance <= allowed ? best : null;
  }

  /**
   * "nearest" if there is a close one, else "one of: a, b, c" (at most 10), else null when there
   * are no candidates.
   */
  static String describe(String word, Collection<String> candidates) {
    if (candidates.isEmpty()) {
      return null;
    }
    String near = word == null ? null : to(word, candidates);
    if (near != null) {
      return "\"" + near + "\"";
    }
    String list =
        candidates.stream()
            .sorted()
            .limit(10)
            .map(c -> "\"" + c + "\"")
            .collect(Collectors.joining(", "));
    return "one of " + list + (candidates.size() > 10 ? ", ..." : "");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
