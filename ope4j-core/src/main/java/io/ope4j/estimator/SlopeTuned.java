package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * An estimator family whose hyperparameter is chosen from the data by SLOPE (Su, Srinath &
 * Krishnamurthy 2020, "Adaptive Estimator Selection for Off-Policy Evaluation", Alg. 1), in the
 * form Open Bandit Pipeline 0.5.5 applies it (its {@code *Tuning} classes, after Tucker & Lee
 * 2021): with {@code cnf_j = stderr_j * t_{n-1}(1 - delta)}, visit the candidates in decreasing
 * {@code cnf} (a stable ascending sort, reversed, as numpy's argsort does on short arrays) and
 * accept each while {@code |theta_j - theta_now| <= cnf_now + (sqrt 6 - 1) cnf_j} for every
 * accepted j; at the first failure report the previously accepted one, else the last.
 *
 * @param spec the spec as written back to users: {@code id:lambda=slope}, plus {@code lambdas} and
 *     {@code delta} where they are not the defaults
 * @param id the family's id, e.g. {@code switch-dr}
 * @param candidates one estimator per candidate, in OBP's order (Switch-DR decreasing lambda,
 *     DRos and the sub-Gaussian family increasing)
 * @param delta the confidence parameter of the widths
 */
record SlopeTuned(String spec, String id, List<Estimator> candidates, double delta)
    implements Estimator {

  private static final double SQRT6_MINUS_1 = Math.sqrt(6) - 1;

  SlopeTuned {
    candidates = List.copyOf(candidates);
  }

  @Override
  public boolean needsModel() {
    return candidates.get(0).needsModel();
  }

  @Override
  public boolean needsPscore() {
    return candidates.get(0).needsPscore();
  }

  /** A tuned estimator has no terms of its own; the engine runs its candidates. */
  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    throw new UnsupportedOperationException(spec() + " is tuned: evaluate its candidates()");
  }

  @Override
  public int choose(double[] values, double[] stderrs, long rows) {
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
