package io.ope4j.spark;

import io.ope4j.engine.Evaluator;

/**
 * Where the local engine cuts a log, which the Spark engine reproduces to get the same bits:
 * batches of {@link Evaluator#BATCH_ROWS} rows and chunks of {@link Evaluator#CHUNK_BATCHES} batches,
 * both aligned on the global row index; chunk states are merged in chunk order.
 */
final class Chunks {

  static final int CHUNK_BATCHES = Evaluator.CHUNK_BATCHES;
  static final int BATCH_ROWS = Evaluator.BATCH_ROWS;
  static final long CHUNK_ROWS = (long) CHUNK_BATCHES * BATCH_ROWS;

  private Chunks() {}

  /** Index of the chunk holding global row {@code row}. */
  static long chunkOf(long row) {
    return row / CHUNK_ROWS;
  }

  /** Number of chunks of a log of {@code rows} rows. */
  static long count(long rows) {
    return (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
  }
}
