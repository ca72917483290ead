package io.ope4j.cli;

import io.ope4j.io.ObdLog;
import io.ope4j.model.RewardModelFitter;
import java.util.List;

/**
 * The reward models the CLI offers ({@code --reward-model}), and the cross-fitting that serves
 * them. They come from the {@code ope4j-models} module, which is not merged into this branch
 * yet: until it is, asking for a model is a usage error (exit 2) saying so, and the obd command
 * runs the model-free estimators. Wiring it is these two methods.
 */
final class RewardModels {

  static final String NONE = "none";
  static final List<String> NAMES = List.of(NONE, "logistic", "xgboost");

  private RewardModels() {}

  /**
   * The fitter called {@code name} for an Open Bandit Dataset log: features = [context, item
   * features of the action], one model per slot, like OBP's {@code RegressionModel} with its
   * {@code action_context}; logistic = LogisticRegression(C=100) as in OBP's OBD example.
   *
   * @throws IllegalArgumentException if the name is unknown or the model is not available
   */
  static RewardModelFitter fitter(String name, ObdLog log) {
    if (!NAMES.contains(name) || name.equals(NONE)) {
      throw new IllegalArgumentException("--reward-model must be one of " + String.join(", ", NAMES) + ", got '"
          + name + "'");
    }
    throw new IllegalArgumentException("--reward-model " + name + " needs the ope4j-models module, which this"
        + " build does not include yet; run without --reward-model (model-free estimators ipw, snipw)");
  }

  /** The cross-fitting of {@code ope4j-models}. */
  static CrossFitter crossFitter() {
    throw new IllegalArgumentException("cross-fitted reward models need the ope4j-models module, which this build"
        + " does not include yet");
  }
}
