package io.ope4j.engine;

import io.ope4j.data.InvalidDataException;

import io.ope4j.interval.TermRange;

/**
 * What the intervals need to know of the rewards, in one mergeable pass: their extremes, how
 * many are neither 0 nor 1 (none: binary rewards, bounded in [0, 1]), and the first row outside
 * a given reward range. Mutable, for one thread; {@link #merge} is order-independent.
 */
final class RewardStats implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final TermRange given;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private long nonBinary;
  private long firstOutside = -1;

  /** @param given the reward range the user gave, or null */
  RewardStats(TermRange given) {
    this.given = given;
  }

  /** Folds in rewards {@code [from, to)}, the first of which is row {@code firstRow + from}. */
  void addBlock(double[] reward, int from, int to, long firstRow) {
    // Rewards are finite (the readers check), so plain comparisons replace Math.min/max (whose
    // NaN and -0.0 rules cost about half of a whole evaluation's time here), and r (r - 1) is 0
    // exactly when r is 0 or 1.
    double lo = min;
    double hi = max;
    int other = 0;
    for (int i = from; i < to; i++) {
      double r = reward[i];
      lo = r < lo ? r : lo;
      hi = r > hi ? r : hi;
      other |= r * (r - 1.0) != 0.0 ? 1 : 0;
    }
    min = lo;
    max = hi;
    if (other != 0) {
      nonBinary++; // blocks holding a reward other than 0 and 1; only "none" matters
    }
    if (given != null && firstOutside < 0 && (lo < given.lower() || hi > given.upper())) {
      for (int i = from; i < to; i++) {
        if (reward[i] < given.lower() || reward[i] > given.upper()) {
          firstOutside = firstRow + i;
          break;
        }
      }
    }
  }

  void merge(RewardStats other) {
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    nonBinary += other.nonBinary;
    if (other.firstOutside >= 0 && (firstOutside < 0 || other.firstOutside < firstOutside)) {
      firstOutside = other.firstOutside;
    }
  }

  /**
   * The range every reward is known to lie in: the given one, else [0, 1] when every reward is 0
   * or 1, else null.
   *
   * @param source how the message names the log
   * @throws InvalidDataException naming the first row whose reward is outside the given range
   */
  TermRange bounds(String source) {
    if (given != null) {
      if (firstOutside >= 0) {
        throw new InvalidDataException(source, firstOutside + 1, "reward", String.format(
            "rewards are observed in [%s, %s], outside the given reward range [%s, %s]",
            min, max, given.lower(), given.upper()));
      }
      return given;
    }
    return nonBinary == 0 && min <= max ? new TermRange(0.0, 1.0) : null;
  }

  /** Where {@link #bounds()} comes from: {@code "given"} or {@code "binary"}. */
  String boundsSource() {
    return given != null ? "given" : "binary";
  }
}
