package io.ope4j.slate;

import io.ope4j.internal.stats.CompensatedSum;
import io.ope4j.internal.stats.PoissonMultiplicities;
import java.util.ArrayList;
import java.util.List;

/**
 * The mergeable state of one pass over slates: per estimator its {@link SlateMoments}, the
 * weights the estimators read ({@link SlateWeights}), the reward sums per position and the
 * bootstrap's total multiplicities. Multiplicities are keyed by (seed, slate id), so any split of
 * the slates, merged in any order, gives the same replicate sums up to rounding (Open Bandit
 * Pipeline's index bootstrap keeps slates in log order: merge in log order). Mutable, one thread.
 */
public final class SlateState implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  private final SlateConfig config;
  private final int length;
  private final SlateEstimator[] estimators;
  private final SlateMoments[] moments;
  private final SlateWeights slateWeights;
  private final SlateWeights positionWeights;
  private final SlateWeights prefixWeights;
  private final CompensatedSum[] rewardSums;
  private final double[] multiplicities;
  private final double[] totalMultiplicity;
  private final PoissonMultiplicities.RowDrawer drawer;
  private final double[] x;
  private final double[] d;
  private final double[] z;
  private long slates;

  /** An empty state for slates of {@code length} positions. */
  public SlateState(SlateConfig config, int length) {
    this.config = config;
    this.length = length;
    this.estimators = config.estimators().toArray(new SlateEstimator[0]);
    this.moments = new SlateMoments[estimators.length];
    int replicates = config.poissonReplicates();
    boolean slate = false;
    boolean position = false;
    boolean prefix = false;
    for (int e = 0; e < estimators.length; e++) {
      moments[e] = new SlateMoments(length, estimators[e].selfNormalized(), replicates,
          config.keepsSlates());
      slate |= estimators[e].usesSlateWeight();
      position |= estimators[e].usesPositionWeight();
      prefix |= estimators[e].usesPrefixWeight();
    }
    this.slateWeights = slate ? new SlateWeights(1) : null;
    this.positionWeights = position ? new SlateWeights(length) : null;
    this.prefixWeights = prefix ? new SlateWeights(length) : null;
    this.rewardSums = new CompensatedSum[length];
    for (int l = 0; l < length; l++) {
      rewardSums[l] = new CompensatedSum();
    }
    this.multiplicities = new double[replicates];
    this.totalMultiplicity = new double[replicates];
    this.drawer = replicates > 0 ? new PoissonMultiplicities.RowDrawer(replicates) : null;
    this.x = new double[length];
    this.d = new double[length];
    this.z = new double[2 * length];
  }

  /** Folds in every slate of {@code batch}. */
  public void add(SlateBatch batch) {
    if (batch.length() != length) {
      throw new IllegalArgumentException(
          "batch slates have " + batch.length() + " positions, the state " + length);
    }
    int count = batch.count();
    slates += count;
    for (int s = 0; s < count; s++) {
      if (drawer != null) {
        drawer.fill(config.seed(), batch.id(s), multiplicities);
        for (int b = 0; b < multiplicities.length; b++) {
          totalMultiplicity[b] += multiplicities[b];
        }
      }
      for (int e = 0; e < estimators.length; e++) {
        estimators[e].terms(batch, s, x, d);
        System.arraycopy(x, 0, z, 0, length);
        if (estimators[e].selfNormalized()) {
          System.arraycopy(d, 0, z, length, length);
        }
        moments[e].add(z, multiplicities);
      }
    }
    for (SlateMoments m : moments) {
      m.endBatch();
    }
    if (slateWeights != null) {
      slateWeights.add(batch.slateWeight, count, 1);
    }
    if (positionWeights != null) {
      positionWeights.add(batch.positionWeight, count, length);
    }
    if (prefixWeights != null) {
      prefixWeights.add(batch.prefixWeight, count, length);
    }
    for (int l = 0; l < length; l++) {
      double sum = 0.0;
      for (int s = 0; s < count; s++) {
        sum += batch.reward[s * length + l];
      }
      rewardSums[l].add(sum);
    }
  }

  /** Adds {@code other}'s slates. */
  public void merge(SlateState other) {
    slates += other.slates;
    for (int e = 0; e < moments.length; e++) {
      moments[e].merge(other.moments[e]);
    }
    if (slateWeights != null) {
      slateWeights.merge(other.slateWeights);
    }
    if (positionWeights != null) {
      positionWeights.merge(other.positionWeights);
    }
    if (prefixWeights != null) {
      prefixWeights.merge(other.prefixWeights);
    }
    for (int l = 0; l < length; l++) {
      rewardSums[l].add(other.rewardSums[l]);
    }
    for (int b = 0; b < totalMultiplicity.length; b++) {
      totalMultiplicity[b] += other.totalMultiplicity[b];
    }
  }

  /** Slates folded in. */
  public long slates() {
    return slates;
  }

  /** Positions per slate. */
  public int length() {
    return length;
  }

  SlateMoments moments(int estimator) {
    return moments[estimator];
  }

  double[] totalMultiplicity() {
    return totalMultiplicity;
  }

  /** The weight summaries and reward sums. */
  SlateDiagnostics diagnostics() {
    List<SlateDiagnostics.WeightSummary> weights = new ArrayList<>();
    if (slateWeights != null) {
      weights.add(slateWeights.summary("slate"));
    }
    if (positionWeights != null) {
      weights.add(positionWeights.summary("item_position"));
    }
    if (prefixWeights != null) {
      weights.add(prefixWeights.summary("cascade"));
    }
    double[] rewards = new double[length];
    for (int l = 0; l < length; l++) {
      rewards[l] = rewardSums[l].value();
    }
    return new SlateDiagnostics(weights, rewards);
  }
}
