package io.ope4j.models;

import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModel;
import io.ope4j.rewardmodel.RewardModelFitter;

/**
 * Ridge regression for continuous (or binary) rewards, solved exactly: minimises {@code sum_i
 * s_i (r_i - eta_i)^2 + alpha ||w||^2}, the intercept unpenalised, which is scikit-learn's {@code
 * Ridge(alpha)} with {@code fit_intercept=True} and {@code sample_weight = s} (User Guide §1.1.2).
 * The normal equations are solved once by Cholesky. Features: {@link RewardFeatures}. Immutable.
 */
public final class RidgeRegression implements RewardModelFitter {

  private final double alpha;
  private final RewardFeatures features;
  private final int threads;

  private RidgeRegression(double alpha, RewardFeatures features, int threads) {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be positive and finite, got " + alpha);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.alpha = alpha;
    this.features = features;
    this.threads = threads;
  }

  /** Penalty strength alpha (larger: stronger penalty), default features, all cores. */
  public static RidgeRegression withAlpha(double alpha) {
    return new RidgeRegression(alpha, RewardFeatures.defaults(), LinearFits.defaultThreads());
  }

  public RidgeRegression features(RewardFeatures newFeatures) {
    return new RidgeRegression(alpha, newFeatures, threads);
  }

  /** Threads for the fit; the result does not depend on it. */
  public RidgeRegression threads(int newThreads) {
    return new RidgeRegression(alpha, features, newThreads);
  }

  public double alpha() {
    return alpha;
  }

  @Override
  public void validate(RewardData data) {
    LinearFits.checkWeights(data);
    LinearFits.checkRewards(data, false);
  }

  @Override
  public RewardModel fit(RewardData data) {
    return LinearFits.fit(GlmSolver.Family.GAUSSIAN, alpha, features, data, threads, LogisticRegression.DEFAULT_TOLERANCE);
  }

  @Override
  public String describe() {
    return "ridge(alpha=" + Numbers.format(alpha) + features.describe() + ")";
  }
}
