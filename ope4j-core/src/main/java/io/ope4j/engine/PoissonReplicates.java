package io.ope4j.engine;

import io.ope4j.internal.stats.PoissonMultiplicities;

/**
 * The Poisson bootstrap of several estimator states over the same rows: per state its {@link
 * ReplicateSums}, and per replicate the total multiplicity of the rows. A row's multiplicities are
 * drawn once, keyed by (seed, row, replicate), and serve every state, so they never depend on
 * threads, partitions or the number of states. Used by every engine's state (the bandit {@link
 * EvaluationState}, the continuous-action {@code ContinuousState}); mergeable, serializable
 * without its scratch buffers, for one thread at a time.
 */
public final class PoissonReplicates implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final int replicates;
  private final ReplicateSums[] sums;
  private final double[] totalMultiplicity;
  private transient double[] multiplicities;
  private transient PoissonMultiplicities.RowDrawer drawer;

  /**
   * @param replicates B >= 1
   * @param selfNormalized per state, whether its terms are {@code (x, d)} pairs
   * @param hasModelTerm per state, whether a self-normalised state also has a model term {@code y}
   */
  public PoissonReplicates(int replicates, boolean[] selfNormalized, boolean[] hasModelTerm) {
    this.replicates = replicates;
    this.sums = new ReplicateSums[selfNormalized.length];
    for (int s = 0; s < sums.length; s++) {
      sums[s] = new ReplicateSums(replicates, selfNormalized[s], hasModelTerm[s]);
    }
    this.totalMultiplicity = new double[replicates];
  }

  /**
   * Adds rows {@code [0, length)} of every state's term buffers ({@code y[state][i]} and so on;
   * {@code y} null when no state has a model term), the first being row {@code firstRow} of the
   * log. Row by row, each state adds its rows in row order, so the sums do not depend on how many
   * states there are.
   */
  public void addBlock(long seed, long firstRow, int length, double[][] y, double[][] x, double[][] d) {
    addBlock(seed, firstRow, length, y, x, d, null, null, 0);
  }

  /**
   * As {@link #addBlock(long, long, int, double[][], double[][], double[][])}, except that a
   * state with per-logger sums ({@code strata[state]} not null) takes each row into its logger's
   * replicate sums, the logger of row {@code i} being {@code logger[loggerFrom + i]}.
   */
  void addBlock(long seed, long firstRow, int length, double[][] y, double[][] x, double[][] d,
      StratifiedSums[] strata, int[] logger, int loggerFrom) {
    if (drawer == null) {
      multiplicities = new double[replicates];
      drawer = new PoissonMultiplicities.RowDrawer(replicates);
    }
    double[] m = multiplicities;
    for (int i = 0; i < length; i++) {
      drawer.fill(seed, firstRow + i, m);
      for (int b = 0; b < replicates; b++) {
        totalMultiplicity[b] += m[b];
      }
      for (int state = 0; state < sums.length; state++) {
        if (strata != null && strata[state] != null) {
          strata[state].addReplicateRow(logger[loggerFrom + i], m, y[state][i], x[state][i]);
        } else {
          sums[state].addRow(m, y == null ? 0.0 : y[state][i], x[state][i], d[state][i]);
        }
      }
    }
  }

  /** Adds {@code other}'s rows (the same states and replicates). */
  public void merge(PoissonReplicates other) {
    for (int s = 0; s < sums.length; s++) {
      sums[s].merge(other.sums[s]);
    }
    for (int b = 0; b < replicates; b++) {
      totalMultiplicity[b] += other.totalMultiplicity[b];
    }
  }

  /** Each replicate's total multiplicity so far. */
  double[] totalMultiplicity() {
    return totalMultiplicity;
  }

  /** The replicate estimates of state {@code state}. */
  public double[] estimates(int state) {
    return sums[state].estimates(totalMultiplicity);
  }
}
