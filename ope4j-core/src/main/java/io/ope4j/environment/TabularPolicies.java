package io.ope4j.environment;

import java.util.Locale;

/**
 * Stochastic policies over a tabular environment's states, from scores per (state, action):
 * {@code uniform}, {@code greedy}, {@code epsilon-greedy:E} (greedy with probability 1 - E, else
 * uniform; Sutton &amp; Barto 2018, §2.2) and {@code softmax:T} (probabilities proportional to
 * exp(score / T); Sutton &amp; Barto 2018, §2.8). Over an MDP the scores are its mean rewards, or
 * with the suffix {@code @q} its optimal Q ({@link TabularMdp#optimalQ}); {@code optimal} is
 * {@code greedy@q}.
 */
public final class TabularPolicies {

  private TabularPolicies() {}

  /**
   * The policy {@code spec} names, as probabilities {@code [s][a]}.
   *
   * @throws io.ope4j.data.UsageException naming the spec if it is not one of the forms above
   */
  public static double[][] parse(String spec, double[][] scores) {
    String text = spec.trim().toLowerCase(Locale.ROOT);
    int colon = text.indexOf(':');
    String kind = colon < 0 ? text : text.substring(0, colon);
    double parameter = Double.NaN;
    if (colon >= 0) {
      try {
        parameter = Double.parseDouble(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        parameter = Double.NaN;
      }
    }
    return switch (kind) {
      case "uniform" -> epsilonGreedy(scores, 1.0);
      case "greedy" -> epsilonGreedy(scores, 0.0);
      case "epsilon-greedy" -> {
        if (!(parameter >= 0 && parameter <= 1)) {
          throw new io.ope4j.data.UsageException("policy '" + spec + "': epsilon-greedy:E needs E in [0, 1]");
        }
        yield epsilonGreedy(scores, parameter);
      }
      case "softmax" -> {
        if (!(parameter > 0) || Double.isInfinite(parameter)) {
          throw new io.ope4j.data.UsageException("policy '" + spec + "': softmax:T needs a finite T > 0");
        }
        yield softmax(scores, parameter);
      }
      default -> throw new io.ope4j.data.UsageException("unknown policy '" + spec
          + "'; known: uniform, greedy, epsilon-greedy:E, softmax:T, optimal, and POLICY@q over an MDP");
    };
  }

  /**
   * The policy {@code spec} names over {@code mdp}: scored by mean rewards, or by the optimal Q at
   * discount {@code gamma} for {@code optimal} and a spec ending in {@code @q}.
   */
  public static double[][] parse(String spec, TabularMdp mdp, double gamma) {
    String text = spec.trim().toLowerCase(Locale.ROOT);
    if (text.equals("optimal")) {
      return parse("greedy", mdp.optimalQ(gamma));
    }
    if (text.endsWith("@q")) {
      return parse(text.substring(0, text.length() - 2), mdp.optimalQ(gamma));
    }
    return parse(spec, mdp.meanRewards());
  }

  private static double[][] epsilonGreedy(double[][] scores, double epsilon) {
    double[][] policy = new double[scores.length][];
    for (int s = 0; s < scores.length; s++) {
      int k = scores[s].length;
      int best = 0;
      for (int a = 1; a < k; a++) {
        if (scores[s][a] > scores[s][best]) {
          best = a;
        }
      }
      policy[s] = new double[k];
      for (int a = 0; a < k; a++) {
        policy[s][a] = epsilon / k + (a == best ? 1 - epsilon : 0);
      }
    }
    return policy;
  }

  private static double[][] softmax(double[][] scores, double temperature) {
    double[][] policy = new double[scores.length][];
    for (int s = 0; s < scores.length; s++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double score : scores[s]) {
        max = Math.max(max, score);
      }
      policy[s] = new double[scores[s].length];
      double sum = 0;
      for (int a = 0; a < scores[s].length; a++) {
        policy[s][a] = Math.exp((scores[s][a] - max) / temperature);
        sum += policy[s][a];
      }
      for (int a = 0; a < scores[s].length; a++) {
        policy[s][a] /= sum;
      }
    }
    return policy;
  }
}
