package io.ope4j.models;

import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModel;
import io.ope4j.rewardmodel.RewardModelFitter;

/**
 * L2-regularised logistic regression for binary rewards, fitted exactly by Newton's method
 * (IRLS) with a Cholesky solve: minimises {@code sum_i s_i [log(1 + exp(eta_i)) - r_i eta_i] +
 * ||w||^2 / (2C)} over the coefficients {@code w}, the intercept unpenalised, which is
 * scikit-learn's {@code LogisticRegression(penalty="l2", C=C)} with {@code sample_weight = s}
 * (User Guide §1.1.11; the same optimum). Predictions are {@code sigmoid(eta)}, as {@code
 * predict_proba[:, 1]}. Features: {@link RewardFeatures}.
 *
 * <pre>{@code
 * RewardModelFitter fitter = LogisticRegression.withC(100)                 // OBP's OBD setting
 *     .features(RewardFeatures.defaults().withPositions(Positions.PER_POSITION));
 * }</pre>
 *
 * <p>Rewards must be 0 or 1 ({@link IllegalArgumentException} naming the row otherwise). A
 * group of rows that all have the same reward predicts that reward (the unpenalised intercept
 * has no finite optimum there). The fit is the same for any number of threads. Immutable.
 */
public final class LogisticRegression implements RewardModelFitter {

  /** Newton stops when the last step is below this, relative to the largest coefficient. */
  public static final double DEFAULT_TOLERANCE = 1e-10;

  private final double c;
  private final RewardFeatures features;
  private final int threads;
  private final double tolerance;

  private LogisticRegression(double c, RewardFeatures features, int threads, double tolerance) {
    if (!(c > 0) || Double.isInfinite(c)) {
      throw new IllegalArgumentException("C must be positive and finite, got " + c);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
    }
    this.c = c;
    this.features = features;
    this.threads = threads;
    this.tolerance = tolerance;
  }

  /** Inverse regularisation strength C (larger: weaker penalty), default features, all cores. */
  public static LogisticRegression withC(double c) {
    return new LogisticRegression(c, RewardFeatures.defaults(), LinearFits.defaultThreads(), DEFAULT_TOLERANCE);
  }

  public LogisticRegression features(RewardFeatures newFeatures) {
    return new LogisticRegression(c, newFeatures, threads, tolerance);
  }

  /** Threads for the fit; the result does not depend on it. */
  public LogisticRegression threads(int newThreads) {
    return new LogisticRegression(c, features, newThreads, tolerance);
  }

  public LogisticRegression tolerance(double newTolerance) {
    return new LogisticRegression(c, features, threads, newTolerance);
  }

  public double c() {
    return c;
  }

  public RewardFeatures features() {
    return features;
  }

  @Override
  public void validate(RewardData data) {
    LinearFits.checkWeights(data);
    LinearFits.checkRewards(data, true);
  }

  @Override
  public RewardModel fit(RewardData data) {
    return LinearFits.fit(GlmSolver.Family.LOGISTIC, 1.0 / c, features, data, threads, tolerance);
  }

  @Override
  public String describe() {
    return "logistic(C=" + Numbers.format(c) + features.describe() + ")";
  }
}
