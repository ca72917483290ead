package io.ope4j.sequential;

import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;

/**
 * The one-pass state of a ratio of means over episodes, {@code sum_i x_i / sum_i d_i}: count, sums
 * of {@code x}, {@code d}, their squares and product (for the delta-method standard error,
 * {@code sqrt(Var(x - R d) / n) / mean(d)}; Cochran 1977, §6.3), and Poisson-bootstrap replicate
 * sums of both (multiplicities keyed by (seed, episode id)), renormalised in every replicate.
 * Mutable, one thread.
 */
final class RatioSample implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  private long count;
  private double sumX;
  private double sumD;
  private double sumXX;
  private double sumDD;
  private double sumXD;
  private final double[] replicateX;
  private final double[] replicateD;

  RatioSample(int replicates) {
    this.replicateX = new double[replicates];
    this.replicateD = new double[replicates];
  }

  void add(double x, double d, double[] multiplicities) {
    count++;
    sumX += x;
    sumD += d;
    sumXX += x * x;
    sumDD += d * d;
    sumXD += x * d;
    for (int b = 0; b < replicateX.length; b++) {
      replicateX[b] += multiplicities[b] * x;
      replicateD[b] += multiplicities[b] * d;
    }
  }

  void merge(RatioSample other) {
    count += other.count;
    sumX += other.sumX;
    sumD += other.sumD;
    sumXX += other.sumXX;
    sumDD += other.sumDD;
    sumXD += other.sumXD;
    for (int b = 0; b < replicateX.length; b++) {
      replicateX[b] += other.replicateX[b];
      replicateD[b] += other.replicateD[b];
    }
  }

  long count() {
    return count;
  }

  double value() {
    return sumX / sumD;
  }

  double stderr() {
    if (count < 2) {
      return Double.NaN;
    }
    double ratio = value();
    double meanD = sumD / count;
    // sum of (x - R d)^2 minus n times its mean squared; its mean is 0 by the choice of R
    double residual = sumXX - 2 * ratio * sumXD + ratio * ratio * sumDD;
    double variance = Math.max(residual, 0.0) / (count - 1);
    return Math.sqrt(variance / count) / Math.abs(meanD);
  }

  Interval interval(IntervalMethod method, double level) {
    if (method == IntervalMethod.BOOTSTRAP) {
      double[] replicates = new double[replicateX.length];
      for (int b = 0; b < replicates.length; b++) {
        replicates[b] = replicateX[b] / replicateD[b];
      }
      return Intervals.bootstrapPercentile(replicates, level);
    }
    return Intervals.studentT(value(), stderr(), count, level);
  }
}
