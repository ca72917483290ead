package io.ope4j.model;

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
}
