package io.ope4j.models;

import io.ope4j.rewardmodel.RewardData;

/** The fitting procedure shared by {@link LogisticRegression} and {@link RidgeRegression}. */
final class LinearFits {

  private LinearFits() {}

  static void checkWeights(RewardData data) {
    double[] weights = data.sampleWeights();
    if (weights == null) {
      return;
    }
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0.0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("sample weight of row " + (i + 1) + " must be finite and >= 0, got "
            + weights[i]);
      }
    }
  }

  static void checkRewards(RewardData data, boolean binary) {
    double[] rewards = data.rewards();
    for (int i = 0; i < rewards.length; i++) {
      double r = rewards[i];
      if (binary ? !(r == 0.0 || r == 1.0) : !Double.isFinite(r)) {
        throw new io.ope4j.data.UsageException(binary
            ? "logistic regression needs binary rewards (0 or 1), but row " + (i + 1) + " has reward " + r
                + "; for continuous rewards use ridge regression (or trees with reg:squarederror)"
            : "row " + (i + 1) + " has a non-finite reward " + r);
      }
    }
  }

  static LinearRewardModel fit(GlmSolver.Family family, double lambda, RewardFeatures features, RewardData data,
      int threads, double tolerance) {
    boolean logistic = family == GlmSolver.Family.LOGISTIC;
    checkWeights(data);
    checkRewards(data, logistic);
    int n = data.rows();
    FeatureLayout layout = new FeatureLayout(features, data.nActions(), data.dim(), data.positions(), 0);
    for (int i = 0; i < n; i++) {
      int a = data.actions()[i];
      if (a < 0 || a >= data.nActions()) {
        throw new io.ope4j.data.UsageException("row " + (i + 1) + ": action " + a + " outside [0, " + data.nActions() + ")");
      }
    }
    int groups = layout.groups();
    int[] counts = new int[groups];
    int[] groupOf = new int[n];
    for (int i = 0; i < n; i++) {
      int p = layout.usePositions ? data.positions()[i] : 0;
      groupOf[i] = layout.group(data.actions()[i], p);
      counts[groupOf[i]]++;
    }
    int[][] rows = new int[groups][];
    for (int g = 0; g < groups; g++) {
      rows[g] = new int[counts[g]];
    }
    int[] filled = new int[groups];
    double totalWeight = 0.0;
    double totalReward = 0.0;
    double[] groupWeight = new double[groups];
    double[] groupReward = new double[groups];
    for (int i = 0; i < n; i++) {
      int g = groupOf[i];
      rows[g][filled[g]++] = i;
      double s = data.sampleWeights() == null ? 1.0 : data.sampleWeights()[i];
      groupWeight[g] += s;
      groupReward[g] += s * data.rewards()[i];
      totalWeight += s;
      totalReward += s * data.rewards()[i];
    }
    // A group with no usable row predicts the weighted mean reward of all rows (0 if none has weight).
    double fallback = totalWeight > 0 ? totalReward / totalWeight : 0.0;
    double[][] coefficients = new double[groups][];
    double[] constants = new double[groups];
    try (Parallel parallel = new Parallel(threads)) {
      for (int g = 0; g < groups; g++) {
        if (!(groupWeight[g] > 0.0)) {
          constants[g] = fallback;
          continue;
        }
        double mean = groupReward[g] / groupWeight[g];
        if (logistic && (mean <= 0.0 || mean >= 1.0)) {
          // All rewards equal: the penalised likelihood's infimum is the constant model q = mean
          // (the intercept diverges); scikit-learn refuses such data outright.
          constants[g] = mean <= 0.0 ? 0.0 : 1.0;
          continue;
        }
        double[] start = new double[layout.size];
        if (logistic) {
          start[0] = Math.log(mean / (1.0 - mean));
        }
        GlmSolver solver = new GlmSolver(family, data, layout, rows[g], lambda, parallel, tolerance);
        coefficients[g] = solver.fit(start);
      }
    }
    return new LinearRewardModel(layout, logistic, coefficients, constants);
  }

  static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }
}
