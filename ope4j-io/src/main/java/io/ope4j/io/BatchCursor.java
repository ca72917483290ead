package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import java.util.List;

/**
 * The rows of a list of batches (a unit of work decoded ahead, e.g. a Parquet row group), taken
 * in order into the caller's batches, which may be cut at other rows.
 */
final class BatchCursor {

  private List<BanditBatch> batches = List.of();
  private int batch;
  private int row;

  /** Starts on {@code next}'s rows. */
  void reset(List<BanditBatch> next) {
    batches = next;
    batch = 0;
    row = 0;
  }

  /** Whether every row has been taken. */
  boolean done() {
    return batch == batches.size();
  }

  /**
   * Copies the next rows into {@code to} from row {@code at} until {@code to} is full or the rows
   * end.
   *
   * @return the row of {@code to} after the last one copied
   */
  int copyInto(BanditBatch to, int at) {
    int size = at;
    while (size < to.capacity() && !done()) {
      BanditBatch from = batches.get(batch);
      int count = Math.min(to.capacity() - size, from.size() - row);
      to.copyRows(from, row, size, count);
      size += count;
      row += count;
      if (row == from.size()) {
        batch++;
        row = 0;
      }
    }
    return size;
  }
}
