package io.ope4j.likelihood;

import java.io.Serializable;

/**
 * The Clopper-Pearson interval for a policy value with rewards in a known range, from importance
 * weights: the weighted rewards, scaled to [0, 1] and divided by the largest weight, count as
 * fractional successes out of {@code n / max w} fractional trials (Clopper &amp; Pearson 1934, with
 * non-integer beta parameters; as vw-estimators 0.2.2 {@code clopper_pearson}). A one-pass
 * mergeable state: the count, two plain sums and the largest weight. Mutable, for one thread at a
 * time.
 */
public final class ClopperPearson implements Serializable {

  private static final long serialVersionUID = 1L;

  private long count;
  private double sumWR;
  private double sumW;
  private double maxWeight;

  /** Folds in one row: importance weight {@code w >= 0}, reward {@code r}. */
  public void add(double w, double r) {
    count++;
    sumWR += w * r;
    sumW += w;
    maxWeight = Math.max(maxWeight, w);
  }

  /** Folds in rows {@code [from, to)} of the weight and reward columns. */
  public void add(double[] w, double[] r, int from, int to) {
    for (int i = from; i < to; i++) {
      add(w[i], r[i]);
    }
  }

  /** Adds {@code other}'s rows. */
  public void merge(ClopperPearson other) {
    count += other.count;
    sumWR += other.sumWR;
    sumW += other.sumW;
    maxWeight = Math.max(maxWeight, other.maxWeight);
  }

  /** Rows folded in. */
  public long count() {
    return count;
  }

  /**
   * The interval at coverage {@code level} for rewards in [rmin, rmax]; [rmin, rmax] while every
   * weight is 0. The weighted successes may exceed the trials (an IPW mean above rmax, possible
   * with weights): the upper end is then rmax, and where they exceed them by a whole trial or more
   * (no beta distribution left for the lower end) the lower end takes successes = trials.
   *
   * @return {lower, upper}
   */
  public double[] interval(double level, double rmin, double rmax) {
    double alpha = 1 - level;
    double width = rmax - rmin;
    if (maxWeight == 0) {
      return new double[] {rmin, rmax};
    }
    double trials = count / maxWeight;
    double successes = (sumWR - rmin * sumW) / width / maxWeight;
    if (trials - successes + 1 <= 0) {
      successes = trials;
    }
    double lower = successes > 0 ? Quantiles.beta(alpha / 2, successes, trials - successes + 1) : 0;
    double upper = successes < trials ? Quantiles.beta(1 - alpha / 2, successes + 1, trials - successes) : 1;
    return new double[] {rmin + lower * width, rmin + upper * width};
  }
}
