package io.ope4j.models;

import io.ope4j.internal.spec.KeyValueSpec;
import io.ope4j.rewardmodel.RewardModelFitter;
import java.util.Locale;

/**
 * The reward-model spec grammar: {@code kind[:name=value]...} (a {@code ;} separates too), e.g.
 * {@code logistic:C=1}, {@code ridge:alpha=10}, {@code xgboost:objective=regression:rounds=50}.
 *
 * <ul>
 *   <li>{@code logistic[:C=1]}: {@link LogisticRegression} (binary rewards);
 *   <li>{@code ridge[:alpha=1]}: {@link RidgeRegression};
 *   <li>{@code xgboost[:objective=binary|regression][:rounds=100][:depth=6][:eta=0.1][:threads=1][:seed=0]}:
 *       {@link GradientBoostedTrees}.
 * </ul>
 */
public final class RewardModelSpec {

  private RewardModelSpec() {}

  /**
   * The fitter of {@code spec} with the given features; {@code threads} serves the linear fits
   * (the trees take theirs from the spec).
   *
   * @throws IllegalArgumentException on an unknown kind or parameter, or a value that is not a
   *     number; the message starts with {@code reward model '<spec>': }
   */
  public static RewardModelFitter parse(String spec, RewardFeatures features, int threads) {
    KeyValueSpec parsed = KeyValueSpec.parse(spec, "reward model", "parameter");
    RewardModelFitter fitter = switch (parsed.id()) {
      case "logistic" -> LogisticRegression.withC(parsed.number("c", "C", 1.0)).threads(threads).features(features);
      case "ridge" -> RidgeRegression.withAlpha(parsed.number("alpha", "alpha", 1.0)).threads(threads)
          .features(features);
      case "xgboost" -> trees(parsed).features(features);
      default -> throw parsed.error("unknown model '" + parsed.id() + "'; known: logistic, ridge, xgboost");
    };
    parsed.requireNoneLeft();
    return fitter;
  }

  private static GradientBoostedTrees trees(KeyValueSpec spec) {
    String objective = spec.take("objective");
    objective = objective == null ? "binary" : objective.toLowerCase(Locale.ROOT);
    GradientBoostedTrees trees = switch (objective) {
      case "binary" -> GradientBoostedTrees.binary();
      case "regression" -> GradientBoostedTrees.regression();
      default -> throw spec.error("objective must be binary or regression, got '" + objective + "'");
    };
    return trees.rounds((int) spec.number("rounds", "rounds", 100))
        .maxDepth((int) spec.number("depth", "depth", 6))
        .learningRate(spec.number("eta", "eta", 0.1))
        .threads((int) spec.number("threads", "threads", 1))
        .seed((long) spec.number("seed", "seed", 0));
  }
}
