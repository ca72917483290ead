package io.ope4j.likelihood;

import io.ope4j.internal.stats.BrentRoot;
import io.ope4j.internal.stats.CompensatedSum;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The empirical-likelihood maximum-likelihood estimate of a policy value (Karampatziakis, Langford
 * &amp; Mineiro 2020, "Empirical Likelihood for Contextual Bandits", the dual of the MLE under E[w] =
 * 1; as vw-estimators 0.2.2 {@code mle}). The dual variable solves {@code sum (w - 1) / ((w - 1) beta
 * + n) = 0}, which depends on every weight: there are no sufficient sums.
 *
 * <p><b>State.</b> Unlike the other estimators this state is not a few sums: it is the list of
 * every (w, r) pair, O(n) memory, and {@link #estimate()} costs O(n) per call. It merges by
 * concatenation (the reference refuses to merge): a merge of consecutive parts in order gives the
 * same arrays, hence the same number to the bit, as one pass. Over a log too large to hold, use
 * {@link CressieRead}, which estimates the same value from six sums and agrees with this estimate to
 * O(1/n). Mutable, for one thread at a time.
 */
public final class EmpiricalLikelihood implements Serializable {

  private static final long serialVersionUID = 1L;

  private double[] weights = new double[16];
  private double[] rewards = new double[16];
  private int count;

  /** Folds in one row: importance weight {@code w >= 0}, reward {@code r}. */
  public void add(double w, double r) {
    if (count == weights.length) {
      int capacity = Math.max(16, count + (count >> 1));
      weights = Arrays.copyOf(weights, capacity);
      rewards = Arrays.copyOf(rewards, capacity);
    }
    weights[count] = w;
    rewards[count] = r;
    count++;
  }

  /** Folds in rows {@code [from, to)} of the weight and reward columns. */
  public void add(double[] w, double[] r, int from, int to) {
    for (int i = from; i < to; i++) {
      add(w[i], r[i]);
    }
  }

  /** Appends {@code other}'s rows after this state's. */
  public void merge(EmpiricalLikelihood other) {
    for (int i = 0; i < other.count; i++) {
      add(other.weights[i], other.rewards[i]);
    }
  }

  /** Rows folded in. */
  public long count() {
    return count;
  }

  /**
   * The dual root beta* in [0, beta_max], with {@code beta_max = min(n, min over w < 1 of (n - 1) /
   * (1 - w))}: the root where the dual's derivative changes sign there, else the end where it does
   * not cross. NaN without rows.
   */
  public double dualRoot() {
    if (count == 0) {
      return Double.NaN;
    }
    double n = count;
    double upper = n;
    for (int i = 0; i < count; i++) {
      if (weights[i] < 1) {
        upper = Math.min(upper, (n - 1) / (1 - weights[i]));
      }
    }
    double lower = 0;
    double atLower = dualSlope(lower);
    double atUpper = dualSlope(upper);
    if (atLower * atUpper < 0) {
      return BrentRoot.precise(this::dualSlope, lower, upper);
    }
    return atLower < 0 ? lower : upper;
  }

  /**
   * The MLE: {@code sum(w r / d) + max(0, 1 - sum(w / d)) * mean(r)} with {@code d = (w - 1) beta*
   * + n}. NaN without rows.
   */
  public double estimate() {
    if (count == 0) {
      return Double.NaN;
    }
    double beta = dualRoot();
    double n = count;
    CompensatedSum weighted = new CompensatedSum();
    CompensatedSum mass = new CompensatedSum();
    CompensatedSum rewardSum = new CompensatedSum();
    for (int i = 0; i < count; i++) {
      double d = (weights[i] - 1) * beta + n;
      weighted.add(weights[i] * rewards[i] / d);
      mass.add(weights[i] / d);
      rewardSum.add(rewards[i]);
    }
    return weighted.value() + Math.max(0, 1 - mass.value()) * rewardSum.value() / n;
  }

  private double dualSlope(double beta) {
    double n = count;
    CompensatedSum sum = new CompensatedSum();
    for (int i = 0; i < count; i++) {
      double shifted = weights[i] - 1;
      sum.add(shifted / (shifted * beta + n));
    }
    return sum.value();
  }
}
