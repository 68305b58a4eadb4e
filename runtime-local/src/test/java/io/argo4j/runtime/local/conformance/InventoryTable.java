package io.argo4j.runtime.local.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the table of section 4 ("The {@code examples/} folder") of the inventory: the header row
 * names the columns, so a reordered table still reads right, and a missing column is an error.
 */
final class InventoryTable {

  private static final String SECTION = "## 4.";

  private InventoryTable() {}

  static List<InventoryRow> read(Path inventory) throws IOException {
    if (!Files.isRegularFile(inventory)) {
      throw new IllegalStateException("the inventory is missing: " + inventory);
    }
    return parse(Files.readAllLines(inventory), inventory.toString());
  }

  static List<InventoryRow> parse(List<String> lines, String source) {
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(SECTION)) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      throw new IllegalStateException(source + ": no section starting with '" + SECTION + "'");
    }
    Columns columns = null;
    List<InventoryRow> rows = new ArrayList<>();
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("|")) {
        if (columns != null && !rows.isEmpty()) {
          break;
        }
        continue;
      }
      List<String> cells = cells(line);
      if (columns == null) {
        columns = Columns.of(cells, source + ":" + (i + 1));
      } else if (!cells.isEmpty() && cells.get(0).matches("\\d+")) {
        rows.add(columns.row(cells, source + ":" + (i + 1)));
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException(source + ": the examples table of section 4 has no rows");
    }
    return List.copyOf(rows);
  }

  private static List<String> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    return Arrays.stream(inner.split("\\|", -1)).map(InventoryTable::plain).toList();
  }

  private static String plain(String cell) {
    return cell.strip().replace("`", "").replace("**", "");
  }

  private record Columns(int number, int file, int kind, int noK8s, int noTest, int note) {

    static Columns of(List<String> header, String where) {
      return new Columns(
          find(header, "#", where),
          find(header, "File", where),
          find(header, "Kind", where),
          find(header, "No-K8s", where),
          find(header, "Upstream no-test", where),
          find(header, "Note", where));
    }

    private static int find(List<String> header, String prefix, String where) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).startsWith(prefix)) {
          return i;
        }
      }
      throw new IllegalStateException(
          where + ": the table header has no column '" + prefix + "': " + header);
    }

    InventoryRow row(List<String> cells, String where) {
      if (cells.size() <= Math.max(note, Math.max(noTest, noK8s))) {
        throw new IllegalStateException(where + ": the row has too few cells: " + cells);
      }
      return new InventoryRow(
          Integer.parseInt(cells.get(number)),
          cells.get(file),
          cells.get(kind),
          cells.get(noK8s),
          cells.get(noTest),
          cells.get(note));
    }
  }
}
