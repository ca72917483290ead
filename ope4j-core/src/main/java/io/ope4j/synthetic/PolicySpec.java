package io.ope4j.synthetic;

/**
 * A named policy of the synthetic bandit, defined on the standardised expected reward {@code
 * z(x, a) = mu(x, a) / sigma_mu} of each action (see {@link SyntheticConfig} for {@code
 * sigma_mu}). Dividing by {@code sigma_mu} makes a temperature mean the same thing whatever the
 * scale of the rewards: at temperature 1 the logits have about unit spread.
 *
 * <p>The name becomes the column prefix {@code pi_<name>_} of a written log (formats.md), so it
 * is restricted to letters, digits, {@code _} and {@code -}.
 */
public sealed interface PolicySpec
    permits PolicySpec.Softmax, PolicySpec.EpsilonGreedy, PolicySpec.Argmax, PolicySpec.Uniform {

  /** The policy's name, unique within a configuration. */
  String name();

  /**
   * Writes the policy's probabilities of the {@code nActions} actions of one context.
   *
   * @param score standardised expected rewards {@code z(x, a)}, {@code nActions} values from
   *     {@code scoreFrom}; not modified
   * @param out receives the probabilities at {@code outFrom..outFrom + nActions - 1}; modified
   */
  void probabilities(double[] score, int scoreFrom, int nActions, double[] out, int outFrom);

  /** Softmax named {@code softmax}. */
  static Softmax softmax(double temperature) {
    return new Softmax("softmax", temperature);
  }

  static Softmax softmax(String name, double temperature) {
    return new Softmax(name, temperature);
  }

  /** Epsilon-greedy named {@code egreedy}. */
  static EpsilonGreedy epsilonGreedy(double epsilon) {
    return new EpsilonGreedy("egreedy", epsilon);
  }

  static EpsilonGreedy epsilonGreedy(String name, double epsilon) {
    return new EpsilonGreedy(name, epsilon);
  }

  /** The deterministic greedy policy named {@code argmax}. */
  static Argmax argmax() {
    return new Argmax("argmax");
  }

  static Argmax argmax(String name) {
    return new Argmax(name);
  }

  /** The uniform policy named {@code uniform}. */
  static Uniform uniform() {
    return new Uniform("uniform");
  }

  static Uniform uniform(String name) {
    return new Uniform(name);
  }

  /**
   * {@code pi(a | x) = exp(z(x, a) / temperature) / sum_b exp(z(x, b) / temperature)}, computed
   * after subtracting the row maximum so that no exponential overflows.
   *
   * @param temperature finite and positive; small values approach {@link Argmax}, large ones
   *     {@link Uniform}
   */
  record Softmax(String name, double temperature) implements PolicySpec {
    public Softmax {
      checkName(name);
      if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
        throw new IllegalArgumentException(
            "policy " + name + ": temperature must be finite and positive, got " + temperature);
      }
    }

    @Override
    public void probabilities(
        double[] score, int scoreFrom, int nActions, double[] out, int outFrom) {
      double max = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < nActions; a++) {
        max = Math.max(max, score[scoreFrom + a]);
      }
      double total = 0.0;
      for (int a = 0; a < nActions; a++) {
        // StrictMath: the probabilities, hence the logged actions, are the same on every platform.
        double weight = StrictMath.exp((score[scoreFrom + a] - max) / temperature);
        out[outFrom + a] = weight;
        total += weight;
      }
      for (int a = 0; a < nActions; a++) {
        out[outFrom + a] /= total;
      }
    }
  }

  /**
   * {@code pi(a | x) = epsilon / K + (1 - epsilon) [a = argmax_b z(x, b)]}; ties go to the lowest
   * action index.
   *
   * @param epsilon in [0, 1]
   */
  record EpsilonGreedy(String name, double epsilon) implements PolicySpec {
    public EpsilonGreedy {
      checkName(name);
      if (!(epsilon >= 0.0 && epsilon <= 1.0)) {
        throw new IllegalArgumentException(
            "policy " + name + ": epsilon must be in [0, 1], got " + epsilon);
      }
    }

    @Override
    public void probabilities(
        double[] score, int scoreFrom, int nActions, double[] out, int outFrom) {
      double explore = epsilon / nActions;
      for (int a = 0; a < nActions; a++) {
        out[outFrom + a] = explore;
      }
      out[outFrom + best(score, scoreFrom, nActions)] += 1.0 - epsilon;
    }
  }

  /** {@code pi(a | x) = [a = argmax_b z(x, b)]}; ties go to the lowest action index. */
  record Argmax(String name) implements PolicySpec {
    public Argmax {
      checkName(name);
    }

    @Override
    public void probabilities(
        double[] score, int scoreFrom, int nActions, double[] out, int outFrom) {
      for (int a = 0; a < nActions; a++) {
        out[outFrom + a] = 0.0;
      }
      out[outFrom + best(score, scoreFrom, nActions)] = 1.0;
    }
  }

  /** {@code pi(a | x) = 1 / K}. */
  record Uniform(String name) implements PolicySpec {
    public Uniform {
      checkName(name);
    }

    @Override
    public void probabilities(
        double[] score, int scoreFrom, int nActions, double[] out, int outFrom) {
      double probability = 1.0 / nActions;
      for (int a = 0; a < nActions; a++) {
        out[outFrom + a] = probability;
      }
    }
  }

  /** Index (from 0) of the first maximum of {@code nActions} scores from {@code scoreFrom}. */
  private static int best(double[] score, int scoreFrom, int nActions) {
    int best = 0;
    for (int a = 1; a < nActions; a++) {
      if (score[scoreFrom + a] > score[scoreFrom + best]) {
        best = a;
      }
    }
    return best;
  }

  private static void checkName(String name) {
    boolean valid = name != null && !name.isEmpty();
    for (int i = 0; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-';
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "policy name must be 1 or more ASCII letters, digits, '_' or '-', got " + name);
    }
  }
}
