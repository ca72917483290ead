package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * One format's view of a log: a header (the column names) and then, row after row, the values
 * of the columns asked for. Knows nothing of what the columns mean: a schema (the bandit log's
 * {@link ColumnPlan} and {@link RowAssembler}, the Open Bandit Dataset's {@link ObdLoader}) reads
 * through it, so that every schema accepts every format. Implemented for CSV (plain or gzip),
 * Parquet (a file or a directory of part files) and JSON Lines (plain or gzip); {@link LogInput}
 * chooses one.
 *
 * <p>Use: {@link #header()}, then {@link #select} once, then {@link #nextRow()} until it returns
 * false, reading each row with {@link #values()} (numbers) or {@link #text} (text columns).
 * Problems of the format itself (a CSV row with too many fields, broken JSON, a Parquet column
 * of the wrong type) throw {@link InvalidDataException} naming source, row and column; values
 * that are not numbers are NaN and shown by {@link #describe}, so that the schema's checks say
 * what was expected. One reader is used by one thread at a time.
 */
public interface TableReader extends Closeable {

  /** What a selected column is read as. */
  enum Kind {
    /** A finite or non-finite double; text that is not a number reads as NaN. */
    NUMBER,
    /** An integer (as a double, exact up to 2^53); a non-integer reads as NaN. */
    INTEGER,
    /** Text, read with {@link #text}. */
    TEXT
  }

  /**
   * The kinds for {@link #select}: {@link Kind#INTEGER} for the columns {@code isInteger} names,
   * {@link Kind#NUMBER} for the others.
   */
  static Kind[] numberKinds(int[] columns, java.util.function.IntPredicate isInteger) {
    Kind[] kinds = new Kind[columns.length];
    for (int u = 0; u < columns.length; u++) {
      kinds[u] = isInteger.test(columns[u]) ? Kind.INTEGER : Kind.NUMBER;
    }
    return kinds;
  }

  /** How messages name the input (the file as given, {@code <stdin>}). */
  String source();

  /** The format read (never {@link InputFormat#AUTO}). */
  InputFormat format();

  /** The column names, in order. */
  List<String> header();

  /**
   * Chooses the columns that {@link #nextRow()} reads, once, before the first row.
   *
   * @param columns header indices, ascending, without duplicates; not modified
   * @param kinds what each of them is read as, in the same order; not modified
   * @throws InvalidDataException (the header) if a typed format's column cannot hold its kind
   */
  void select(int[] columns, Kind[] kinds);

  /**
   * Reads the next row.
   *
   * @return false at the end of the input
   * @throws InvalidDataException on a row the format cannot read
   * @throws IOException on a read failure
   */
  boolean nextRow() throws IOException;

  /** The current row's number: 1-based data row (the header, if the format has one, is 0). */
  long row();

  /**
   * The current row's numbers by header index: one live array for the reader's life, refilled
   * by each {@link #nextRow()}; only the selected {@code NUMBER} and {@code INTEGER} columns are
   * set.
   */
  double[] values();

  /** The current row's value of a selected column as text (the text as written, where kept). */
  String text(int column);

  /**
   * The current row's value of a selected column for a message: numbers bare, other text
   * quoted, a missing value by name ({@code an empty field}, {@code null}).
   */
  String describe(int column);
}
