package io.ope4j.likelihood;

import io.ope4j.internal.stats.CompensatedSum;
import java.io.Serializable;

/**
 * The Cressie-Read (power -2) estimate of a policy value and its empirical-likelihood interval, from
 * importance weights {@code w} in [0, inf) and rewards {@code r} (Karampatziakis, Langford &amp; Mineiro
 * 2020, "Empirical Likelihood for Contextual Bandits", NeurIPS, the power -2 closed forms; as
 * vw-estimators 0.2.2 {@code cressieread}). A one-pass mergeable state: the count and six sums.
 *
 * <p>The estimate maximises the Cressie-Read profile likelihood of a distribution over the rows plus
 * one fictitious row at the support's edge (w = 0 or w = inf), subject to E[w] = 1, in closed form.
 * The interval profiles the same likelihood over the value, calibrated by the F(1, n) quantile, for
 * rewards in a known range. Sums are compensated (Neumaier), so a merge of any split agrees with one
 * pass to rounding. Mutable, for one thread at a time.
 */
public final class CressieRead implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Below this |y z| a bound is taken as degenerate (the reference's threshold). */
  private static final double DEGENERATE = 1e-9;

  private long count;
  private final CompensatedSum sumW = new CompensatedSum();
  private final CompensatedSum sumW2 = new CompensatedSum();
  private final CompensatedSum sumWR = new CompensatedSum();
  private final CompensatedSum sumW2R = new CompensatedSum();
  private final CompensatedSum sumW2R2 = new CompensatedSum();
  private final CompensatedSum sumR = new CompensatedSum();

  /** Folds in one row: importance weight {@code w >= 0}, reward {@code r}. */
  public void add(double w, double r) {
    double w2 = w * w;
    count++;
    sumW.add(w);
    sumW2.add(w2);
    sumWR.add(w * r);
    sumW2R.add(w2 * r);
    sumW2R2.add(w2 * (r * r));
    sumR.add(r);
  }

  /** Folds in rows {@code [from, to)} of the weight and reward columns. */
  public void add(double[] w, double[] r, int from, int to) {
    for (int i = from; i < to; i++) {
      add(w[i], r[i]);
    }
  }

  /** Adds {@code other}'s rows. */
  public void merge(CressieRead other) {
    count += other.count;
    sumW.add(other.sumW);
    sumW2.add(other.sumW2);
    sumWR.add(other.sumWR);
    sumW2R.add(other.sumW2R);
    sumW2R2.add(other.sumW2R2);
    sumR.add(other.sumR);
  }

  /** Rows folded in. */
  public long count() {
    return count;
  }

  /**
   * The Cressie-Read estimate; NaN without rows. When the weights average below 1 the fictitious
   * row sits at w = inf and the estimate is {@code IPW + (1 - mean w) * mean r}; otherwise at w = 0.
   */
  public double estimate() {
    if (count == 0) {
      return Double.NaN;
    }
    double n = count;
    double sw = sumW.value();
    double sw2 = sumW2.value();
    double gamma;
    double beta;
    if (sw < n) { // fictitious row at w = inf
      gamma = -(n + 1) / n;
      beta = 0;
    } else { // fictitious row at w = 0
      double a = sw / (n + 1);
      double b = sw2 / (n + 1);
      gamma = (b - a) / (a * a - b);
      beta = (1 - a) / (a * a - b);
    }
    double model = (-gamma * sumWR.value() - beta * sumW2R.value()) / (n + 1);
    double missingMass = Math.max(0, 1 - (-gamma * sw - beta * sw2) / (n + 1));
    return model + missingMass * sumR.value() / n;
  }

  /**
   * The empirical-likelihood interval at coverage {@code level} for rewards in [rmin, rmax]: each
   * end is the closed-form minimum (maximum) of the value over distributions whose Cressie-Read
   * divergence stays within the F(1, n) quantile, clipped to [rmin, rmax]. Uninformative ([rmin,
   * rmax]) without rows. At n = 1 the closed form is numerically degenerate.
   *
   * @return {lower, upper}
   */
  public double[] interval(double level, double rmin, double rmax) {
    if (count == 0) {
      return new double[] {rmin, rmax};
    }
    double n = count;
    double delta = Quantiles.fOneUpper(1 - level, n);
    double sw = sumW.value();
    double sw2 = sumW2.value();
    double unconstrained;
    if (sw < n) {
      unconstrained = 1 + 1 / n;
    } else {
      double a = sw / (n + 1);
      double b = sw2 / (n + 1);
      unconstrained = (n + 1) * (a - 1) * (a - 1) / (b - a * a);
    }
    double phi = (-unconstrained - delta) / (2 * (n + 1));
    return new double[] {bound(n, phi, rmin, 1, rmin, rmax), bound(n, phi, rmax, -1, rmin, rmax)};
  }

  /** One end: {@code sign} +1 with {@code rho} = rmin for the lower, -1 with rmax for the upper. */
  private double bound(double n, double phi, double rho, int sign, double rmin, double rmax) {
    double sw = sumW.value();
    double sw2 = sumW2.value();
    double swr = sumWR.value();
    double sw2r = sumW2R.value();
    double sw2r2 = sumW2R2.value();
    double best = Double.POSITIVE_INFINITY;
    // fictitious row at w = inf
    double x = sign * (rho + (swr - sw * rho) / n);
    double y = (rho * sw - swr) * (rho * sw - swr) / (n * (n + 1))
        - (rho * rho * sw2 - 2 * rho * sw2r + sw2r2) / (n + 1);
    best = Math.min(best, candidate(x, y, phi + 1 / (2 * n)));
    // fictitious row at w = 0
    double bw = sw / (n + 1);
    double bw2 = sw2 / (n + 1);
    double bwr = sign * swr / (n + 1);
    double bw2r = sign * sw2r / (n + 1);
    double bw2r2 = sw2r2 / (n + 1);
    double spread = bw2 - bw * bw;
    if (spread > 0) {
      double slope = bw2r - bw * bwr;
      double x0 = bwr + (1 - bw) * slope / spread;
      double y0 = slope * slope / spread - (bw2r2 - bwr * bwr);
      best = Math.min(best, candidate(x0, y0, phi + (1 - bw) * (1 - bw) / (2 * spread)));
    }
    if (best == Double.POSITIVE_INFINITY) {
      best = rmin; // no feasible candidate: the reference then falls back on rmin
    }
    return Math.min(rmax, Math.max(rmin, sign * best));
  }

  private static double candidate(double x, double y, double z) {
    double yz = y * z;
    if (Math.abs(yz) <= DEGENERATE * DEGENERATE) {
      return x - Math.sqrt(2) * DEGENERATE;
    }
    if (z <= 0 && yz >= 0) {
      return x - Math.sqrt(2 * yz);
    }
    return Double.POSITIVE_INFINITY;
  }
}
