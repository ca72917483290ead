package io.ope4j.interval;

/**
 * A confidence interval for a policy value.
 *
 * @param lower lower end; may be {@code -Infinity} when the bound is vacuous
 * @param upper upper end; may be {@code +Infinity}
 * @param level nominal coverage, e.g. 0.95
 * @param method how it was computed
 * @param rangeLower for concentration bounds, the lower end of the per-round term range used;
 *     NaN otherwise
 * @param rangeUpper likewise, the upper end
 * @param rangeSource for concentration bounds, {@code "given"} or {@code "observed"}; null
 *     otherwise
 * @param replicates for the bootstrap, the number of replicates; 0 otherwise
 */
public record Interval(
    double lower,
    double upper,
    double level,
    IntervalMethod method,
    double rangeLower,
    double rangeUpper,
    String rangeSource,
    int replicates) {

  static Interval of(double lower, double upper, double level, IntervalMethod method) {
    return new Interval(lower, upper, level, method, Double.NaN, Double.NaN, null, 0);
  }
}
