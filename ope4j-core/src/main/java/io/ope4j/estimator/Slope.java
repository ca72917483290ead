package io.ope4j.estimator;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * SLOPE (Su, Srinath & Krishnamurthy 2020, "Adaptive Estimator Selection for Off-Policy
 * Evaluation", Alg. 1), in the form Open Bandit Pipeline 0.5.5 applies it (its {@code *Tuning}
 * classes, after Tucker & Lee 2021): with {@code cnf_j = stderr_j * t_{n-1}(1 - delta)}, visit the
 * candidates in decreasing {@code cnf} (a stable ascending sort, reversed, as numpy's argsort does
 * on short arrays) and accept each while {@code |theta_j - theta_now| <= cnf_now + (sqrt 6 - 1)
 * cnf_j} for every accepted j; at the first failure report the previously accepted one, else the
 * last. Used by every tuned estimator: the bandit families' lambda and the continuous-action
 * kernels' bandwidth.
 */
public final class Slope {

  private static final double SQRT6_MINUS_1 = Math.sqrt(6) - 1;

  private Slope() {}

  /**
   * The index of the candidate SLOPE picks.
   *
   * @param values each candidate's point estimate; not modified
   * @param stderrs each candidate's standard error; not modified
   * @param rows the rows the estimates are over (the t quantile's degrees of freedom + 1)
   * @param delta the confidence parameter of the widths, in (0, 1)
   */
  public static int choose(double[] values, double[] stderrs, long rows, double delta) {
    int count = values.length;
    double quantile = new TDistribution(rows - 1, 1e-14).inverseCumulativeProbability(1 - delta);
    double[] width = new double[count];
    Integer[] order = new Integer[count];
    for (int j = 0; j < count; j++) {
      width[j] = stderrs[j] * quantile;
      order[j] = j;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(width[a], width[b])); // stable
    int previous = -1;
    for (int visit = count - 1; visit >= 0; visit--) {
      int now = order[visit];
      for (int accepted = count - 1; accepted > visit; accepted--) {
        int j = order[accepted];
        if (Math.abs(values[j] - values[now]) > width[now] + SQRT6_MINUS_1 * width[j]) {
          return previous;
        }
      }
      previous = now;
    }
    return previous;
  }
}
