package io.ope4j.decision;

import static io.ope4j.decision.PairedMoments.COMPONENTS;
import static io.ope4j.decision.PairedMoments.DB;
import static io.ope4j.decision.PairedMoments.DC;
import static io.ope4j.decision.PairedMoments.XB;
import static io.ope4j.decision.PairedMoments.XC;

import io.ope4j.interval.Intervals;
import io.ope4j.interval.TermRange;
import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The estimated difference {@code V(candidate) - V(baseline)} on one log, from the per-row
 * paired terms of both policies (Δ-OPE: Jeunen & Ustimenko 2024, eq. 4: the terms share the
 * logged rows, so the variance of the difference subtracts their covariance), with one-sided
 * bounds at any error level and the p-value of "the difference is at most a threshold".
 *
 * <p>A plain estimator's difference is {@code mean(x_c - x_b)}; a self-normalised one's is
 * {@code mean(x_c)/mean(d_c) - mean(x_b)/mean(d_b)}, whose standard error is the delta method's
 * with the influence function {@code (x_c - R_c d_c)/mean(d_c) - (x_b - R_b d_b)/mean(d_b)}.
 */
public final class PairedDifference {

  private static final double T_QUANTILE_ACCURACY = 1e-14;

  private final long n;
  private final boolean selfNormalized;
  private final double[] mean = new double[COMPONENTS];
  private final double[][] covariance = new double[COMPONENTS][COMPONENTS];
  private final double[] sortedReplicates;
  /** The known range of every per-row difference, or null (then no Bernstein bound). */
  private final TermRange range;

  PairedDifference(PairedMoments m, boolean selfNormalized, TermRange range) {
    this.n = m.count();
    this.selfNormalized = selfNormalized;
    this.range = range;
    for (int a = 0; a < COMPONENTS; a++) {
      mean[a] = m.mean(a);
      for (int b = 0; b < COMPONENTS; b++) {
        covariance[a][b] = n > 1 ? m.covariance(a, b) : Double.NaN;
      }
    }
    double[] replicates = m.replicateDifferences();
    if (replicates != null) {
      Arrays.sort(replicates);
    }
    this.sortedReplicates = replicates;
  }

  /** Rows the difference was estimated on. */
  public long rows() {
    return n;
  }

  /** The candidate's estimated value. */
  public double candidateValue() {
    return mean[XC] / mean[DC];
  }

  /** The baseline's estimated value. */
  public double baselineValue() {
    return mean[XB] / mean[DB];
  }

  /** The estimated difference {@code V(candidate) - V(baseline)}. */
  public double value() {
    return candidateValue() - baselineValue();
  }

  /** Standard error of {@link #value()}; NaN with fewer than two rows. */
  public double stderr() {
    double[] gradient = selfNormalized
        ? new double[] {1 / mean[DC], -candidateValue() / mean[DC], -1 / mean[DB], baselineValue() / mean[DB]}
        : new double[] {1, 0, -1, 0};
    double variance = 0;
    for (int a = 0; a < COMPONENTS; a++) {
      for (int b = 0; b < COMPONENTS; b++) {
        if (gradient[a] != 0 && gradient[b] != 0) {
          variance += gradient[a] * gradient[b] * covariance[a][b];
        }
      }
    }
    return Math.sqrt(Math.max(variance, 0.0) / n);
  }

  /** Whether bootstrap replicates were carried. */
  public boolean hasBootstrap() {
    return sortedReplicates != null;
  }

  /**
   * A lower bound on the true difference that holds with probability at least {@code 1 - alpha}
   * (for {@link GateBound#T} and {@link GateBound#BOOTSTRAP} asymptotically).
   *
   * @throws IllegalStateException for the bootstrap when no replicates were carried
   */
  public double lower(GateBound bound, double alpha) {
    return switch (bound) {
      case T -> value() - tQuantile(alpha) * stderr();
      case BOOTSTRAP -> Intervals.percentile(replicates(), alpha);
      case BERNSTEIN -> bernstein(alpha)[0];
    };
  }

  /** An upper bound on the true difference at error {@code alpha}, the mirror of {@link #lower}. */
  public double upper(GateBound bound, double alpha) {
    return switch (bound) {
      case T -> value() + tQuantile(alpha) * stderr();
      case BOOTSTRAP -> Intervals.percentile(replicates(), 1 - alpha);
      case BERNSTEIN -> bernstein(alpha)[1];
    };
  }

  /**
   * The p-value of the null hypothesis "the difference is at most {@code threshold}": the
   * smallest error level at which the lower bound exceeds the threshold. For the t bound {@code 1
   * - F_{n-1}((value - threshold) / stderr)}; for the bootstrap {@code (1 + #{replicates <=
   * threshold}) / (B + 1)} (Davison & Hinkley 1997, eq. 4.11); for Bernstein found by bisection
   * on the level. 1 when the differences have no spread (every row's terms equal), which says
   * nothing about their spread.
   */
  public double pValue(GateBound bound, double threshold) {
    if (!(stderr() > 0)) {
      return 1.0;
    }
    return switch (bound) {
      case T -> 1 - new TDistribution(n - 1, T_QUANTILE_ACCURACY).cumulativeProbability((value() - threshold) / stderr());
      case BOOTSTRAP -> {
        double[] sorted = replicates();
        int atMost = 0;
        while (atMost < sorted.length && sorted[atMost] <= threshold) {
          atMost++;
        }
        yield (1.0 + atMost) / (sorted.length + 1.0);
      }
      case BERNSTEIN -> bernsteinPValue(threshold);
    };
  }

  private double bernsteinPValue(double threshold) {
    double hi = 1 - 1e-12;
    if (!(bernstein(hi)[0] > threshold)) {
      return 1.0;
    }
    // The bound grows with alpha: bisect log(alpha) for the smallest level that clears the threshold.
    double logLo = Math.log(1e-300);
    double logHi = Math.log(hi);
    if (bernstein(Math.exp(logLo))[0] > threshold) {
      return Math.exp(logLo);
    }
    for (int i = 0; i < 100; i++) {
      double mid = (logLo + logHi) / 2;
      if (bernstein(Math.exp(mid))[0] > threshold) {
        logHi = mid;
      } else {
        logLo = mid;
      }
    }
    return Math.exp(logHi);
  }

  private double tQuantile(double alpha) {
    return n < 2 ? Double.NaN : new TDistribution(n - 1, T_QUANTILE_ACCURACY).inverseCumulativeProbability(1 - alpha);
  }

  private double[] replicates() {
    if (sortedReplicates == null) {
      throw new IllegalStateException("no bootstrap replicates were carried");
    }
    return sortedReplicates;
  }

  /** Whether a Bernstein bound exists: a plain estimator with a stated range of its per-row differences. */
  public boolean hasBernstein() {
    return range != null && !selfNormalized;
  }

  /**
   * Both one-sided empirical-Bernstein bounds at error {@code alpha} each, for the mean of per-row
   * differences within the stated range (Maurer & Pontil 2009, Thm 4; Thomas et al. 2015); NaN
   * without one ({@link #hasBernstein}): the observed range can be narrower than the true one.
   */
  double[] bernstein(double alpha) {
    if (!hasBernstein()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double variance = covariance[XC][XC] + covariance[XB][XB] - 2 * covariance[XC][XB];
    // One side at alpha is the two-sided half-width at 2 alpha: ln(4 / 2 alpha) = ln(2 / alpha).
    double half = Intervals.bernsteinHalfWidth(variance, range.upper() - range.lower(), n, 2 * alpha);
    return new double[] {value() - half, value() + half};
  }
}
