package io.ope4j.bench;

import io.ope4j.data.ColumnarLog;
import java.util.SplittableRandom;

/**
 * A seeded synthetic bandit log in the narrow form of formats.md ({@code action, reward, pscore,
 * pi, q, q_pi}), the input of every benchmark and of the pandas comparison.
 *
 * <p>Per row, independently: {@code action} uniform in {@code [0, 10)}; {@code pscore} uniform in
 * (0.01, 1]; {@code pi} uniform in [0, 1]; {@code q} and {@code q_pi} uniform in [0, 1]; {@code
 * reward} Bernoulli({@code q}) (binary) or {@code q} plus uniform noise in [-0.5, 0.5]
 * (continuous). The columns are not a consistent policy pair (the mean weight is about 2.3, not
 * 1): they only feed the arithmetic, whose speed does not depend on it.
 *
 * <p>Every double is a multiple of 10^-6 ({@code k / 1e6}, correctly rounded), so the CSV that
 * {@link NarrowCsvGenerator} writes with six decimals parses back to exactly these doubles, and
 * an evaluation of the file can be checked against an evaluation of the arrays.
 */
public final class SyntheticNarrowLog {

  /** Number of actions K. */
  public static final int ACTIONS = 10;

  private static final double MICRO = 1e6;

  public final int[] action;
  public final double[] reward;
  public final double[] pscore;
  public final double[] pi;
  public final double[] q;
  public final double[] qPi;

  private SyntheticNarrowLog(int rows) {
    action = new int[rows];
    reward = new double[rows];
    pscore = new double[rows];
    pi = new double[rows];
    q = new double[rows];
    qPi = new double[rows];
  }

  /**
   * Draws {@code rows} rows from {@code seed}; the same arguments give the same log.
   *
   * @throws IllegalArgumentException if {@code rows} is negative
   */
  public static SyntheticNarrowLog generate(int rows, long seed, boolean continuousReward) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    SyntheticNarrowLog log = new SyntheticNarrowLog(rows);
    log.fill(new SplittableRandom(seed), rows, continuousReward);
    return log;
  }

  /** An empty log of {@code rows} rows, to be filled piece by piece with {@link #fill}. */
  static SyntheticNarrowLog buffer(int rows) {
    return new SyntheticNarrowLog(rows);
  }

  /**
   * Overwrites rows {@code [0, rows)} with the next draws of {@code random}: filling a buffer
   * again and again continues the sequence that {@link #generate} draws in one go.
   */
  void fill(SplittableRandom random, int rows, boolean continuousReward) {
    for (int i = 0; i < rows; i++) {
      action[i] = random.nextInt(ACTIONS);
      // k in [10_001, 1_000_000]: pscore in (0.01, 1].
      pscore[i] = (10_001 + random.nextInt(990_000)) / MICRO;
      pi[i] = random.nextInt(1_000_001) / MICRO;
      int qMicro = random.nextInt(1_000_001);
      q[i] = qMicro / MICRO;
      qPi[i] = random.nextInt(1_000_001) / MICRO;
      if (continuousReward) {
        reward[i] = (qMicro + random.nextInt(1_000_001) - 500_000) / MICRO;
      } else {
        reward[i] = random.nextInt(1_000_000) < qMicro ? 1.0 : 0.0;
      }
    }
  }

  public int rows() {
    return action.length;
  }

  /** The log as in-memory columns, one policy {@code pi} with its reward-model columns. */
  public ColumnarLog toColumnarLog() {
    return ColumnarLog.builder(action, reward, pscore)
        .policy("pi", pi, qPi)
        .modelAtLoggedAction(q)
        .nActions(ACTIONS)
        .build();
  }
}
