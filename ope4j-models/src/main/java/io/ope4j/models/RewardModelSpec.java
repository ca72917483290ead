package io.ope4j.models;

import io.ope4j.data.UsageException;
import io.ope4j.model.RewardModelFitter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
    String[] parts = spec.trim().split("[:;]");
    String kind = parts[0].trim().toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] pair = parts[i].split("=", 2);
      if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
        throw bad(spec, "parameters are written name=value, got '" + parts[i] + "'");
      }
      params.put(pair[0].trim().toLowerCase(Locale.ROOT), pair[1].trim());
    }
    RewardModelFitter fitter = switch (kind) {
      case "logistic" -> LogisticRegression.withC(number(spec, params.remove("c"), 1.0, "C")).threads(threads)
          .features(features);
      case "ridge" -> RidgeRegression.withAlpha(number(spec, params.remove("alpha"), 1.0, "alpha")).threads(threads)
          .features(features);
      case "xgboost" -> trees(spec, params).features(features);
      default -> throw bad(spec, "unknown model '" + parts[0] + "'; known: logistic, ridge, xgboost");
    };
    if (!params.isEmpty()) {
      throw bad(spec, "unknown parameter '" + params.keySet().iterator().next() + "' for " + kind);
    }
    return fitter;
  }

  private static GradientBoostedTrees trees(String spec, Map<String, String> params) {
    String objective = params.getOrDefault("objective", "binary").toLowerCase(Locale.ROOT);
    params.remove("objective");
    GradientBoostedTrees trees = switch (objective) {
      case "binary", "binary:logistic" -> GradientBoostedTrees.binary();
      case "regression", "reg:squarederror" -> GradientBoostedTrees.regression();
      default -> throw bad(spec, "objective must be binary or regression, got '" + objective + "'");
    };
    return trees.rounds((int) number(spec, params.remove("rounds"), 100, "rounds"))
        .maxDepth((int) number(spec, params.remove("depth"), 6, "depth"))
        .learningRate(number(spec, params.remove("eta"), 0.1, "eta"))
        .threads((int) number(spec, params.remove("threads"), 1, "threads"))
        .seed((long) number(spec, params.remove("seed"), 0, "seed"));
  }

  private static double number(String spec, String text, double fallback, String name) {
    if (text == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw bad(spec, name + " must be a number, got '" + text + "'");
    }
  }

  private static UsageException bad(String spec, String problem) {
    return new UsageException("reward model '" + spec + "': " + problem);
  }
}
