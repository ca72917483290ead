package io.ope4j.spark;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;
import java.io.Serializable;

/**
 * Validated rows of part of a chunk, every column of a {@link BanditBatch} (extras included:
 * logger, mixture propensity, embeddings, behaviour probabilities, contexts): what a partition
 * holds of a chunk it shares with its neighbours. At most two per partition (its first and last
 * chunk), each under {@link Chunks#CHUNK_ROWS} rows; they meet their neighbours' fragments in
 * {@link ChunkFolder}, which folds the whole chunk in the local engine's batches.
 */
final class RowFragment implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long firstRow;
  private final BanditBatch rows;
  private int size;

  /** An empty fragment for {@code capacity} rows starting at global row {@code firstRow}. */
  RowFragment(LogLayout layout, long firstRow, int capacity) {
    this.firstRow = firstRow;
    this.rows = new BanditBatch(layout, capacity);
  }

  /** Global index of the first row. */
  long firstRow() {
    return firstRow;
  }

  int size() {
    return size;
  }

  /** Appends all rows of {@code batch}, which must continue this fragment. */
  void append(BanditBatch batch) {
    if (batch.firstRow() != firstRow + size) {
      throw new IllegalStateException("batch at row " + batch.firstRow() + " does not continue "
          + "the fragment ending at row " + (firstRow + size));
    }
    rows.copyRows(batch, 0, size, batch.size());
    size += batch.size();
  }

  /** Copies rows {@code [from, from + count)} of this fragment to rows {@code at..} of batch. */
  void copyTo(int from, BanditBatch batch, int at, int count) {
    batch.copyRows(rows, from, at, count);
  }
}
