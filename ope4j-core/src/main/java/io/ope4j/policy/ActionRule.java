package io.ope4j.policy;

/**
 * Turns one row of action scores into action probabilities. Rules are immutable values; {@link
 * #apply} reads K scores and writes K probabilities that sum to 1. The same rules define the
 * synthetic bandit's policies ({@link io.ope4j.synthetic.PolicySpec}) and the policies scored by a
 * model ({@link ScoredPolicy}).
 */
public sealed interface ActionRule
    permits ActionRule.Argmax, ActionRule.EpsilonGreedy, ActionRule.Softmax, ActionRule.Uniform,
        ActionRule.Probabilities {

  /**
   * Writes the probabilities of row {@code row}'s K actions.
   *
   * @param scores K scores from {@code scoreFrom}; not modified (unless it is {@code out})
   * @param scoreFrom first score of the row
   * @param nActions K
   * @param out receives K probabilities from {@code outFrom}; modified (may be {@code scores}
   *     with {@code outFrom == scoreFrom})
   * @param outFrom first probability of the row
   * @param row the row's index, for error messages
   * @throws IllegalArgumentException if a score is not finite, or (for {@link Probabilities}) the
   *     values are not a probability vector
   */
  void apply(double[] scores, int scoreFrom, int nActions, double[] out, int outFrom, long row);

  /** {@link #apply(double[], int, int, double[], int, long)} with the probabilities at the scores' offset. */
  default void apply(double[] scores, int offset, int nActions, double[] out, long row) {
    apply(scores, offset, nActions, out, offset, row);
  }

  /** A short name for output, e.g. {@code softmax(temperature=0.5)}. */
  String describe();

  /** The deterministic greedy rule. */
  static ActionRule argmax() {
    return new Argmax();
  }

  /** Epsilon-greedy with exploration probability {@code epsilon} in [0, 1]. */
  static ActionRule epsilonGreedy(double epsilon) {
    return new EpsilonGreedy(epsilon);
  }

  /** Softmax (Gibbs / Boltzmann) with temperature {@code temperature > 0}. */
  static ActionRule softmax(double temperature) {
    return new Softmax(temperature);
  }

  /** Every action with probability 1 / K, whatever the scores. */
  static ActionRule uniform() {
    return new Uniform();
  }

  /** The scores are already probabilities (e.g. a network's softmax output). */
  static ActionRule probabilities() {
    return new Probabilities();
  }

  /**
   * All mass on the highest score; ties go to the lowest action index (as {@code numpy.argmax}
   * breaks them), so the policy is deterministic.
   */
  record Argmax() implements ActionRule {
    @Override
    public void apply(double[] scores, int scoreFrom, int nActions, double[] out, int outFrom, long row) {
      // Greedy selection A = argmax_a Q(a): Sutton & Barto 2018, eq. 2.2.
      int best = argmax(scores, scoreFrom, nActions, row);
      for (int a = 0; a < nActions; a++) {
        out[outFrom + a] = a == best ? 1.0 : 0.0;
      }
    }

    @Override
    public String describe() {
      return "argmax";
    }
  }

  /**
   * With probability epsilon a uniformly random action, otherwise the argmax (lowest index on
   * ties): {@code pi(a) = epsilon / K + (1 - epsilon) 1[a = argmax]}.
   */
  record EpsilonGreedy(double epsilon) implements ActionRule {
    public EpsilonGreedy {
      if (!(epsilon >= 0.0 && epsilon <= 1.0)) {
        throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
      }
    }

    @Override
    public void apply(double[] scores, int scoreFrom, int nActions, double[] out, int outFrom, long row) {
      // Sutton & Barto, Reinforcement Learning: An Introduction, 2nd ed. 2018, sec. 2.2-2.3.
      int best = argmax(scores, scoreFrom, nActions, row);
      double explore = epsilon / nActions;
      for (int a = 0; a < nActions; a++) {
        out[outFrom + a] = a == best ? explore + (1.0 - epsilon) : explore;
      }
    }

    @Override
    public String describe() {
      return "epsilon-greedy(epsilon=" + epsilon + ")";
    }
  }

  /**
   * {@code pi(a) = exp(s_a / T) / sum_b exp(s_b / T)}, computed with the largest score
   * subtracted first so that no exponential overflows.
   */
  record Softmax(double temperature) implements ActionRule {
    public Softmax {
      if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
        throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
      }
    }

    @Override
    public void apply(double[] scores, int scoreFrom, int nActions, double[] out, int outFrom, long row) {
      // Sutton & Barto 2018, eq. 13.2 (soft-max in action preferences) with a temperature.
      double max = scores[scoreFrom + argmax(scores, scoreFrom, nActions, row)];
      double total = 0.0;
      for (int a = 0; a < nActions; a++) {
        // StrictMath: the probabilities (hence a simulator's logged actions) are the same on every platform.
        double e = StrictMath.exp((scores[scoreFrom + a] - max) / temperature);
        out[outFrom + a] = e;
        total += e;
      }
      for (int a = 0; a < nActions; a++) {
        out[outFrom + a] /= total;
      }
    }

    @Override
    public String describe() {
      return "softmax(temperature=" + temperature + ")";
    }
  }

  /** {@code pi(a) = 1 / K}: the scores are ignored. */
  record Uniform() implements ActionRule {
    @Override
    public void apply(double[] scores, int scoreFrom, int nActions, double[] out, int outFrom, long row) {
      double probability = 1.0 / nActions;
      for (int a = 0; a < nActions; a++) {
        out[outFrom + a] = probability;
      }
    }

    @Override
    public String describe() {
      return "uniform";
    }
  }

  /**
   * The scores are probabilities: each in [0, 1] (within {@value #TOLERANCE}) and summing to 1
   * within {@value #TOLERANCE} (models often compute in single precision). Values just below 0
   * become 0 and the row is divided by its sum, so it sums to 1 in double precision.
   */
  record Probabilities() implements ActionRule {
    /** Tolerance on probabilities computed in single precision by a model. */
    public static final double TOLERANCE = 1e-4;

    @Override
    public void apply(double[] scores, int scoreFrom, int nActions, double[] out, int outFrom, long row) {
      double total = 0.0;
      for (int a = 0; a < nActions; a++) {
        double p = scores[scoreFrom + a];
        if (!(p >= -TOLERANCE && p <= 1.0 + TOLERANCE)) {
          throw new IllegalArgumentException("row " + row + ": the model's output for action " + a
              + " is not a probability: " + p + " (use \"output\": \"scores\" for unnormalised scores)");
        }
        total += Math.max(0.0, p);
      }
      if (Math.abs(total - 1.0) > TOLERANCE) {
        throw new IllegalArgumentException("row " + row + ": the model's probabilities sum to " + total
            + ", not 1 (use \"output\": \"scores\" for unnormalised scores)");
      }
      for (int a = 0; a < nActions; a++) {
        out[outFrom + a] = Math.max(0.0, scores[scoreFrom + a]) / total;
      }
    }

    @Override
    public String describe() {
      return "probabilities";
    }
  }

  /** Index of the largest score, lowest on ties. */
  private static int argmax(double[] scores, int offset, int nActions, long row) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < nActions; a++) {
      double s = scores[offset + a];
      if (!Double.isFinite(s)) {
        throw new IllegalArgumentException("row " + row + ": the score of action " + a + " is " + s);
      }
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
    return best;
  }
}
