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
   * A parsed policy rule: from the scores of the actions in one state, their probabilities.
   *
   * @param kind uniform, epsilon-greedy (greedy is epsilon 0) or softmax
   * @param parameter epsilon or the temperature
   */
  public record Rule(String kind, double parameter) {

    /** Writes the probabilities of the actions with scores {@code scores} into {@code out}. */
    public void probabilities(double[] scores, double[] out) {
      if (kind.equals("softmax")) {
        softmax(scores, parameter, out);
      } else {
        epsilonGreedy(scores, kind.equals("uniform") ? 1.0 : parameter, out);
      }
    }
  }

  /**
   * The rule {@code spec} names.
   *
   * @throws io.ope4j.data.UsageException naming the spec if it is not one of the forms above
   */
  public static Rule rule(String spec) {
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
      case "uniform" -> new Rule("uniform", 1.0);
      case "greedy" -> new Rule("epsilon-greedy", 0.0);
      case "epsilon-greedy" -> {
        if (!(parameter >= 0 && parameter <= 1)) {
          throw new io.ope4j.data.UsageException("policy '" + spec + "': epsilon-greedy:E needs E in [0, 1]");
        }
        yield new Rule("epsilon-greedy", parameter);
      }
      case "softmax" -> {
        if (!(parameter > 0) || Double.isInfinite(parameter)) {
          throw new io.ope4j.data.UsageException("policy '" + spec + "': softmax:T needs a finite T > 0");
        }
        yield new Rule("softmax", parameter);
      }
      default -> throw new io.ope4j.data.UsageException("unknown policy '" + spec
          + "'; known: uniform, greedy, epsilon-greedy:E, softmax:T, optimal, and POLICY@q over an MDP");
    };
  }

  /**
   * The policy {@code spec} names, as probabilities {@code [s][a]}.
   *
   * @throws io.ope4j.data.UsageException naming the spec if it is not one of the forms above
   */
  public static double[][] parse(String spec, double[][] scores) {
    Rule rule = rule(spec);
    double[][] policy = new double[scores.length][];
    for (int s = 0; s < scores.length; s++) {
      policy[s] = new double[scores[s].length];
      rule.probabilities(scores[s], policy[s]);
    }
    return policy;
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

  private static void epsilonGreedy(double[] scores, double epsilon, double[] out) {
    int k = scores.length;
    int best = 0;
    for (int a = 1; a < k; a++) {
      if (scores[a] > scores[best]) {
        best = a;
      }
    }
    for (int a = 0; a < k; a++) {
      out[a] = epsilon / k + (a == best ? 1 - epsilon : 0);
    }
  }

  private static void softmax(double[] scores, double temperature, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (double score : scores) {
      max = Math.max(max, score);
    }
    double sum = 0;
    for (int a = 0; a < scores.length; a++) {
      out[a] = Math.exp((scores[a] - max) / temperature);
      sum += out[a];
    }
    for (int a = 0; a < scores.length; a++) {
      out[a] /= sum;
    }
  }
}
