package io.ope4j.sequence;

/**
 * A confidence sequence's interval after {@code rows} rows.
 *
 * @param rows rows folded in
 * @param estimate the running point estimate the sequence is built around (NaN before any row)
 * @param lower lower end
 * @param upper upper end
 */
public record SequenceInterval(long rows, double estimate, double lower, double upper) {

  /** Upper minus lower. */
  public double width() {
    return upper - lower;
  }

  /** Whether {@code value} lies in the closed interval. */
  public boolean covers(double value) {
    return lower <= value && value <= upper;
  }
}
