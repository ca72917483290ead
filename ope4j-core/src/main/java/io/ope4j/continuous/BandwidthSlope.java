package io.ope4j.continuous;

import io.ope4j.estimator.Slope;
import java.util.List;

/**
 * A kernel estimator whose bandwidth is chosen from the data by SLOPE (Su, Srinath &
 * Krishnamurthy 2020, Alg. 1, a Lepski-type rule they propose for kernel bandwidths among other
 * hyperparameters): the candidates are visited from the smallest bandwidth (least smoothing
 * bias) up, each accepted while its interval is consistent with every one accepted before, and
 * the last accepted is reported ({@link Slope#chooseInOrder}). Unlike the bandit families (and
 * Open Bandit Pipeline), candidates are not ordered by their interval widths: kernel weights'
 * variance is not monotone in the bandwidth (one wider than the behaviour policy's spread makes
 * the weights heavy-tailed), and a width order would then visit the most biased candidate
 * first. The candidates run side by side in the same pass.
 *
 * @param spec as written back to users, e.g. {@code kernel-ipw:kernel=gaussian:bandwidth=slope}
 * @param id the family's id
 * @param candidates one estimator per bandwidth, in increasing bandwidth
 * @param delta the confidence parameter of the widths
 */
record BandwidthSlope(String spec, String id, List<ContinuousEstimator> candidates, double delta)
    implements ContinuousEstimator {

  BandwidthSlope {
    candidates = List.copyOf(candidates);
  }

  @Override
  public Smoothing smoothing() {
    return null;
  }

  @Override
  public boolean needsTargetModel() {
    return candidates.get(0).needsTargetModel();
  }

  @Override
  public boolean needsLoggedModel() {
    return candidates.get(0).needsLoggedModel();
  }

  /** A tuned estimator has no terms of its own; the engine runs its candidates. */
  @Override
  public void terms(ContinuousBatch batch, double[] numerator, int from, int to, double[] x, double[] d) {
    throw new UnsupportedOperationException(spec + " is tuned: evaluate its candidates()");
  }

  @Override
  public int choose(double[] values, double[] stderrs, long rows) {
    return Slope.chooseInOrder(values, stderrs, rows, delta);
  }
}
