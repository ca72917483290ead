package io.ope4j.sequence;

import io.ope4j.internal.stats.CompensatedSum;

/**
 * The asymptotic confidence sequence of Waudby-Smith, Arbour, Sinha, Kennedy &amp; Ramdas (2024,
 * "Time-uniform central limit theory and asymptotic confidence sequences", Ann. Statist., the
 * Gaussian-mixture boundary of Thm 2.2 with rho tuned for a target number of rows): {@code mean ±
 * sqrt(2 (t s^2 rho^2 + 1) / (t^2 rho^2) * ln(sqrt(t s^2 rho^2 + 1) / alpha))}. It needs no range:
 * its coverage holds as the rows grow, for terms with finite variance such as doubly robust
 * pseudo-outcomes (their section 3) or importance-weighted rewards.
 *
 * <p>Rows are (x, d) pairs and the centre is the ratio {@code sum x / sum d}, with the delta-method
 * variance {@code var(x - R d) / mean(d)^2}: d = 1 gives a plain mean (IPW, DR), d = w the
 * self-normalised estimate (SNIPW). The state is five compensated sums, so it merges exactly: any
 * split, merged, is one pass to rounding, and a Spark job may fold partitions and merge them. Mutable,
 * for one thread at a time.
 */
public final class AsymptoticSequence implements ConfidenceSequence {

  private final double alpha;
  private final double rhoSquared;
  private long count;
  private final CompensatedSum x = new CompensatedSum();
  private final CompensatedSum d = new CompensatedSum();
  private final CompensatedSum xx = new CompensatedSum();
  private final CompensatedSum dd = new CompensatedSum();
  private final CompensatedSum xd = new CompensatedSum();

  /**
   * A sequence at error {@code alpha} whose width is smallest near {@code targetRows} rows.
   *
   * @param targetRows the number of rows the mixture is tuned for (any positive number keeps it valid)
   */
  public AsymptoticSequence(double alpha, double targetRows) {
    ConfidenceSequences.checkAlpha(alpha);
    if (!(targetRows > 0) || targetRows == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("the target number of rows must be positive and finite, got " + targetRows);
    }
    this.alpha = alpha;
    double log = -2 * Math.log(alpha);
    this.rhoSquared = (log + Math.log(log + 1)) / targetRows;
  }

  @Override
  public void add(double term) {
    add(term, 1.0);
  }

  /** Folds in one row with numerator {@code numerator} and normaliser {@code normaliser}. */
  public void add(double numerator, double normaliser) {
    count++;
    x.add(numerator);
    d.add(normaliser);
    xx.add(numerator * numerator);
    dd.add(normaliser * normaliser);
    xd.add(numerator * normaliser);
  }

  /** Adds {@code other}'s rows (a sequence of the same alpha and target). */
  public void merge(AsymptoticSequence other) {
    if (other.alpha != alpha || other.rhoSquared != rhoSquared) {
      throw new IllegalArgumentException("cannot merge sequences of different alpha or target rows");
    }
    count += other.count;
    x.add(other.x);
    d.add(other.d);
    xx.add(other.xx);
    dd.add(other.dd);
    xd.add(other.xd);
  }

  @Override
  public long count() {
    return count;
  }

  /** The interval; (-inf, +inf) before two rows, or while the normalisers sum to 0 (no weight yet). */
  @Override
  public SequenceInterval interval() {
    if (count < 2 || !(d.value() > 0)) {
      return new SequenceInterval(count, count == 0 ? Double.NaN : x.value() / d.value(), Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY);
    }
    double n = count;
    double meanD = d.value() / n;
    double ratio = x.value() / d.value();
    double varX = xx.value() / n - (x.value() / n) * (x.value() / n);
    double varD = dd.value() / n - meanD * meanD;
    double covXD = xd.value() / n - (x.value() / n) * meanD;
    double variance = Math.max(0, varX - 2 * ratio * covXD + ratio * ratio * varD) / (meanD * meanD);
    double spread = n * variance * rhoSquared + 1;
    double half = Math.sqrt(2 * spread / (n * n * rhoSquared) * Math.log(Math.sqrt(spread) / alpha));
    return new SequenceInterval(count, ratio, ratio - half, ratio + half);
  }
}
