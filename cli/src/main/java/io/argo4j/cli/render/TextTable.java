package io.argo4j.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned with two spaces between them, as Go's tabwriter lays out {@code argo}'s tables.
 * The last cell of a row is not padded. Cells may hold ANSI colour codes: widths count visible
 * characters only.
 */
public final class TextTable {

  private final List<List<String>> rows = new ArrayList<>();

  public TextTable row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table, one line per row, each ending with a newline. */
  public String render() {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size() - 1; i++) {
        widths[i] = Math.max(widths[i], visibleLength(row.get(i)));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - visibleLength(cell) + 2));
        }
      }
      sb.append(stripTrailing(line.toString())).append('\n');
    }
    return sb.toString();
  }

  /** Characters shown, not counting ANSI escape sequences. */
  public static int visibleLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u001b') {
        while (i < s.length() && s.charAt(i) != 'm') {
          i++;
        }
      } else if (!Character.isLowSurrogate(c)) {
        n++;
      }
    }
    return n;
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }
}
