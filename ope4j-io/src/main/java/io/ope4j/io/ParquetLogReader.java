package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A bandit log stored as Parquet (one file, or a directory of part files with the same columns),
 * streamed in column batches with the column names, resolution and validation rules of the CSV
 * reader: the same log as CSV or Parquet gives the same batches, the same errors, and so the same
 * estimates to the bit. {@link LogInput} opens any format; this class opens Parquet.
 *
 * <p><b>Reading.</b> Only the columns the log needs are read (a projected schema), each decoded
 * by Parquet's column reader with its typed getter: no record assembly and no object per row
 * (see {@link ParquetTable}). Batches are filled to their capacity across row-group and file
 * boundaries, so they are cut at the same rows as the CSV reader's.
 *
 * <p><b>Types.</b> Columns must be top-level, non-repeated primitives: action and position
 * {@code INT32} or {@code INT64}; every other used column {@code DOUBLE}, {@code FLOAT}, {@code
 * INT32} or {@code INT64}. Optional columns may be declared, but a null in a used column is an
 * error like any bad value ({@code logs.parquet row 7, pscore: must be in (0, 1], got null}).
 * Rows are numbered from 1 in file order, as in CSV.
 *
 * <p>One reader is used by one thread at a time.
 */
public final class ParquetLogReader extends BanditLogReader {

  /** The first (and last) four bytes of every Parquet file. */
  static final byte[] MAGIC = ParquetTable.MAGIC;

  private final ParquetTable table;

  private ParquetLogReader(ParquetTable table, LogReadOptions options) {
    super(table, options);
    this.table = table;
  }

  /** Opens {@code path} with {@link LogReadOptions#defaults()}. */
  public static ParquetLogReader open(Path path) throws IOException {
    return open(path, LogReadOptions.defaults());
  }

  /**
   * Opens a Parquet file, or a directory of part files, and resolves its schema against {@code
   * options}.
   *
   * @throws InvalidDataException if the file is not Parquet, or its schema does not fit {@code
   *     options} (missing columns, or a used column of the wrong type); the message names the
   *     file as {@code path.toString()}
   * @throws IOException if the file cannot be read
   */
  public static ParquetLogReader open(Path path, LogReadOptions options) throws IOException {
    return new ParquetLogReader(ParquetTable.open(path, path.toString(), null), options);
  }

  /** Rows in the file (or all part files), from the footers. */
  public long rowCount() throws IOException {
    return table.rowCount();
  }
}
