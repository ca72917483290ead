package io.ope4j.environment;

import java.util.SplittableRandom;

/**
 * The Q-hat and V-hat columns a simulated trajectory log carries for one evaluation policy: the
 * environment's exact {@code Q^pi(s, a)} per step ({@link TabularMdp#qValuesByStep}), optionally
 * with a fixed Gaussian error per (step, state, action) drawn once from a seed, a wrong model that
 * stays the same wherever it is used (so DM is biased by it while DR is not). {@code V-hat(s) =
 * sum_a pi(a|s) Q-hat(s, a)}. Immutable.
 */
public final class ActionValueColumns {

  private final double[][][] q;
  private final double[][] v;

  private ActionValueColumns(double[][][] q, double[][] v) {
    this.q = q;
    this.v = v;
  }

  /**
   * @param policy the evaluation policy {@code [s][a]} whose values are written
   * @param noiseSd the standard deviation of the error added to each Q, 0 for the exact values
   * @param seed the seed of the error
   */
  public static ActionValueColumns of(TabularMdp mdp, double[][] policy, double gamma,
      double noiseSd, long seed) {
    if (!(noiseSd >= 0) || Double.isInfinite(noiseSd)) {
      throw new IllegalArgumentException("the Q noise must be a finite standard deviation >= 0, got "
          + noiseSd);
    }
    double[][][] q = mdp.qValuesByStep(policy, gamma);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] v = new double[q.length][];
    for (int t = 0; t < q.length; t++) {
      for (int s = 0; s < q[t].length; s++) {
        for (int a = 0; a < q[t][s].length && noiseSd > 0; a++) {
          q[t][s][a] += noiseSd * random.nextGaussian();
        }
      }
      v[t] = TabularMdp.expected(policy, q[t]);
    }
    return new ActionValueColumns(q, v);
  }

  /** Q-hat of every action in {@code state} at step {@code step} (the last table past the horizon). */
  public double[] q(int step, int state) {
    return q[Math.min(step, q.length - 1)][state];
  }

  /** V-hat of {@code state} at step {@code step}. */
  public double v(int step, int state) {
    return v[Math.min(step, v.length - 1)][state];
  }
}
