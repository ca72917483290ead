package io.ope4j.sequential;

import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import io.ope4j.internal.stats.PoissonMultiplicities;

/**
 * The one-pass state of MAGIC for one policy (Thomas &amp; Brunskill 2016, ICML, Algorithm 1):
 * per episode the vector {@code g} of its j-step WDR returns, j = -1 .. H-1
 * ({@link TrajectoryValues#jStepReturns}); their sums, sums of products, and Poisson-bootstrap
 * replicate sums (multiplicities keyed by (seed, episode id)). {@link #finish} estimates the
 * covariance {@code Omega} of the j-step estimates (the per-episode covariance over n), the bias
 * {@code b_j} as the distance from the j-step estimate to a 90% bootstrap interval of WDR (the
 * last return), takes the simplex weights {@code x} minimising {@code x' (Omega + b b') x}, and
 * returns {@code x' g-bar}. Its standard error is {@code sqrt(x' Omega x)} and its bootstrap
 * replicates are {@code x' g-bar_b}, with x held fixed. Mutable, one thread.
 */
final class MagicSample implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  /** Level of the WDR interval from which the j-step biases are measured. */
  static final double BIAS_LEVEL = 0.9;

  private final int size;
  private final long seed;
  private long count;
  private final double[] sum;
  private final double[] products;
  private final double[][] replicateSums;
  private final double[] totalMultiplicity;
  private final double[] multiplicities;
  private final double[] g;
  private final PoissonMultiplicities.RowDrawer drawer;

  /**
   * @param horizon the longest episode's length H (the returns are j = -1 .. H-1)
   * @param replicates bootstrap replicates (for the bias interval and a bootstrap interval)
   */
  MagicSample(int horizon, int replicates, long seed) {
    this.size = horizon + 1;
    this.seed = seed;
    this.sum = new double[size];
    this.products = new double[size * size];
    this.replicateSums = new double[replicates][size];
    this.totalMultiplicity = new double[replicates];
    this.multiplicities = new double[replicates];
    this.g = new double[size];
    this.drawer = new PoissonMultiplicities.RowDrawer(replicates);
  }

  /** Folds in one episode of policy {@code p}, whose weights {@code values} has just computed. */
  void add(TrajectoryValues values, EpisodeSteps episode, int p, double[] normalisers) {
    values.jStepReturns(episode, p, normalisers, g);
    drawer.fill(seed, episode.id(), multiplicities);
    count++;
    for (int i = 0; i < size; i++) {
      sum[i] += g[i];
      for (int j = 0; j < size; j++) {
        products[i * size + j] += g[i] * g[j];
      }
    }
    for (int b = 0; b < multiplicities.length; b++) {
      double m = multiplicities[b];
      totalMultiplicity[b] += m;
      if (m != 0.0) {
        double[] row = replicateSums[b];
        for (int i = 0; i < size; i++) {
          row[i] += m * g[i];
        }
      }
    }
  }

  void merge(MagicSample other) {
    count += other.count;
    for (int i = 0; i < size; i++) {
      sum[i] += other.sum[i];
    }
    for (int i = 0; i < products.length; i++) {
      products[i] += other.products[i];
    }
    for (int b = 0; b < totalMultiplicity.length; b++) {
      totalMultiplicity[b] += other.totalMultiplicity[b];
      for (int i = 0; i < size; i++) {
        replicateSums[b][i] += other.replicateSums[b][i];
      }
    }
  }

  long count() {
    return count;
  }

  /** The MAGIC estimate, its standard error, its interval and its weights over the j-step returns. */
  record Result(double value, double stderr, Interval interval, double[] weights) {}

  Result finish(IntervalMethod method, double level) {
    double[] mean = new double[size];
    for (int i = 0; i < size; i++) {
      mean[i] = sum[i] / count;
    }
    double[][] omega = new double[size][size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        double covariance = count < 2 ? 0.0
            : (products[i * size + j] - count * mean[i] * mean[j]) / (count - 1);
        omega[i][j] = covariance / count;
      }
    }
    Interval wdr = Intervals.bootstrapPercentile(replicates(unit(size - 1)), BIAS_LEVEL);
    double[][] objective = new double[size][size];
    double[] bias = new double[size];
    for (int i = 0; i < size; i++) {
      bias[i] = mean[i] > wdr.upper() ? mean[i] - wdr.upper()
          : mean[i] < wdr.lower() ? wdr.lower() - mean[i] : 0.0;
    }
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        objective[i][j] = omega[i][j] + bias[i] * bias[j];
      }
    }
    double[] x = SimplexQuadratic.minimise(objective);
    double value = dot(x, mean);
    double variance = 0.0;
    for (int i = 0; i < size; i++) {
      variance += x[i] * dot(omega[i], x);
    }
    double stderr = count < 2 ? Double.NaN : Math.sqrt(Math.max(variance, 0.0));
    Interval interval = method == IntervalMethod.BOOTSTRAP
        ? Intervals.bootstrapPercentile(replicates(x), level)
        : Intervals.studentT(value, stderr, count, level);
    return new Result(value, stderr, interval, x);
  }

  /** Replicate estimates of the blend {@code x} of the returns. */
  private double[] replicates(double[] x) {
    double[] estimates = new double[totalMultiplicity.length];
    for (int b = 0; b < estimates.length; b++) {
      estimates[b] = dot(x, replicateSums[b]) / totalMultiplicity[b];
    }
    return estimates;
  }

  private double[] unit(int index) {
    double[] x = new double[size];
    x[index] = 1.0;
    return x;
  }

  private static double dot(double[] a, double[] b) {
    double total = 0.0;
    for (int i = 0; i < a.length; i++) {
      total += a[i] * b[i];
    }
    return total;
  }
}
