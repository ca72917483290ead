package io.ope4j.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes a log cell by cell, row by row, in the order of its columns: what a generator needs to
 * write the same rows as CSV ({@link CsvLogWriter}) or Parquet ({@link ParquetLogWriter}).
 */
public interface LogRowWriter extends Closeable {

  /** The next cell, an integer. */
  LogRowWriter writeInt(int value) throws IOException;

  /** The next cell, an integer. */
  LogRowWriter writeLong(long value) throws IOException;

  /** The next cell, a number, every bit kept. */
  LogRowWriter writeDouble(double value) throws IOException;

  /** Ends the current row. */
  void endRow() throws IOException;
}
