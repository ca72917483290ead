package io.ope4j.rewardmodel;

/** Fits a {@link RewardModel} (logistic or ridge regression, gradient-boosted trees, ...). */
public interface RewardModelFitter {

  /**
   * Fits a model on {@code data}.
   *
   * @throws IllegalArgumentException when the data do not suit the model (e.g. non-binary rewards
   *     for logistic regression), naming the problem
   */
  RewardModel fit(RewardData data);

  /** A short name for output, e.g. {@code logistic(C=100)}. */
  String describe();

  /**
   * Checks that {@code data} suit this fitter, before cross-fitting splits them into folds, so
   * that an error names the row of the whole data (1-based). The default accepts everything;
   * {@link #fit} must check again.
   *
   * @throws IllegalArgumentException naming the first offending row and value
   */
  default void validate(RewardData data) {}

  /** This fitter, calling {@code afterEach} each time it has made a model (e.g. to count folds for a progress bar). */
  default RewardModelFitter counting(Runnable afterEach) {
    RewardModelFitter fitter = this;
    return new RewardModelFitter() {
      @Override
      public RewardModel fit(RewardData data) {
        RewardModel model = fitter.fit(data);
        afterEach.run();
        return model;
      }

      @Override
      public String describe() {
        return fitter.describe();
      }

      @Override
      public void validate(RewardData data) {
        fitter.validate(data);
      }
    };
  }
}
