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
 * @param floor how the method's interval was widened so that it never claims more than the data
 *     know (see {@link Floor}), or null when it was not
 * @param modelConditional whether the interval holds only if the reward model is right (the
 *     direct method's: it reflects the noise of the model's predictions, not the model's bias)
 */
public record Interval(
    double lower,
    double upper,
    double level,
    IntervalMethod method,
    double rangeLower,
    double rangeUpper,
    String rangeSource,
    int replicates,
    Floor floor,
    boolean modelConditional) {

  /**
   * How an interval was widened.
   *
   * @param kind {@link #WILSON} (joined with the Wilson score interval on the reward range, then
   *     cut to it), {@code bias} (widened by a bound on the bias of altered importance weights,
   *     from the reward range), both as {@code bias+wilson}, or {@link #UNBOUNDED} (the terms showed
   *     no spread and no reward range is known)
   * @param rewardLower for a floor from the reward range, its lower end; NaN otherwise
   * @param rewardUpper likewise, the upper end
   * @param rangeSource for a floor from the reward range: {@code "given"} (by the user) or {@code
   *     "binary"} (every reward is 0 or 1); null otherwise
   */
  public record Floor(String kind, double rewardLower, double rewardUpper, String rangeSource)
      implements java.io.Serializable {

    public static final String WILSON = "wilson";
    public static final String UNBOUNDED = "unbounded";

    /** The Wilson floor on rewards in {@code range}. */
    public static Floor wilson(TermRange range, String source) {
      return new Floor(WILSON, range.lower(), range.upper(), source);
    }

    /** This widening followed by {@code next}: both kinds, e.g. {@code bias+wilson}, and next's range. */
    public Floor then(Floor next) {
      return new Floor(kind + "+" + next.kind, next.rewardLower, next.rewardUpper, next.rangeSource);
    }

    /** No spread observed, no range known. */
    public static Floor unbounded() {
      return new Floor(UNBOUNDED, Double.NaN, Double.NaN, null);
    }
  }

  /** An interval as its method computed it. */
  public Interval(double lower, double upper, double level, IntervalMethod method, double rangeLower,
      double rangeUpper, String rangeSource, int replicates) {
    this(lower, upper, level, method, rangeLower, rangeUpper, rangeSource, replicates, null, false);
  }

  static Interval of(double lower, double upper, double level, IntervalMethod method) {
    return new Interval(lower, upper, level, method, Double.NaN, Double.NaN, null, 0);
  }

  /** This interval with new ends, widened as {@code newFloor} says. */
  public Interval widened(double newLower, double newUpper, Floor newFloor) {
    return new Interval(newLower, newUpper, level, method, rangeLower, rangeUpper, rangeSource, replicates,
        newFloor, modelConditional);
  }

  /**
   * Whether the interval has zero width: a sample without spread says nothing about the spread,
   * so such an interval must not be reported as it is.
   */
  public boolean degenerate() {
    return lower == upper;
  }

  /** This interval widened to (-inf, +inf), marked {@code +unbounded}: no spread, no range known. */
  public Interval unbounded() {
    return widened(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Floor.unbounded());
  }

  /** This interval marked as conditional on the reward model. */
  public Interval conditionalOnModel() {
    return new Interval(lower, upper, level, method, rangeLower, rangeUpper, rangeSource, replicates, floor, true);
  }

  /**
   * The method as written in reports ({@code ci_method}): the method's id, then {@code +wilson}
   * or {@code +unbounded} when it was widened, e.g. {@code t+wilson}.
   */
  public String label() {
    return floor == null ? method.id() : method.id() + "+" + floor.kind();
  }

  /** Whether {@code value} lies in the closed interval. */
  public boolean covers(double value) {
    return lower <= value && value <= upper;
  }
}
