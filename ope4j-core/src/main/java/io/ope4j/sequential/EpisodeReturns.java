package io.ope4j.sequential;

import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * What the distributional estimators need of each episode, held in memory as primitive columns
 * (three doubles per episode and policy, one per episode for the returns): the discounted return
 * {@code G_i}, the undiscounted sum of rewards, and per policy the trajectory weight {@code W_i =
 * prod_t pi(a_t|s_t) / pi_b(a_t|s_t)} and the model's {@code V-hat(s_0)} (NaN without a model).
 * The return of a distribution is not a sum over episodes, so unlike {@link SequentialState} this
 * cannot be folded into running sums: the CDF estimators sort or bin these values afterwards.
 *
 * @param names the evaluation policies, in the order of the per-policy columns
 * @param discountedReturn {@code G_i} per episode, in log order
 * @param undiscountedReturn {@code sum_t r_t} per episode
 * @param weight per policy, {@code W_i}
 * @param initialValue per policy, {@code V-hat(s_{i,0})}
 */
public record EpisodeReturns(List<String> names, double[] discountedReturn,
    double[] undiscountedReturn, double[][] weight, double[][] initialValue) {

  public EpisodeReturns {
    names = List.copyOf(names);
  }

  /** Number of episodes. */
  public int episodes() {
    return discountedReturn.length;
  }

  /**
   * Reads every episode of {@code source}.
   *
   * @param gamma discount in [0, 1]
   * @param discountFromGamma true for SCOPE-RL's coded return {@code sum_t gamma^(t+1) r_t}, false
   *     for {@code sum_t gamma^t r_t}
   * @param horizonCap steps of each episode used, or 0 for all
   * @throws InvalidDataException on bad input or if there is no episode
   */
  public static EpisodeReturns collect(EpisodeSource source, double gamma,
      boolean discountFromGamma, int horizonCap) throws IOException {
    int policies = source.policyNames().size();
    EpisodeSteps episode = new EpisodeSteps(policies);
    int n = 0;
    double[] discounted = new double[1024];
    double[] undiscounted = new double[1024];
    double[][] weights = new double[policies][1024];
    double[][] initial = new double[policies][1024];
    while (source.next(episode)) {
      if (horizonCap > 0) {
        episode.truncate(horizonCap);
      }
      if (n == discounted.length) {
        discounted = Arrays.copyOf(discounted, 2 * n);
        undiscounted = Arrays.copyOf(undiscounted, 2 * n);
        for (int p = 0; p < policies; p++) {
          weights[p] = Arrays.copyOf(weights[p], 2 * n);
          initial[p] = Arrays.copyOf(initial[p], 2 * n);
        }
      }
      int length = episode.length();
      // SCOPE-RL's CD estimators take the cumulative product of gamma without dividing by gamma
      double discount = discountFromGamma ? gamma : 1.0;
      double sum = 0.0;
      double plain = 0.0;
      for (int t = 0; t < length; t++) {
        sum += discount * episode.reward[t];
        plain += episode.reward[t];
        discount *= gamma;
      }
      discounted[n] = sum;
      undiscounted[n] = plain;
      for (int p = 0; p < policies; p++) {
        // SCOPE-RL: a cumulative product of pi divided by a cumulative product of pi_b
        double pi = 1.0;
        double behaviour = 1.0;
        for (int t = 0; t < length; t++) {
          pi *= episode.pi[p][t];
          behaviour *= episode.pscore[t];
        }
        weights[p][n] = length == 0 ? 1.0 : pi / behaviour;
        initial[p][n] = length == 0 ? Double.NaN : episode.vHat[p][0];
      }
      n++;
    }
    if (n == 0) {
      throw new InvalidDataException(source.name(), -1, null, "no episodes");
    }
    for (int p = 0; p < policies; p++) {
      weights[p] = Arrays.copyOf(weights[p], n);
      initial[p] = Arrays.copyOf(initial[p], n);
    }
    return new EpisodeReturns(source.policyNames(), Arrays.copyOf(discounted, n),
        Arrays.copyOf(undiscounted, n), weights, initial);
  }
}
