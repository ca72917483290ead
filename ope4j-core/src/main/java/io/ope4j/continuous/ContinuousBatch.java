package io.ope4j.continuous;

/**
 * A batch of rows of a continuous-action log, as primitive columns: the logged action, the
 * reward, the behaviour policy's density at the logged action, the evaluation policy's action
 * (or its density at the logged action) and, when the log has them, q-hat at the evaluation
 * action and at the logged action. Columns a layout lacks are left unfilled. Readers validate;
 * estimators trust the values. Mutable, refilled by a source batch after batch.
 */
public final class ContinuousBatch {

  private final ContinuousLayout layout;
  private final double[] action;
  private final double[] reward;
  private final double[] density;
  private final double[] target;
  private final double[] qTarget;
  private final double[] qLogged;
  private long firstRow;
  private int size;

  /** An empty batch of {@code capacity} rows. */
  public ContinuousBatch(ContinuousLayout layout, int capacity) {
    this.layout = layout;
    this.action = new double[capacity];
    this.reward = new double[capacity];
    this.density = new double[capacity];
    this.target = new double[capacity];
    this.qTarget = new double[capacity];
    this.qLogged = new double[capacity];
  }

  public ContinuousLayout layout() {
    return layout;
  }

  public int capacity() {
    return action.length;
  }

  /** Rows filled. */
  public int size() {
    return size;
  }

  /** 0-based index in the log of the batch's first row (keys the bootstrap's draws). */
  public long firstRow() {
    return firstRow;
  }

  /** Marks rows {@code [0, size)} as filled, the first being row {@code firstRow} of the log. */
  public void setRows(long newFirstRow, int newSize) {
    if (newSize < 0 || newSize > capacity()) {
      throw new IllegalArgumentException("size " + newSize + " outside [0, " + capacity() + "]");
    }
    this.firstRow = newFirstRow;
    this.size = newSize;
  }

  /** The logged actions a_i. */
  public double[] action() {
    return action;
  }

  /** The rewards r_i. */
  public double[] reward() {
    return reward;
  }

  /** The behaviour policy's density at the logged action, p_b(a_i | x_i) > 0. */
  public double[] density() {
    return density;
  }

  /**
   * The evaluation policy's action pi_e(x_i), or, for a density policy, its density at the
   * logged action pi_e(a_i | x_i).
   */
  public double[] target() {
    return target;
  }

  /** q-hat(x_i, pi_e(x_i)) (for a density policy, its expectation under pi_e). */
  public double[] qTarget() {
    return qTarget;
  }

  /** q-hat(x_i, a_i), at the logged action. */
  public double[] qLogged() {
    return qLogged;
  }
}
