package io.ope4j.experiments.obd;

import io.ope4j.io.ObdLog;
import io.ope4j.model.CrossFittedModel;
import io.ope4j.model.CrossFitting;
import io.ope4j.model.RewardData;
import io.ope4j.model.RewardModelFitter;
import io.ope4j.models.RewardFeatures;
import io.ope4j.models.RewardModelFit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reward models of the Open Bandit Dataset experiment, from {@code ope4j-models}: each name
 * stands for a {@link io.ope4j.models.RewardModelSpec} spec, fitted on the features of OBP's
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
  public RewardModelFitter fitter(String name, ObdLog log) {
    String spec = SPECS.get(name);
    if (spec == null) {
      throw new IllegalArgumentException("unknown reward model '" + name + "'; known: " + String.join(", ", names()));
    }
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
