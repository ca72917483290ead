package io.ope4j.continuous;

import io.ope4j.estimator.Slope;
import java.util.List;

/**
 * A kernel estimator whose bandwidth is chosen from the data by SLOPE ({@link Slope}; Su,
 * Srinath & Krishnamurthy 2020, who propose it for kernel bandwidths among other
 * hyperparameters): smaller bandwidths have less smoothing bias and more variance, and SLOPE
 * takes the widest-interval candidate still consistent with every narrower one. The candidates
 * run side by side in the same pass.
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
    return Slope.choose(values, stderrs, rows, delta);
  }
}
