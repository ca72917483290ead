package io.ope4j.data;

import java.io.IOException;

/**
 * A stream of logged rounds delivered as column batches. One source is read by one thread at a
 * time. Batches are filled in row order; {@link BanditBatch#firstRow()} counts rows from 0.
 */
public interface BatchSource extends AutoCloseable {

  /** How messages name the log, e.g. its file name. */
  default String name() {
    return "in-memory log";
  }

  /** What the batches hold. Known before the first batch is read. */
  LogLayout layout();

  /**
   * Fills {@code batch} (created with this source's {@link #layout()}) with the next rows.
   *
   * @return false when the log is exhausted (the batch is then left with size 0)
   * @throws InvalidDataException on a row that breaks the log format
   * @throws IOException on a read failure
   */
  boolean next(BanditBatch batch) throws IOException;

  @Override
  void close() throws IOException;
}
