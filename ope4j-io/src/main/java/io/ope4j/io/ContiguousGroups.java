package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogValidator;
import java.io.IOException;

/**
 * The rows of a table grouped by an integer id column whose groups must each be contiguous (the
 * episodes of a trajectory log, the slates of a slate log): moves from group to group, refusing a
 * group whose rows come in two places, naming file, row and column. One per reader.
 */
final class ContiguousGroups {

  private final TableReader table;
  private final LogValidator check;
  private final int column;
  private final String columnName;
  /** What a group is called in messages: {@code episode}, {@code slate}. */
  private final String noun;
  private final EpisodeIds seen = new EpisodeIds();
  private long current;
  /** Whether the table's current row is the first row of a group not yet started. */
  private boolean pending;
  private boolean started;

  ContiguousGroups(TableReader table, LogValidator check, int column, String columnName,
      String noun) {
    this.table = table;
    this.check = check;
    this.column = column;
    this.columnName = columnName;
    this.noun = noun;
  }

  /**
   * Moves to the first row of the next group.
   *
   * @return false at the end of the table
   * @throws InvalidDataException if the table has no row, or the group appeared before
   */
  boolean nextGroup() throws IOException {
    if (!pending) {
      if (started || !table.nextRow()) {
        if (!started) {
          throw new InvalidDataException(table.source(), -1, null, "no data rows");
        }
        return false;
      }
      started = true;
    }
    current = idOfRow();
    if (!seen.add(current)) {
      throw appearsAgain(table.source(), table.row(), columnName, noun, current);
    }
    return true;
  }

  /** Moves to the next row; returns whether it belongs to the current group. */
  boolean nextRowInGroup() throws IOException {
    if (!table.nextRow()) {
      pending = false;
      return false;
    }
    pending = idOfRow() != current;
    return !pending;
  }

  /** The current group's id. */
  long id() {
    return current;
  }

  /** The error for a group whose first row {@code row} (1-based) comes after other groups. */
  static InvalidDataException appearsAgain(String source, long row, String columnName, String noun,
      long id) {
    String article = ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    return new InvalidDataException(source, row, columnName, noun + " " + id + " appears again after"
        + " other " + noun + "s; the rows of " + article + " must be contiguous");
  }

  private long idOfRow() {
    double id = table.values()[column];
    if (Double.isNaN(id)) {
      check.atRow(table.row());
      throw new InvalidDataException(table.source(), table.row(), columnName,
          "must be an integer id, got " + table.describe(column));
    }
    return (long) id;
  }
}
