package io.rafka.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * Stateless and thread-safe: lays out a header and rows in left-aligned columns separated by one space, as
 * Kafka's tools print their tables.
 *
 * <p>Each column but the last is padded to the wider of its minimum width and its widest cell, so long names
 * widen a column instead of pushing the rest of their row out of line. The last column is not padded, so no
 * line ends in blanks.
 */
final class TextTable {
  /** A column: its header and the width it takes even when every cell is shorter. */
  record Column(String title, int minWidth) {}

  private TextTable() {}

  /**
   * The header line, then one line per row, without line separators.
   *
   * @param rows each with one cell per column
   * @throws IllegalArgumentException when a row has the wrong number of cells
   */
  static List<String> render(List<Column> columns, List<List<String>> rows) {
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = Math.max(columns.get(c).minWidth(), columns.get(c).title().length());
    }
    for (List<String> row : rows) {
      if (row.size() != widths.length) {
        throw new IllegalArgumentException("a row has " + row.size() + " cells, the table " + widths.length
            + " columns: " + row);
      }
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    List<String> lines = new ArrayList<>(rows.size() + 1);
    lines.add(line(columns.stream().map(Column::title).toList(), widths));
    rows.forEach(row -> lines.add(line(row, widths)));
    return lines;
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    int last = cells.size() - 1;
    for (int c = 0; c < last; c++) {
      String cell = cells.get(c);
      line.append(cell).append(" ".repeat(widths[c] - cell.length() + 1));
    }
    return line.append(cells.get(last)).toString();
  }
}
