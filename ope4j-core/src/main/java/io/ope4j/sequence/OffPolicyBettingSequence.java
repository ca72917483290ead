package io.ope4j.sequence;

import io.ope4j.internal.stats.BrentRoot;
import io.ope4j.internal.stats.CompensatedSum;
import org.hipparchus.special.Gamma;

/**
 * The off-policy confidence sequence of Karampatziakis, Mineiro &amp; Ramdas (2021, "Off-policy
 * Confidence Sequences", ICML, the empirical-Bernstein process with a gamma-exponential mixture over
 * the bet; as vw-estimators 0.2.2 {@code cs.Interval}) for the value of a policy from importance
 * weights {@code w >= 0} with E[w] = 1 and rewards in [rmin, rmax].
 *
 * <p>Each side bets against a candidate mean with predictable centres (the running mean before the
 * row, shrunk towards 1/2); the bound is where the mixture wealth crosses {@code ln(2 / alpha)}. The
 * state is eleven compensated sums, so {@link #interval(double)} can be asked at any level.
 *
 * <p><b>Merging.</b> The centres of a row depend on the rows before it, so two states built on
 * separate parts do not add up to the state of one pass over both. Their sums may still be added:
 * the centres of the second part's rows depend only on rows before them in the concatenated order,
 * so the sum is a valid confidence sequence for that order, with other numbers than one pass. This
 * class keeps the one-pass semantics and offers no merge.
 *
 * <p>Nothing checks that the weights average 1; with invalid weights (mean far from 1) the interval
 * can come out inverted (lower &gt; upper), which {@link #interval(double)} reports as it is.
 */
public final class OffPolicyBettingSequence {

  /** The mixture's shape; the reference fixes it at 1. */
  private static final double RHO = 1.0;
  private static final double GAMMA_EPSILON = 1e-16;
  private static final int GAMMA_ITERATIONS = 10_000_000;
  private static final double LOG_GAMMA_RHO = lowerGammaLog(RHO, RHO);

  private final double rmin;
  private final double rmax;
  private long count;
  private final CompensatedSum w2r2 = new CompensatedSum();
  private final CompensatedSum w2r = new CompensatedSum();
  private final CompensatedSum w2 = new CompensatedSum();
  private final CompensatedSum wr = new CompensatedSum();
  private final CompensatedSum w = new CompensatedSum();
  private final CompensatedSum wrLow = new CompensatedSum();
  private final CompensatedSum wLow = new CompensatedSum();
  private final CompensatedSum lowSquared = new CompensatedSum();
  private final CompensatedSum wrHigh = new CompensatedSum();
  private final CompensatedSum wHigh = new CompensatedSum();
  private final CompensatedSum highSquared = new CompensatedSum();

  /** A sequence for rewards in [rmin, rmax]. */
  public OffPolicyBettingSequence(double rmin, double rmax) {
    ConfidenceSequences.checkRange(rmin, rmax);
    this.rmin = rmin;
    this.rmax = rmax;
  }

