package io.ope4j.spark;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;
import java.io.Serializable;

/**
 * Validated rows of part of a chunk, in the columnar form of a {@link BanditBatch}: what a
 * partition holds of a chunk it shares with its neighbours. At most two per partition (its
 * first and last chunk), each under {@link Chunks#CHUNK_ROWS} rows; they meet their neighbours'
 * fragments in {@link ChunkFolder}, which folds the whole chunk in the local engine's batches.
 */
final class RowFragment implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long firstRow;
  private final int[] action;
  private final double[] reward;
  private final double[] pscore;
  private final int[] position;
  private final double[] qLogged;
  private final double[][] piLogged;
  private final double[][] qExpected;
  private int size;

  /** An empty fragment for {@code capacity} rows starting at global row {@code firstRow}. */
  RowFragment(LogLayout layout, long firstRow, int capacity) {
    this.firstRow = firstRow;
    int policies = layout.policyCount();
    this.action = new int[capacity];
    this.reward = new double[capacity];
    this.pscore = new double[capacity];
    this.position = layout.hasPosition() ? new int[capacity] : null;
    this.qLogged = layout.hasModel() ? new double[capacity] : null;
    this.piLogged = new double[policies][capacity];
    this.qExpected = layout.hasModel() ? new double[policies][capacity] : null;
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
    int n = batch.size();
    System.arraycopy(batch.action(), 0, action, size, n);
    System.arraycopy(batch.reward(), 0, reward, size, n);
    System.arraycopy(batch.pscore(), 0, pscore, size, n);
    if (position != null) {
      System.arraycopy(batch.position(), 0, position, size, n);
    }
    if (qLogged != null) {
      System.arraycopy(batch.qLogged(), 0, qLogged, size, n);
    }
    for (int p = 0; p < piLogged.length; p++) {
      System.arraycopy(batch.piLogged(p), 0, piLogged[p], size, n);
      if (qExpected != null) {
        System.arraycopy(batch.qExpected(p), 0, qExpected[p], size, n);
      }
    }
    size += n;
  }

  /** Copies rows {@code [from, from + count)} of this fragment to rows {@code at..} of batch. */
  void copyTo(int from, BanditBatch batch, int at, int count) {
    System.arraycopy(action, from, batch.action(), at, count);
    System.arraycopy(reward, from, batch.reward(), at, count);
    System.arraycopy(pscore, from, batch.pscore(), at, count);
    if (position != null) {
      System.arraycopy(position, from, batch.position(), at, count);
    }
    if (qLogged != null) {
      System.arraycopy(qLogged, from, batch.qLogged(), at, count);
    }
    for (int p = 0; p < piLogged.length; p++) {
      System.arraycopy(piLogged[p], from, batch.piLogged(p), at, count);
      if (qExpected != null) {
        System.arraycopy(qExpected[p], from, batch.qExpected(p), at, count);
      }
    }
  }
}
