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
    double[] width = widths(stderrs, rows, delta);
    Integer[] ascending = new Integer[count];
    for (int j = 0; j < count; j++) {
      ascending[j] = j;
    }
    java.util.Arrays.sort(ascending, (a, b) -> Double.compare(width[a], width[b])); // stable
    int[] visits = new int[count];
    for (int v = 0; v < count; v++) {
      visits[v] = ascending[count - 1 - v];
    }
    return accept(values, width, visits);
  }

  /**
   * As {@link #choose}, visiting the candidates in their given order (Su et al.'s order by the
   * hyperparameter, from least biased to most biased) instead of by decreasing width: for families
   * whose variance is not monotone in the hyperparameter.
   */
  public static int chooseInOrder(double[] values, double[] stderrs, long rows, double delta) {
    int[] visits = new int[values.length];
    for (int v = 0; v < visits.length; v++) {
      visits[v] = v;
    }
    return accept(values, widths(stderrs, rows, delta), visits);
  }

  private static double[] widths(double[] stderrs, long rows, double delta) {
    double quantile = new TDistribution(rows - 1, 1e-14).inverseCumulativeProbability(1 - delta);
    double[] width = new double[stderrs.length];
    for (int j = 0; j < width.length; j++) {
      width[j] = stderrs[j] * quantile;
    }
    return width;
  }

  /** The last candidate accepted, visiting in {@code visits} order, before the first failure. */
  private static int accept(double[] values, double[] width, int[] visits) {
    int previous = -1;
    for (int v = 0; v < visits.length; v++) {
      int now = visits[v];
      for (int earlier = 0; earlier < v; earlier++) {
        int j = visits[earlier];
        if (Math.abs(values[j] - values[now]) > width[now] + SQRT6_MINUS_1 * width[j]) {
          return previous;
        }
      }
      previous = now;
    }
    return previous;
  }
}
