package io.ope4j.cli;

import io.ope4j.io.ObdLog;
import io.ope4j.models.GradientBoostedTrees;
import io.ope4j.models.LogisticRegression;
import io.ope4j.models.RewardFeatures;
import io.ope4j.rewardmodel.CrossFittedModel;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.rewardmodel.RewardModelFitter;
import java.util.List;

/**
 * The reward models the CLI offers ({@code --reward-model}), from the {@code ope4j-models}
 * module, and the cross-fitting that serves them.
 */
final class RewardModels {

  static final String NONE = "none";
  static final List<String> NAMES = List.of(NONE, "logistic", "xgboost");

  /** OBP's OBD example: {@code LogisticRegression(C=100)} (examples/obd/conf/hyperparams.yaml). */
  static final double LOGISTIC_C = 100;

  private RewardModels() {}

  /**
   * The fitter called {@code name} for an Open Bandit Dataset log, with the features of OBP's
   * {@code RegressionModel} given an {@code action_context}: [context, item features of the
   * action] (no one-hot action), one model per slot.
   *
   * @throws IllegalArgumentException if the name is unknown
   */
  static RewardModelFitter fitter(String name, ObdLog log) {
    RewardFeatures features = RewardFeatures.defaults()
        .withActionContext(log.actionContext(), log.actionContextDim())
        .withoutActionOneHot()
        .withPositions(RewardFeatures.Positions.PER_POSITION);
    return switch (name) {
      case "logistic" -> LogisticRegression.withC(LOGISTIC_C).features(features);
      case "xgboost" -> GradientBoostedTrees.binary().features(features);
      default -> throw new IllegalArgumentException("--reward-model must be one of " + String.join(", ", NAMES)
          + ", got '" + name + "'");
    };
  }

  /** K-fold cross-fitting of {@code ope4j-models} ({@link CrossFittedModel}). */
  static CrossFitter crossFitter() {
    return (fitter, data, folds, seed) -> {
      fitter.validate(data);
      return CrossFittedModel.fit(fitter, data, CrossFitting.folds(folds, seed))
          .predictAll(data.contexts(), data.dim(), data.positions(), data.rows());
    };
  }
}
