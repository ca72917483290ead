package io.ope4j.continuous;

import java.io.IOException;

/** Batches of a continuous-action log, in row order (a reader, a simulator, arrays in memory). */
public interface ContinuousSource extends AutoCloseable {

  /** How messages name the log. */
  String name();

  /** What the log holds. */
  ContinuousLayout layout();

  /**
   * Fills {@code batch} with the next rows (up to its capacity), setting its first row and size.
   *
   * @return false when no rows are left (the batch is then empty)
   * @throws io.ope4j.data.InvalidDataException on a bad row, naming source, row and column
   */
  boolean next(ContinuousBatch batch) throws IOException;

  @Override
  default void close() throws IOException {}
}
