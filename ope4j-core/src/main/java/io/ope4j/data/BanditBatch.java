package io.ope4j.data;

/**
 * A columnar batch of logged bandit rounds, reduced to what every estimator reads: for each row
 * the logged action, its reward and propensity, and, per evaluation policy, the policy's
 * probability of the logged action and the reward model's value under that policy.
 *
 * <p>Wide policy columns ({@code pi_0..pi_{K-1}}) are reduced to this narrow form by the reader
 * with {@link WideForm}. Arrays are live buffers owned by the batch and reused from batch to
 * batch; only the first {@link #size()} entries are meaningful. Readers validate; estimators
 * trust the contents.
 */
public final class BanditBatch {

  private final LogLayout layout;
  private final int[] action;
  private final double[] reward;
  private final double[] pscore;
  private final int[] position;
  private final double[] qLogged;
  private final double[][] piLogged;
  private final double[][] qExpected;
  private int size;
  private long firstRow;

  /** An empty batch able to hold {@code capacity} rows of a log with the given layout. */
  public BanditBatch(LogLayout layout, int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.layout = layout;
    int policies = layout.policyCount();
    this.action = new int[capacity];
    this.reward = new double[capacity];
    this.pscore = new double[capacity];
    if (!layout.hasPscore()) {
      java.util.Arrays.fill(pscore, Double.NaN); // a weight read by mistake is NaN, never a number
    }
    this.position = layout.hasPosition() ? new int[capacity] : null;
    this.qLogged = layout.hasModel() ? new double[capacity] : null;
    this.piLogged = new double[policies][capacity];
    this.qExpected = layout.hasModel() ? new double[policies][capacity] : null;
  }

  public LogLayout layout() {
    return layout;
  }

  public int capacity() {
    return action.length;
  }

  /** Number of valid rows. */
  public int size() {
    return size;
  }

  /** 0-based index of this batch's first row in the whole log (keys the bootstrap RNG). */
  public long firstRow() {
    return firstRow;
  }

  /** Sets the number of valid rows and the log index of the first one. */
  public void setRows(long firstRow, int size) {
    if (size < 0 || size > capacity()) {
      throw new IllegalArgumentException("size " + size + " outside [0, " + capacity() + "]");
    }
    if (firstRow < 0) {
      throw new IllegalArgumentException("firstRow must be >= 0, got " + firstRow);
    }
    this.firstRow = firstRow;
    this.size = size;
  }

  /** Logged action, 0-based. */
  public int[] action() {
    return action;
  }

  /** Observed reward. */
  public double[] reward() {
    return reward;
  }

  /** Behaviour policy's probability of the logged action, in (0, 1]. */
  public double[] pscore() {
    return pscore;
  }

  /** Logged position (slot), or {@code null} when the log has none. */
  public int[] position() {
    return position;
  }

  /** Reward-model prediction at the logged action, or {@code null} without a model. */
  public double[] qLogged() {
    return qLogged;
  }

  /** Evaluation policy {@code p}'s probability of the logged action. */
  public double[] piLogged(int policy) {
    return piLogged[policy];
  }

  /**
   * Reward-model value expected under evaluation policy {@code p}, {@code sum_a pi(a) q(a)}, or
   * {@code null} without a model.
   */
  public double[] qExpected(int policy) {
    return qExpected == null ? null : qExpected[policy];
  }
}
