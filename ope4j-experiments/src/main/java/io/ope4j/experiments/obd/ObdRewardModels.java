package io.ope4j.experiments.obd;

import io.ope4j.data.UsageException;
import io.ope4j.models.RewardModelSpec;

import io.ope4j.io.ObdLog;
import io.ope4j.rewardmodel.CrossFittedModel;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModelFitter;
import io.ope4j.models.RewardFeatures;
import io.ope4j.models.RewardModelFit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reward models of the Open Bandit Dataset experiment, from {@code ope4j-models}: a bare name
 * stands for the spec of OBP's example ({@code logistic} is {@code logistic:C=100}), and any other
 * text is a {@link io.ope4j.models.RewardModelSpec} spec (the grammar of {@code evaluate
 * --reward-model}, e.g. {@code logistic:C=1}); every model is fitted on the features of OBP's
 * {@code RegressionModel} given an {@code action_context}: [context, item features of the action]
 * (no one-hot action), one model per slot.
 */
public final class ObdRewardModels implements ObdExperiment.Models {

  /** The models of the ope4j-models library. */
  public static final ObdRewardModels LIBRARY = new ObdRewardModels();

  /** Name to spec, in the order they are offered. */
  private static final Map<String, String> SPECS = new LinkedHashMap<>();

  static {
    // OBP's OBD example: LogisticRegression(C=100) (examples/obd/conf/hyperparams.yaml)
    SPECS.put("logistic", "logistic:C=100");
    SPECS.put("xgboost", "xgboost");
  }

  private ObdRewardModels() {}

  @Override
  public List<String> names() {
    return List.copyOf(SPECS.keySet());
  }

  @Override
  public void check(String name) {
    if (!SPECS.containsKey(name)) {
      try {
        RewardModelSpec.parse(name, RewardFeatures.defaults(), 1);
      } catch (UsageException e) {
        throw new UsageException("--reward-model must be one of " + ObdExperiment.NO_MODEL + ", "
            + String.join(", ", names()) + " or a spec such as logistic:C=1, ridge:alpha=1, xgboost:rounds=50: "
            + e.getMessage(), e);
      }
    }
  }

  @Override
  public RewardModelFitter fitter(String name, ObdLog log) {
    String spec = SPECS.getOrDefault(name, name);
    RewardFeatures features = RewardFeatures.defaults()
        .withActionContext(log.actionContext(), log.actionContextDim())
        .withoutActionOneHot()
        .withPositions(RewardFeatures.Positions.PER_POSITION);
    return RewardModelFit.of(spec).features(features).fitter();
  }

  @Override
  public double[] crossFit(RewardModelFitter fitter, RewardData data, int folds, long seed) {
    return CrossFittedModel.fit(fitter, data, CrossFitting.folds(folds, seed))
        .predictAll(data.contexts(), data.dim(), data.positions(), data.rows());
  }
}