  /**
   * Folds in the next row.
   *
   * @throws IllegalArgumentException if {@code weight} is negative or not finite, or {@code reward}
   *     lies outside [rmin, rmax] (the reference clips it silently)
   */
  public void add(double weight, double reward) {
    if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("an importance weight must be finite and >= 0, got " + weight);
    }
    if (!(reward >= rmin && reward <= rmax)) {
      throw new IllegalArgumentException("reward " + reward + " outside [" + rmin + ", " + rmax + "]");
    }
    double range = rmax - rmin;
    // predictable centres from the rows before this one
    double centreLow = ((wr.value() - w.value() * rmin) / range + 0.5) / (count + 1);
    double centreHigh = ((w.value() * rmax - wr.value()) / range + 0.5) / (count + 1);
    double weighted = weight * reward;
    double weight2 = weight * weight;
    w2r2.add(weighted * weighted);
    w2r.add(weight2 * reward);
    w2.add(weight2);
    wr.add(weighted);
    w.add(weight);
    wrLow.add(weighted * centreLow);
    wLow.add(weight * centreLow);
    lowSquared.add(centreLow * centreLow);
    wrHigh.add(weighted * centreHigh);
    wHigh.add(weight * centreHigh);
    highSquared.add(centreHigh * centreHigh);
    count++;
  }

  /** Rows folded in. */
  public long count() {
    return count;
  }

  /** The plain IPW estimate {@code sum(w r) / n} (NaN before any row). */
  public double estimate() {
    return wr.value() / count;
  }

  /**
   * The interval at error {@code alpha} (each side at alpha / 2): {@code [rmin, rmax]} before any
   * row.
   */
  public SequenceInterval interval(double alpha) {
    double range = rmax - rmin;
    double lower = rmin + range * lowerBound(count, sumLow(), varianceLow(), alpha / 2);
    double upper = rmin + range * (1 - lowerBound(count, sumHigh(), varianceHigh(), alpha / 2));
    return new SequenceInterval(count, estimate(), lower, upper);
  }

  /**
   * Whether the interval at error {@code alpha} holds {@code value}: the same answer as {@link
   * #interval(double)}{@code .covers(value)} up to the root search's last bits, but from one wealth
   * per side instead of a root search, so that a value can be tested after every row cheaply.
   */
  public boolean covers(double value, double alpha) {
    if (!(value >= rmin && value <= rmax)) {
      return false;
    }
    double range = rmax - rmin;
    double scaled = (value - rmin) / range;
    return !sideRejects(sumLow(), varianceLow(), scaled, alpha / 2)
        && !sideRejects(sumHigh(), varianceHigh(), 1 - scaled, alpha / 2);
  }

  /** Whether one side's bound lies above {@code mu} (both on that side's scale). */
  private boolean sideRejects(double sum, double variance, double mu, double a) {
    double top = Math.min(1, sum / count);
    return count > 0 && mu < top && logWealth(sum - count * mu, variance) > -Math.log(a);
  }

  /** The scaled sum the lower side bets on: {@code sum (w r - w rmin) / D}. */
  double sumLow() {
    return (wr.value() - w.value() * rmin) / (rmax - rmin);
  }

  /** The scaled sum the upper side bets on: {@code sum (w rmax - w r) / D}. */
  double sumHigh() {
    return (w.value() * rmax - wr.value()) / (rmax - rmin);
  }

  /** The lower side's variance process: {@code sum (w (r - rmin) / D - centre)^2}, expanded. */
  double varianceLow() {
    double range = rmax - rmin;
    return (w2r2.value() - 2 * rmin * w2r.value() + rmin * rmin * w2.value()) / (range * range)
        - 2 * (wrLow.value() - rmin * wLow.value()) / range + lowSquared.value();
  }

  /** The upper side's variance process: {@code sum (w (rmax - r) / D - centre)^2}, expanded. */
  double varianceHigh() {
    double range = rmax - rmin;
    return (w2r2.value() - 2 * rmax * w2r.value() + rmax * rmax * w2.value()) / (range * range)
        + 2 * (wrHigh.value() - rmax * wHigh.value()) / range + highSquared.value();
  }

  /**
   * The smallest mean in [0, min(1, S/t)] not rejected at error {@code a} by the mixture wealth of
   * the bet against it: 0 when even 0 is not rejected, the top when everything below it is.
   */
  static double lowerBound(double t, double sum, double variance, double a) {
    double threshold = -Math.log(a);
    if (logWealth(sum, variance) <= threshold) {
      return 0;
    }
    double top = Math.min(1, sum / t);
    if (logWealth(sum - t * top, variance) >= threshold) {
      return top;
    }
    return BrentRoot.precise(mu -> logWealth(sum - t * mu, variance) - threshold, 0, top);
  }

  /**
   * The log of the gamma-exponential mixture of {@code exp(lambda s - psi(lambda) v)} over the bet
   * lambda (Howard et al. 2021, Prop. 9, shape rho): {@code s + v + rho ln rho - (v + rho) ln(s + v +
   * rho) + ln gamma(v + rho, s + v + rho) - ln gamma(rho, rho)}, gamma the lower incomplete gamma.
   */
  static double logWealth(double s, double v) {
    double shape = v + RHO;
    double x = s + v + RHO;
    return s + v + RHO * Math.log(RHO) - shape * Math.log(x) + lowerGammaLog(shape, x) - LOG_GAMMA_RHO;
  }

  /** ln of the lower incomplete gamma function: ln P(a, x) + ln Gamma(a). */
  private static double lowerGammaLog(double a, double x) {
    return Math.log(Gamma.regularizedGammaP(a, x, GAMMA_EPSILON, GAMMA_ITERATIONS)) + Gamma.logGamma(a);
  }
}
