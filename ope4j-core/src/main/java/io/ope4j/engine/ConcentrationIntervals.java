package io.ope4j.engine;

import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import io.ope4j.interval.TermRange;

/**
 * Hoeffding and empirical-Bernstein intervals from a {@link TermMoments} state. A plain estimator
 * is the mean of its per-round terms, bounded directly. A self-normalised one, {@code mean(y) +
 * mean(x) / mean(d)}, gets a bound on each component's mean at error {@code alpha / k} (union
 * bound over its k components, observed ranges), combined by interval arithmetic; the bound is
 * vacuous (infinite) when the normaliser's lower bound is not positive.
 */
final class ConcentrationIntervals {

  private ConcentrationIntervals() {}

  static Interval of(TermMoments m, IntervalMethod method, double level, TermRange given, String label) {
    double alpha = 1 - level;
    if (!m.selfNormalized()) {
      double lo = m.min(TermMoments.X);
      double hi = m.max(TermMoments.X);
      String source = "observed";
      if (given != null) {
        if (lo < given.lower() || hi > given.upper()) {
          throw new io.ope4j.data.UsageException(String.format(
              "%s has per-round terms in [%s, %s], outside the given term range [%s, %s] (--term-range)",
              label, lo, hi, given.lower(), given.upper()));
        }
        lo = given.lower();
        hi = given.upper();
        source = "given";
      }
      double[] bound = bound(m, TermMoments.X, method, alpha, lo, hi);
      return new Interval(Math.max(lo, bound[0]), Math.min(hi, bound[1]), level, method, lo, hi, source, 0);
    }
    int components = m.hasModelTerm() ? 3 : 2;
    double perComponent = alpha / components;
    double[] numerator = observedBound(m, TermMoments.X, method, perComponent);
    double[] normaliser = observedBound(m, TermMoments.D, method, perComponent);
    double lower;
    double upper;
    if (!(normaliser[0] > 0)) {
      lower = Double.NEGATIVE_INFINITY;
      upper = Double.POSITIVE_INFINITY;
    } else {
      double a = numerator[0] / normaliser[0];
      double b = numerator[0] / normaliser[1];
      double c = numerator[1] / normaliser[0];
      double e = numerator[1] / normaliser[1];
      lower = Math.min(Math.min(a, b), Math.min(c, e));
      upper = Math.max(Math.max(a, b), Math.max(c, e));
    }
    if (m.hasModelTerm()) {
      double[] model = observedBound(m, TermMoments.Y, method, perComponent);
      lower += model[0];
      upper += model[1];
    }
    return new Interval(lower, upper, level, method, m.min(TermMoments.X), m.max(TermMoments.X),
        "observed", 0);
  }

  private static double[] observedBound(TermMoments m, int component, IntervalMethod method, double alpha) {
    return bound(m, component, method, alpha, m.min(component), m.max(component));
  }

  private static double[] bound(TermMoments m, int component, IntervalMethod method, double alpha,
      double lo, double hi) {
    double width = hi - lo;
    double half = method == IntervalMethod.HOEFFDING
        ? Intervals.hoeffdingHalfWidth(width, m.count(), alpha)
        : Intervals.bernsteinHalfWidth(
            m.count() > 1 ? m.covariance(component, component) : 0.0, width, m.count(), alpha);
    double mean = m.mean(component);
    return new double[] {Math.max(lo, mean - half), Math.min(hi, mean + half)};
  }
}
