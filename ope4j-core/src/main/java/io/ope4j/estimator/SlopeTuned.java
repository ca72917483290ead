package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;
import java.util.List;

/**
 * An estimator family whose hyperparameter is chosen from the data by SLOPE ({@link Slope}).
 *
 * @param spec the spec as written back to users: {@code id:lambda=slope}, plus {@code lambdas} and
 *     {@code delta} where they are not the defaults
 * @param id the family's id, e.g. {@code switch-dr}
 * @param candidates one estimator per candidate, in OBP's order (Switch-DR decreasing lambda,
 *     DRos and the sub-Gaussian family increasing)
 * @param delta the confidence parameter of the widths
 */
record SlopeTuned(String spec, String id, List<Estimator> candidates, double delta)
    implements Estimator {

  SlopeTuned {
    candidates = List.copyOf(candidates);
  }

  @Override
  public boolean needsModel() {
    return candidates.get(0).needsModel();
  }

  @Override
  public boolean needsPscore() {
    return candidates.get(0).needsPscore();
  }

  /** A tuned estimator has no terms of its own; the engine runs its candidates. */
  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    throw new UnsupportedOperationException(spec() + " is tuned: evaluate its candidates()");
  }

  @Override
  public int choose(double[] values, double[] stderrs, long rows) {
    return Slope.choose(values, stderrs, rows, delta);
  }
}
