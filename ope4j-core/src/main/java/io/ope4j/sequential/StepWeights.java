package io.ope4j.sequential;

import java.util.Arrays;

/**
 * Per-step sums of one policy's cumulative importance weights {@code w_{i,0:t}} over
 * trajectories: the state that makes self-normalisation mergeable, and the per-step diagnostics.
 *
 * <p>Variable lengths: an episode that ended at step {@code L-1} is treated as if it continued
 * in an absorbing state with reward 0 in which both policies take one action with probability 1
 * (Thomas &amp; Brunskill 2016, ICML, §2: shorter episodes padded with an absorbing state), so its
 * weight stays {@code w_{i,0:L-1}} at every later step. The mean weight at step t is therefore
 * {@code (sum over running episodes of w_{i,0:t} + sum over ended ones of w_{i,0:L_i-1}) / n};
 * the ended part is kept by length, so the state merges without knowing the longest episode.
 * Diagnostics (ESS, max weight) are over the episodes still running at each step.
 *
 * <p>Mutable, one thread; {@link #merge} is associative and commutative up to rounding of the
 * per-step sums.
 */
public final class StepWeights implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  private long episodes;
  private long zeroProbabilityEpisodes;
  private long clippedSteps;
  private long clippedEpisodes;
  private double[] sum = new double[0];
  private double[] sumSquares = new double[0];
  private double[] max = new double[0];
  private long[] running = new long[0];
  /** {@code endedAt[t]}: sum of final weights of episodes whose last step is t. */
  private double[] endedAt = new double[0];

  /** Makes room for step indices below {@code length}. */
  private void ensure(int length) {
    if (length > sum.length) {
      int old = sum.length;
      int size = Math.max(length, 2 * old);
      sum = Arrays.copyOf(sum, size);
      sumSquares = Arrays.copyOf(sumSquares, size);
      max = Arrays.copyOf(max, size);
      Arrays.fill(max, old, size, Double.NEGATIVE_INFINITY);
      running = Arrays.copyOf(running, size);
      endedAt = Arrays.copyOf(endedAt, size);
    }
  }

  /**
   * Folds in one episode's weights as used (after any clipping).
   *
   * @param weights {@code w_{0:t}} for t below {@code length}; not modified
   * @param clipped how many of them the clip lowered
   * @param zeroProbability whether a step had evaluation probability 0
   */
  void add(double[] weights, int length, int clipped, boolean zeroProbability) {
    if (length == 0) {
      return;
    }
    ensure(length);
    for (int t = 0; t < length; t++) {
      double w = weights[t];
      sum[t] += w;
      sumSquares[t] += w * w;
      max[t] = Math.max(max[t], w);
      running[t]++;
    }
    endedAt[length - 1] += weights[length - 1];
    episodes++;
    clippedSteps += clipped;
    clippedEpisodes += clipped > 0 ? 1 : 0;
    zeroProbabilityEpisodes += zeroProbability ? 1 : 0;
  }

  /** Adds {@code other}'s episodes to this state. */
  public void merge(StepWeights other) {
    ensure(other.sum.length);
    for (int t = 0; t < other.sum.length; t++) {
      sum[t] += other.sum[t];
      sumSquares[t] += other.sumSquares[t];
      max[t] = Math.max(max[t], other.max[t]);
      running[t] += other.running[t];
      endedAt[t] += other.endedAt[t];
    }
    episodes += other.episodes;
    clippedSteps += other.clippedSteps;
    clippedEpisodes += other.clippedEpisodes;
    zeroProbabilityEpisodes += other.zeroProbabilityEpisodes;
  }

  /** Episodes folded in. */
  public long episodes() {
    return episodes;
  }

  /** The longest episode's length. */
  public int horizon() {
    int t = running.length;
    while (t > 0 && running[t - 1] == 0) {
      t--;
    }
    return t;
  }

  /**
   * The mean weight at each step {@code 0..horizon-1}, ended episodes padded with their final
   * weight (class comment): the normalisers of the self-normalised estimators.
   */
  public double[] meanWeights() {
    int horizon = horizon();
    double[] mean = new double[horizon];
    double ended = 0.0;
    for (int t = 0; t < horizon; t++) {
      mean[t] = (sum[t] + ended) / episodes;
      ended += endedAt[t];
    }
    return mean;
  }

  /** Kish's effective sample size {@code (sum w)^2 / sum w^2} over the episodes running at t. */
  public double[] effectiveSampleSize() {
    double[] ess = new double[horizon()];
    for (int t = 0; t < ess.length; t++) {
      ess[t] = sumSquares[t] > 0 ? sum[t] * sum[t] / sumSquares[t] : 0.0;
    }
    return ess;
  }

  /** The largest weight at each step. */
  public double[] maxWeights() {
    return Arrays.copyOf(max, horizon());
  }

  /** Episodes still running at each step. */
  public long[] runningEpisodes() {
    return Arrays.copyOf(running, horizon());
  }

  /** Share of episodes with a step the evaluation policy gives probability 0. */
  public double zeroProbabilityShare() {
    return episodes == 0 ? Double.NaN : (double) zeroProbabilityEpisodes / episodes;
  }

  /** Step weights the clip lowered. */
  public long clippedSteps() {
    return clippedSteps;
  }

  /** Episodes with at least one clipped step weight. */
  public long clippedEpisodes() {
    return clippedEpisodes;
  }
}
