package io.ope4j.sequential;

import io.ope4j.internal.stats.PoissonMultiplicities;

/**
 * The mergeable state of one pass over episodes: for each policy its {@link StepWeights} and,
 * in the pass that computes values, one {@link TrajectorySample} per estimator. Bootstrap
 * multiplicities are keyed by (seed, episode id), so any split of the episodes, merged in any
 * order, gives the same replicate sums up to rounding. Mutable, one thread.
 */
public final class SequentialState implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  private final SequentialConfig config;
  private final SequentialEstimator[] estimators;
  /** Per policy, the mean weight per step, or null (the first pass, or no SN estimator). */
  private final double[][] normalisers;
  private final boolean valuesPass;
  private final StepWeights[] weights;
  private final TrajectorySample[][] samples;
  private final TrajectoryValues values;
  private final double[] psi;
  private final double[] multiplicities;
  private final double[] totalMultiplicity;
  private final PoissonMultiplicities.RowDrawer drawer;
  /** Per policy, MAGIC's state when it is estimated (else null). */
  private final MagicSample[] magic;
  /** Per policy and estimator, the high-confidence bound's state of tis and pdis (else null). */
  private final HighConfidenceBound[][] bounds;
  private final double rewardShift;
  private final double totalDiscount;
  /** Per policy and estimator, the ratio of sums of mis-avg and mdr-avg (else null). */
  private final RatioSample[][] averageReward;

  /**
   * @param policies number of evaluation policies
   * @param normalisers per policy, the mean weight per step from a first pass (see {@link
   *     StepWeights#meanWeights}), or null when no estimator is self-normalised
   * @param valuesPass false for a first pass that only sums weights
   */
  public SequentialState(SequentialConfig config, int policies, double[][] normalisers,
      boolean valuesPass) {
    this.config = config;
    this.estimators = config.estimators().toArray(new SequentialEstimator[0]);
    this.normalisers = normalisers;
    this.valuesPass = valuesPass;
    this.weights = new StepWeights[policies];
    boolean bootstrap = config.method() == io.ope4j.interval.IntervalMethod.BOOTSTRAP;
    int replicates = bootstrap && !config.scopeRl() ? config.replicates() : 0;
    boolean keep = bootstrap && config.scopeRl();
    this.samples = new TrajectorySample[policies][valuesPass ? estimators.length : 0];
    for (int p = 0; p < policies; p++) {
      weights[p] = new StepWeights();
      for (int e = 0; e < samples[p].length; e++) {
        samples[p][e] = new TrajectorySample(replicates, keep);
      }
    }
    this.values = new TrajectoryValues(config.gamma(), config.clip());
    this.psi = new double[estimators.length];
    this.multiplicities = new double[replicates];
    this.totalMultiplicity = new double[replicates];
    this.drawer = replicates > 0 ? new PoissonMultiplicities.RowDrawer(replicates) : null;
    this.magic = valuesPass && config.estimators().contains(SequentialEstimator.MAGIC)
        ? new MagicSample[policies] : null;
    this.averageReward = new RatioSample[policies][valuesPass ? estimators.length : 0];
    for (int p = 0; p < policies; p++) {
      for (int e = 0; e < averageReward[p].length; e++) {
        averageReward[p][e] = estimators[e].perStep() ? new RatioSample(replicates) : null;
      }
    }
    boolean hcope = valuesPass && config.method() == io.ope4j.interval.IntervalMethod.HCOPE;
    this.bounds = new HighConfidenceBound[policies][hcope ? estimators.length : 0];
    for (int p = 0; p < policies; p++) {
      for (int e = 0; e < bounds[p].length; e++) {
        bounds[p][e] = new HighConfidenceBound(config.seed());
      }
    }
    this.rewardShift = hcope ? config.shiftedRewardLower() : 0.0;
    this.totalDiscount = config.totalDiscount();
    for (int p = 0; magic != null && p < policies; p++) {
      magic[p] = new MagicSample(normalisers[p].length,
          replicates > 0 ? replicates : MAGIC_REPLICATES, config.seed());
    }
  }

  /** Bootstrap replicates of MAGIC's bias interval when the interval method is not the bootstrap. */
  static final int MAGIC_REPLICATES = 200;

  /** Folds in one episode (already cut at the horizon cap). */
  public void add(EpisodeSteps episode) {
    if (drawer != null && valuesPass) {
      drawer.fill(config.seed(), episode.id(), multiplicities);
      for (int b = 0; b < multiplicities.length; b++) {
        totalMultiplicity[b] += multiplicities[b];
      }
    }
    for (int p = 0; p < weights.length; p++) {
      values.weigh(episode, p);
      weights[p].add(values.weights(), episode.length(), values.clipped(),
          values.zeroProbability());
      if (valuesPass) {
        values.values(episode, p, estimators, normalisers == null ? null : normalisers[p], psi);
        for (int e = 0; e < estimators.length; e++) {
          samples[p][e].add(psi[e], multiplicities);
        }
        if (magic != null) {
          magic[p].add(values, episode, p, normalisers[p]);
        }
        for (int e = 0; e < bounds[p].length; e++) {
          addToBound(episode, p, e);
        }
        for (int e = 0; e < averageReward[p].length; e++) {
          if (averageReward[p][e] != null) {
            averageReward[p][e].add(psi[e], TrajectoryValues.marginalMass(episode, p),
                multiplicities);
          }
        }
      }
    }
  }

  /**
   * Folds the episode's shifted value {@code psi - lo * mass} (non-negative, see {@link
   * TrajectoryValues#shiftMass}) into the bound of policy {@code p}, estimator {@code e}.
   *
   * @throws io.ope4j.data.UsageException if a reward lies outside the stated range
   */
  private void addToBound(EpisodeSteps episode, int p, int e) {
    if (p == 0 && e == 0) {
      checkRewards(episode);
    }
    double x = psi[e];
    if (rewardShift != 0.0) {
      x -= rewardShift
          * values.shiftMass(episode.length(), estimators[e] == SequentialEstimator.PDIS, totalDiscount);
    }
    bounds[p][e].add(episode.id(), Math.max(0.0, x)); // rounding only: every term is >= 0
  }

  private void checkRewards(EpisodeSteps episode) {
    for (int t = 0; t < episode.length(); t++) {
      double r = episode.reward[t];
      if (!(r >= config.rewardLower() && r <= config.rewardUpper())) {
        throw new io.ope4j.data.UsageException("episode " + episode.id() + ", step " + t + ": reward "
            + r + " lies outside --reward-range [" + config.rewardLower() + ", "
            + config.rewardUpper() + "], which --ci hcope relies on");
      }
    }
  }

  /** Adds {@code other}'s episodes; with SCOPE-RL's bootstrap, merge in log order. */
  public void merge(SequentialState other) {
    for (int b = 0; b < totalMultiplicity.length; b++) {
      totalMultiplicity[b] += other.totalMultiplicity[b];
    }
    for (int p = 0; p < weights.length; p++) {
      weights[p].merge(other.weights[p]);
      for (int e = 0; e < samples[p].length; e++) {
        samples[p][e].merge(other.samples[p][e]);
      }
      if (magic != null) {
        magic[p].merge(other.magic[p]);
      }
      for (int e = 0; e < bounds[p].length; e++) {
        bounds[p][e].merge(other.bounds[p][e]);
      }
      for (int e = 0; e < averageReward[p].length; e++) {
        if (averageReward[p][e] != null) {
          averageReward[p][e].merge(other.averageReward[p][e]);
        }
      }
    }
  }

  /** Policy {@code p}'s state of the per-step estimator {@code e} (mis-avg, mdr-avg). */
  RatioSample averageReward(int p, int e) {
    return averageReward[p][e];
  }

  /** Policy {@code p}'s high-confidence bound state of estimator {@code e} (only with hcope). */
  HighConfidenceBound bound(int p, int e) {
    return bounds[p][e];
  }

  /** Policy {@code p}'s MAGIC state (only when MAGIC is estimated). */
  MagicSample magic(int p) {
    return magic[p];
  }

  /** Number of evaluation policies. */
  public int policies() {
    return weights.length;
  }

  /** Policy {@code p}'s step weights. */
  public StepWeights stepWeights(int p) {
    return weights[p];
  }

  TrajectorySample sample(int p, int e) {
    return samples[p][e];
  }

  double[] totalMultiplicity() {
    return totalMultiplicity;
  }
}
