package io.ope4j.models.sequential;

import io.ope4j.models.GradientBoostedTrees;
import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModel;

/**
 * Fitted Q evaluation with gradient-boosted trees (Le, Voloshin &amp; Yue 2019, Alg. 3;
 * d3rlpy's and SCOPE-RL's FQE with a tree regressor in place of a network): {@code iterations}
 * times, XGBoost ({@link GradientBoostedTrees}, squared error) is fitted on the training steps to
 * the targets {@code r + gamma sum_a' pi(a'|s') Q_k(s', a')} (r alone on an episode's last step),
 * with the state and the one-hot action as features, from {@code Q_0 = 0}. Trees have no fixed
 * point to solve for, so the number of iterations is the user's (about the effective horizon,
 * {@code 1 / (1 - gamma)}, is enough for the targets to reach the far rewards). No marginal ratios.
 */
public final class TreeFqe implements QFitter {

  private final int iterations;
  private final GradientBoostedTrees trees;

  private TreeFqe(int iterations, GradientBoostedTrees trees) {
    if (iterations < 1) {
      throw new IllegalArgumentException("fqe-trees: iterations must be >= 1, got " + iterations);
    }
    this.iterations = iterations;
    this.trees = trees;
  }

  /** {@code iterations} fits of {@code trees} (a squared-error regression). */
  public static TreeFqe of(int iterations, GradientBoostedTrees trees) {
    return new TreeFqe(iterations, trees);
  }

  @Override
  public String describe() {
    return "fqe-trees(" + iterations + " iterations of " + trees.describe() + ")";
  }

  @Override
  public boolean givesRatios() {
    return false;
  }

  @Override
  public int fit(TransitionLog log, int policy, double gamma, boolean[] train, boolean[] predict,
      double[] q, double[] ratio) {
    int width = log.width;
    int k = log.actions;
    int rows = 0;
    for (int e = 0; e < log.episodes; e++) {
      rows += train[e] ? log.start[e + 1] - log.start[e] : 0;
    }
    int[] index = new int[rows];
    double[] states = new double[rows * width];
    int[] actions = new int[rows];
    int filled = 0;
    for (int e = 0; e < log.episodes; e++) {
      for (int i = log.start[e]; train[e] && i < log.start[e + 1]; i++) {
        index[filled] = i;
        actions[filled] = log.action[i];
        System.arraycopy(log.state, i * width, states, filled * width, width);
        filled++;
      }
    }
    double[] current = new double[log.steps * k];
    double[] targets = new double[rows];
    for (int iteration = 0; iteration < iterations; iteration++) {
      for (int r = 0; r < rows; r++) {
        int i = index[r];
        int j = log.next(i, episodeOf(log, i));
        targets[r] = log.reward[i] + (j < 0 ? 0.0 : gamma * log.expected(policy, j, current));
      }
      RewardModel model = trees.fit(new RewardData(states, width, actions, null, targets, null, k));
      model.predict(log.state, width, null, log.steps, current);
    }
    for (int e = 0; e < log.episodes; e++) {
      if (predict[e]) {
        int from = log.start[e] * k;
        System.arraycopy(current, from, q, from, log.start[e + 1] * k - from);
      }
    }
    return 0;
  }

  private static int episodeOf(TransitionLog log, int row) {
    int index = java.util.Arrays.binarySearch(log.start, row);
    return index >= 0 ? index : -index - 2;
  }
}
