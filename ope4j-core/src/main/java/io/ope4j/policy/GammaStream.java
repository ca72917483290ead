package io.ope4j.policy;

import io.ope4j.internal.stats.CounterRng;

/**
 * Gamma and Beta deviates from one stream of {@link CounterRng}: a key and a running counter.
 * Rejection samplers use a variable number of uniforms, so each independent unit of work (one
 * Thompson-sampling simulation) gets its own stream ({@link #reset}) and the draws never depend
 * on how the work is split among threads. One instance per worker thread; not thread-safe.
 *
 * <p>Logarithms use {@link StrictMath} so that the same seed gives the same deviates on every
 * JVM and platform.
 */
final class GammaStream {

  private long key;
  private long counter;
  private double spareNormal;
  private boolean hasSpare;

  /** Starts the stream with key {@code key} at counter 0. */
  void reset(long newKey) {
    key = newKey;
    counter = 0;
    hasSpare = false;
  }

  /** A uniform in [0, 1). */
  double uniform() {
    return CounterRng.uniform(key, counter++);
  }

  /**
   * A standard normal deviate by Marsaglia's polar method (G. Marsaglia, T. A. Bray, "A
   * convenient method for generating normal variables", SIAM Review 6, 1964): two per accepted
   * point of the unit disc, the second kept for the next call. No trigonometry.
   */
  double normal() {
    if (hasSpare) {
      hasSpare = false;
      return spareNormal;
    }
    double u;
    double v;
    double s;
    do {
      u = 2.0 * uniform() - 1.0;
      v = 2.0 * uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double factor = Math.sqrt(-2.0 * StrictMath.log(s) / s);
    spareNormal = v * factor;
    hasSpare = true;
    return u * factor;
  }

  /**
   * A Gamma(shape, 1) deviate by Marsaglia and Tsang's method (G. Marsaglia, W. W. Tsang, "A
   * simple method for generating gamma variables", ACM TOMS 26(3), 2000), for shape >= 1 given
   * through {@code d = shape - 1/3} and {@code c = 1 / sqrt(9 d)}.
   */
  double gammaAtLeastOne(double d, double c) {
    while (true) {
      double x = normal();
      double t = 1.0 + c * x;
      if (t <= 0.0) {
        continue;
      }
      double v = t * t * t;
      double u = uniform();
      double x2 = x * x;
      // The squeeze of Marsaglia & Tsang 2000, sec. 4, accepts ~98% without a logarithm.
      if (u < 1.0 - 0.0331 * x2 * x2) {
        return d * v;
      }
      if (StrictMath.log(u) < 0.5 * x2 + d * (1.0 - v + StrictMath.log(v))) {
        return d * v;
      }
    }
  }

  /**
   * A Gamma(shape, 1) deviate for any shape > 0, from the constants {@link #constants} computed
   * for it; below 1 by the boost Gamma(a) = Gamma(a + 1) U^(1/a) (Marsaglia & Tsang 2000, sec. 6).
   */
  double gamma(double d, double c, double inverseShape) {
    double g = gammaAtLeastOne(d, c);
    if (inverseShape == 0.0) {
      return g;
    }
    // 1 - U lies in (0, 1], so the power is finite.
    return g * StrictMath.exp(StrictMath.log(1.0 - uniform()) * inverseShape);
  }

  /**
   * Writes the sampler's constants for {@code shape} into {@code out[offset..offset+2]}: {@code
   * d = s - 1/3} and {@code c = 1 / sqrt(9 d)} of the boosted shape {@code s} (shape, or shape + 1
   * below 1) and {@code 1 / shape} when boosted, else 0.
   *
   * @throws IllegalArgumentException if shape is not positive and finite
   */
  static void constants(double shape, double[] out, int offset) {
    if (!(shape > 0.0) || Double.isInfinite(shape)) {
      throw new IllegalArgumentException("a Gamma shape must be positive and finite, got " + shape);
    }
    double boosted = shape < 1.0 ? shape + 1.0 : shape;
    double d = boosted - 1.0 / 3.0;
    out[offset] = d;
    out[offset + 1] = 1.0 / Math.sqrt(9.0 * d);
    out[offset + 2] = shape < 1.0 ? 1.0 / shape : 0.0;
  }
}
