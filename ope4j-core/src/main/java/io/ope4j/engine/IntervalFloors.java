package io.ope4j.engine;

import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.estimator.Estimator;
import io.ope4j.interval.Interval;
import io.ope4j.interval.Intervals;
import io.ope4j.interval.TermRange;
import java.util.List;

/**
 * Keeps an interval from claiming more than the data know, whatever method computed it.
 *
 * <ul>
 *   <li>The direct method's interval is marked conditional on the reward model: it measures the
 *       noise of the model's predictions, not the model's bias.
 *   <li>With rewards in a known range [lo, hi] (given, or every reward 0 or 1), the interval of an
 *       estimator that weights is joined with the Wilson score interval of the estimate scaled to
 *       [0, 1] at Kish's effective sample size of the policy's weights, then cut to [lo, hi]. A
 *       reward in [lo, hi] with mean m has variance at most (m - lo)(hi - m) (Bhatia & Davis 2000),
 *       with equality for binary rewards, so this floor is the binomial noise of that many
 *       effective rounds: where every matched reward sits at a bound, the t interval has zero width
 *       and the floor does not. A plain estimator without a model (IPW) is floored at the
 *       self-normalised ratio {@code value / mean(w)}: both estimate the same value when the weights
 *       have mean 1, and the ratio does not inherit the skew of {@code mean(w)} under heavy weights.
 *   <li>Otherwise an interval of zero width (every term equal) becomes unbounded, with a warning:
 *       without a known range, a sample without spread says nothing about the spread.
 * </ul>
 */
final class IntervalFloors {

  private IntervalFloors() {}

  /** The interval as its method gave it; only DM's is labelled conditional on the model. */
  static Interval raw(Interval interval, Estimator estimator) {
    return estimator.needsPscore() ? interval : interval.conditionalOnModel();
  }

  /**
   * @param value the point estimate the interval is around
   * @param bounds the range every reward is known to lie in, or null
   * @param boundsSource {@code given} or {@code binary}
   * @param weights the policy's weight diagnostics (Kish's effective sample size, mean weight)
   * @param warnings where to add a warning for people
   */
  static Interval apply(Interval interval, double value, Estimator estimator, String label, TermRange bounds,
      String boundsSource, WeightDiagnostics weights, List<String> warnings) {
    if (!estimator.needsPscore()) {
      // DM gets no floor (its interval is model-conditional), but no point interval either
      Interval dm = raw(interval, estimator);
      if (dm.degenerate()) {
        warnings.add(label + ": every prediction of the reward model is equal, so the log says nothing about"
            + " their spread; the model-conditional interval is unbounded");
        return dm.widened(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null);
      }
      return dm;
    }
    if (Double.isNaN(value) || Double.isNaN(interval.lower()) || Double.isNaN(interval.upper())) {
      return interval;
    }
    if (bounds != null) {
      double width = bounds.upper() - bounds.lower();
      double centre = estimator.selfNormalized() || estimator.needsModel() ? value : value / weights.meanWeight();
      double share = Double.isNaN(centre) ? 0.5 : Math.min(1.0, Math.max(0.0, (centre - bounds.lower()) / width));
      double[] wilson = Intervals.wilson(share, weights.effectiveSampleSize(), interval.level());
      double lower = Math.min(interval.lower(), bounds.lower() + width * wilson[0]);
      double upper = Math.max(interval.upper(), bounds.lower() + width * wilson[1]);
      Interval.Floor wilsonFloor = Interval.Floor.wilson(bounds, boundsSource);
      return interval.widened(Math.max(bounds.lower(), lower), Math.min(bounds.upper(), upper),
          interval.floor() == null ? wilsonFloor : interval.floor().then(wilsonFloor));
    }
    if (interval.degenerate()) {
      warnings.add(label + ": every per-round term is equal, so the log says nothing about their spread; the"
          + " interval is unbounded (give --reward-range LO,HI if the rewards are bounded)");
      return interval.unbounded();
    }
    return interval;
  }
}
