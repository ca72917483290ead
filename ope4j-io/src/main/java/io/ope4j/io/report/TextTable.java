package io.ope4j.io.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first two columns left-aligned (names), the others right-aligned (numbers). */
public final class TextTable {

  private final List<List<String>> rows = new ArrayList<>();
  private int columns;

  /** Sets the header row, printed first and underlined. */
  public void header(List<String> header) {
    rows.add(0, header);
    columns = Math.max(columns, header.size());
  }

  /** Adds a row. */
  public void row(List<String> row) {
    rows.add(row);
    columns = Math.max(columns, row.size());
  }

  /** Prints the table, each column as wide as its widest cell. */
  public void print(PrintWriter out) {
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        String pad = " ".repeat(widths[c] - cell.length());
        line.append(c < 2 ? cell + pad : pad + cell);
        if (c < row.size() - 1) {
          line.append("  ");
        }
      }
      out.println(line.toString().stripTrailing());
      if (r == 0) {
        int total = 0;
        for (int w : widths) {
          total += w;
        }
        out.println("-".repeat(total + 2 * (columns - 1)));
      }
    }
  }
}
