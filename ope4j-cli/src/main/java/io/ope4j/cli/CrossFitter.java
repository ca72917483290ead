package io.ope4j.cli;

import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModelFitter;

/**
 * Cross-fitted reward-model predictions: fit {@code fitter} K times, each time on the rows
 * outside one fold, and predict every action for the rows of that fold at their logged position,
 * so that no row is predicted by a model that saw it (Chernozhukov et al. 2018, "Double/debiased
 * machine learning", Definition 3.1; OBP's {@code RegressionModel.fit_predict(n_folds=K)}).
 *
 * <p>The obd command is written against this interface; the {@code ope4j-models} module's
 * cross-fitting implements it (see {@link RewardModels}).
 */
@FunctionalInterface
interface CrossFitter {

  /**
   * @param fitter the model to fit
   * @param data the rows to fit and predict (positions as logged)
   * @param folds K, at least 2
   * @param seed seed of the fold assignment
   * @return {@code q[i * K + a]}: the prediction of action a for row i at row i's position
   * @throws IllegalArgumentException when the data do not suit the model
   */
  double[] predict(RewardModelFitter fitter, RewardData data, int folds, long seed);
}
