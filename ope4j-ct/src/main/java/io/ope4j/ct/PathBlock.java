package io.ope4j.ct;

import java.util.Arrays;

/**
 * Whole sampled paths in columns (formats.md "Continuous-time paths"): path {@code p} holds rows
 * {@code offsets[p]} to {@code offsets[p+1] - 1}, with times {@code t}, states {@code x} (row-major,
 * {@code dim} values a row), running-reward rates {@code r} and one terminal payoff (NaN when the
 * path has none). Readers and simulators fill blocks; algorithms read them. Reused between
 * batches: {@link #clear()} keeps the arrays. Not thread-safe: one block per worker.
 *
 * <p>Filling: {@link #startPath(long, long)}, then {@link #addRow} per observation (or {@link
 * #reserveRows} and direct writes), then {@link #endPath(double)}.
 */
public final class PathBlock {

  private final int dim;
  private int paths;
  private int rows;
  private long[] ids = new long[16];
  private long[] firstDataRows = new long[16];
  private int[] offsets = new int[17];
  private double[] payoff = new double[16];
  private double[] t = new double[1024];
  private double[] x;
  private double[] r = new double[1024];
  private boolean open;

  public PathBlock(int dim) {
    if (dim < 1) {
      throw new IllegalArgumentException("state dimension must be at least 1, got " + dim);
    }
    this.dim = dim;
    this.x = new double[1024 * dim];
  }

  public int dim() {
    return dim;
  }

  public int paths() {
    return paths;
  }

  public int rows() {
    return rows;
  }

  /** Row offsets: path p is rows [offsets[p], offsets[p+1]). Valid for p &lt;= paths(). */
  public int[] offsets() {
    return offsets;
  }

  public long[] ids() {
    return ids;
  }

  /** The 1-based file data row of each path's first row (0 for simulated paths): for messages. */
  public long[] firstDataRows() {
    return firstDataRows;
  }

  public double[] t() {
    return t;
  }

  public double[] x() {
    return x;
  }

  public double[] r() {
    return r;
  }

  /** Terminal payoff per path; NaN when absent. */
  public double[] payoff() {
    return payoff;
  }

  public int rowsOf(int path) {
    return offsets[path + 1] - offsets[path];
  }

  public void clear() {
    paths = 0;
    rows = 0;
    open = false;
  }

  /** Starts a new path; {@code firstDataRow} is its first row's 1-based file row, or 0. */
  public void startPath(long id, long firstDataRow) {
    if (open) {
      throw new IllegalStateException("path " + ids[paths] + " was not ended");
    }
    if (paths + 1 >= ids.length) {
      int size = ids.length * 2;
      ids = Arrays.copyOf(ids, size);
      firstDataRows = Arrays.copyOf(firstDataRows, size);
      payoff = Arrays.copyOf(payoff, size);
      offsets = Arrays.copyOf(offsets, size + 1);
    }
    ids[paths] = id;
    firstDataRows[paths] = firstDataRow;
    offsets[paths] = rows;
    open = true;
  }

  /** Appends one observation to the open path. */
  public void addRow(double time, double[] state, int stateOffset, double reward) {
    int row = reserveRows(1);
    t[row] = time;
    System.arraycopy(state, stateOffset, x, row * dim, dim);
    r[row] = reward;
  }

  /**
   * Reserves {@code count} rows of the open path and returns the first; write them through
   * {@link #t()}, {@link #x()}, {@link #r()} (fetch the arrays after this call: they may grow).
   */
  public int reserveRows(int count) {
    if (!open) {
      throw new IllegalStateException("no open path");
    }
    int needed = rows + count;
    if (needed > t.length) {
      int size = Math.max(needed, t.length * 2);
      t = Arrays.copyOf(t, size);
      r = Arrays.copyOf(r, size);
      x = Arrays.copyOf(x, size * dim);
    }
    int first = rows;
    rows = needed;
    return first;
  }

  /** Ends the open path with its terminal payoff (NaN when it has none). */
  public void endPath(double terminalPayoff) {
    if (!open) {
      throw new IllegalStateException("no open path");
    }
    payoff[paths] = terminalPayoff;
    paths++;
    offsets[paths] = rows;
    open = false;
  }

  /** Rows of the open path so far (0 when no path is open). */
  public int openPathRows() {
    return open ? rows - offsets[paths] : 0;
  }
}
