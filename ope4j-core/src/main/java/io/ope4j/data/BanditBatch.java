package io.ope4j.data;

/**
 * A columnar batch of logged bandit rounds, reduced to what every estimator reads: for each row
 * the logged action, its reward and propensity, and, per evaluation policy, the policy's
 * probability of the logged action and the reward model's value under that policy.
 *
 * <p>Wide policy columns ({@code pi_0..pi_{K-1}}) are reduced to this narrow form by the reader
 * (the model value is {@code sum_a pi(a) q(a) / sum_a pi(a)}). Arrays are live buffers owned by
 * the batch and reused from batch to batch; only the first {@link #size()} entries are meaningful. Readers validate; estimators
 * trust the contents.
 *
 * <p>Optional blocks, present when the {@link LogLayout} says so (a consumer asked the reader
 * for them): the context features {@link #contexts()} ({@code capacity x dim}, row-major), each
 * policy's wide probabilities {@link #piWide(int)} and the model's wide predictions {@link
 * #qWide()} ({@code capacity x K}, row-major). They feed wrappers that compute policies and
 * reward models batch by batch.
 */
public final class BanditBatch implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  private final LogLayout layout;
  private final int[] action;
  private final double[] reward;
  private final double[] pscore;
  private final int[] position;
  private final double[] qLogged;
  private final double[][] piLogged;
  private final double[][] qExpected;
  private final double[] contexts;
  private final double[][] piWide;
  private final double[] qWide;
  private final int[] logger;
  private final double[] pscoreAvg;
  private final int[] embedding;
  private final double[] behaviorWide;
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
    this.contexts = layout.contextDim() > 0 ? new double[Math.multiplyExact(capacity, layout.contextDim())] : null;
    int wide = layout.widePolicies() || layout.wideModel() ? Math.multiplyExact(capacity, layout.nActions()) : 0;
    this.piWide = layout.widePolicies() ? new double[policies][wide] : null;
    this.qWide = layout.wideModel() ? new double[wide] : null;
    ExtraColumns extras = layout.extras();
    this.logger = extras.logger() ? new int[capacity] : null;
    this.pscoreAvg = extras.pscoreAvg() ? new double[capacity] : null;
    this.embedding = extras.embeddingDims() > 0 ? new int[Math.multiplyExact(capacity, extras.embeddingDims())] : null;
    this.behaviorWide = extras.behaviorWide() ? new double[Math.multiplyExact(capacity, layout.nActions())] : null;
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

  /**
   * Context features, {@code contexts()[i * dim + j]} with {@code dim = layout().contextDim()},
   * or {@code null} without a context block.
   */
  public double[] contexts() {
    return contexts;
  }

  /**
   * Evaluation policy {@code p}'s probability of every action, {@code piWide(p)[i * K + a]}, or
   * {@code null} without wide policy blocks.
   */
  public double[] piWide(int policy) {
    return piWide == null ? null : piWide[policy];
  }

  /** Reward-model prediction of every action, {@code qWide()[i * K + a]}, or {@code null}. */
  public double[] qWide() {
    return qWide;
  }

  /**
   * The logger (stratum) of each row, a dense index in order of first appearance in the log, or
   * {@code null} without a logger column.
   */
  public int[] logger() {
    return logger;
  }

  /** The loggers' mixture probability of the logged action, or {@code null} without it. */
  public double[] pscoreAvg() {
    return pscoreAvg;
  }

  /**
   * The observed action embedding, {@code embedding()[i * D + d]} the category of dimension d with
   * {@code D = layout().extras().embeddingDims()}, or {@code null} without one.
   */
  public int[] embedding() {
    return embedding;
  }

  /** Behaviour policy's probability of every action, {@code behaviorWide()[i * K + a]}, or {@code null}. */
  public double[] behaviorWide() {
    return behaviorWide;
  }

  /**
   * Copies the rows of {@code from} into this batch: the row range, the logged columns, and every
   * block both layouts hold (contexts, wide predictions, model at the logged action); each policy
   * of this layout that {@code from}'s layout names too gets its columns. Used by wrappers that
   * add what a source lacks.
   *
   * @throws IllegalArgumentException if {@code from} holds more rows than this batch can
   */
  public void copyFrom(BanditBatch from) {
    int rows = from.size;
    setRows(from.firstRow, rows);
    copyRows(from, 0, 0, rows);
  }

  /**
   * Copies rows {@code [fromRow, fromRow + count)} of {@code from} to rows {@code [toRow, toRow +
   * count)} of this batch, with the columns and blocks {@link #copyFrom} copies; the row range
   * ({@link #setRows}) is left to the caller. Used by readers that assemble rows elsewhere.
   *
   * @throws IndexOutOfBoundsException if a range falls outside a batch's capacity
   */
  public void copyRows(BanditBatch from, int fromRow, int toRow, int count) {
    System.arraycopy(from.action, fromRow, action, toRow, count);
    System.arraycopy(from.reward, fromRow, reward, toRow, count);
    System.arraycopy(from.pscore, fromRow, pscore, toRow, count);
    copy(from.position, fromRow, position, toRow, count);
    int dim = layout.contextDim();
    copy(from.contexts, fromRow * dim, contexts, toRow * dim, count * dim);
    copy(from.qLogged, fromRow, qLogged, toRow, count);
    int k = layout.nActions();
    copy(from.qWide, fromRow * k, qWide, toRow * k, count * k);
    copy(from.logger, fromRow, logger, toRow, count);
    copy(from.pscoreAvg, fromRow, pscoreAvg, toRow, count);
    int dims = layout.extras().embeddingDims();
    copy(from.embedding, fromRow * dims, embedding, toRow * dims, count * dims);
    copy(from.behaviorWide, fromRow * k, behaviorWide, toRow * k, count * k);
    for (int p = 0; p < piLogged.length; p++) {
      int q = from.layout.policies().indexOf(layout.policies().get(p));
      if (q >= 0) {
        System.arraycopy(from.piLogged[q], fromRow, piLogged[p], toRow, count);
        copy(from.qExpected(q), fromRow, qExpected(p), toRow, count);
        copy(from.piWide(q), fromRow * k, piWide(p), toRow * k, count * k);
      }
    }
  }

  private static void copy(double[] from, int fromIndex, double[] to, int toIndex, int length) {
    if (from != null && to != null) {
      System.arraycopy(from, fromIndex, to, toIndex, length);
    }
  }

  private static void copy(int[] from, int fromIndex, int[] to, int toIndex, int length) {
    if (from != null && to != null) {
      System.arraycopy(from, fromIndex, to, toIndex, length);
    }
  }
}
