package io.ope4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells shown beside a chart (the same numbers, for reading and copying).
 *
 * @param caption what the table holds, shown on its collapsed line
 * @param header column names
 * @param rows cells, one list per row, as long as the header
 */
public record Table(String caption, List<String> header, List<List<String>> rows) {

  public Table {
    header = List.copyOf(header);
    List<List<String>> copied = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + header.size());
      }
      copied.add(List.copyOf(row));
    }
    rows = List.copyOf(copied);
  }

  /** An empty table with this header, to fill with {@link #withRow}. */
  public static Table of(String caption, String... header) {
    return new Table(caption, List.of(header), List.of());
  }

  /** The same rows under another caption. */
  public Table withCaption(String newCaption) {
    return new Table(newCaption, header, rows);
  }

  /** This table with one more row. */
  public Table withRow(String... cells) {
    List<List<String>> more = new ArrayList<>(rows);
    more.add(List.of(cells));
    return new Table(caption, header, more);
  }
}
