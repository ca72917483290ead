package io.ope4j.internal.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * A root of a continuous function inside a sign-changing bracket, by Brent's method: inverse
 * quadratic interpolation or secant steps while they shrink the bracket fast enough, bisection
 * otherwise (Brent 1973, Algorithms for Minimization without Derivatives, ch. 4). Internal: shared
 * by the likelihood intervals and the confidence sequences; its signature may change.
 */
public final class BrentRoot {

  /** Relative tolerance that solves to the last bits of a double. */
  public static final double PRECISE = 4 * Math.ulp(1.0);

  private static final int MAX_ITERATIONS = 500;

  private BrentRoot() {}

  /**
   * A point within {@code absTolerance + relTolerance * |root|} of a root of {@code f} in [a, b].
   *
   * @throws IllegalArgumentException if f(a) and f(b) are both non-zero with the same sign
   */
  public static double find(DoubleUnaryOperator f, double a, double b, double absTolerance, double relTolerance) {
    double fa = f.applyAsDouble(a);
    double fb = f.applyAsDouble(b);
    if (fa == 0) {
      return a;
    }
    if (fb == 0) {
      return b;
    }
    if ((fa > 0) == (fb > 0)) {
      throw new IllegalArgumentException("no sign change on [" + a + ", " + b + "]: f = " + fa + ", " + fb);
    }
    double c = a;
    double fc = fa;
    double step = b - a;
    double previousStep = step;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      if ((fb > 0) == (fc > 0)) { // keep the root between b and c
        c = a;
        fc = fa;
        step = b - a;
        previousStep = step;
      }
      if (Math.abs(fc) < Math.abs(fb)) { // b is the best guess so far
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tolerance = 0.5 * (absTolerance + relTolerance * Math.abs(b)) + Double.MIN_NORMAL;
      double half = 0.5 * (c - b);
      if (Math.abs(half) <= tolerance || fb == 0) {
        return b;
      }
      if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
        double s = fb / fa;
        double p;
        double q;
        if (a == c) { // secant
          p = 2 * half * s;
          q = 1 - s;
        } else { // inverse quadratic interpolation through a, b, c
          double qa = fa / fc;
          double rb = fb / fc;
          p = s * (2 * half * qa * (qa - rb) - (b - a) * (rb - 1));
          q = (qa - 1) * (rb - 1) * (s - 1);
        }
        if (p > 0) {
          q = -q;
        } else {
          p = -p;
        }
        if (2 * p < Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(previousStep * q))) {
          previousStep = step;
          step = p / q;
        } else {
          step = half;
          previousStep = half;
        }
      } else {
        step = half;
        previousStep = half;
      }
      a = b;
      fa = fb;
      b += Math.abs(step) > tolerance ? step : Math.copySign(tolerance, half);
      fb = f.applyAsDouble(b);
    }
    return b;
  }

  /** A root of {@code f} in [a, b] to the last bits of a double. */
  public static double precise(DoubleUnaryOperator f, double a, double b) {
    return find(f, a, b, 0.0, PRECISE);
  }
}
