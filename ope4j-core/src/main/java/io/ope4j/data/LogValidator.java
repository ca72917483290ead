package io.ope4j.data;

import java.util.List;

/**
 * The value rules of formats.md, in one place for every way a log enters the library (the CSV,
 * Parquet and JSON Lines readers, the Spark engine and {@link ColumnarLog}): action an integer in
 * [0, K), reward finite, pscore in (0, 1], position an integer >= 0, probabilities in [0, 1] with
 * wide rows summing to 1 within {@link #SUM_TOLERANCE}, model values finite.
 *
 * <p>Each check returns the value when it holds and otherwise throws an {@link
 * InvalidDataException} with the one message format of the project: source, 1-based data row,
 * column, expectation and the value, e.g. {@code logs.csv row 10412, pscore: must be in (0, 1],
 * got 0.0}. Nothing is clipped or skipped. How a bad value is shown comes from the caller's
 * {@link ValueText} (the text as written in a CSV file, {@code null} for a Parquet null); without
 * one it is {@link Double#toString(double)} of the value.
 *
 * <p>The checks allocate nothing unless they fail. One validator serves one thread: it holds the
 * current row number.
 */
public final class LogValidator {

  /** Tolerance on {@code |sum_a pi(a) - 1|} for a valid wide policy row (formats.md). */
  public static final double SUM_TOLERANCE = 1e-6;

  /** How a reader shows the current row's values in messages. */
  public interface ValueText {
    /** The value of column {@code column} in the current row, as written. */
    String describe(int column);

    /** Appended to every message about the current row, e.g. the whole row; empty by default. */
    default String rowContext() {
      return "";
    }
  }

  static final String PSCORE_RANGE = "must be in (0, 1]";
  static final String FINITE = "must be a finite number";
  static final String POSITIVE_DENSITY = "must be a finite density > 0";
  static final String DENSITY = "must be a finite density >= 0";
  static final String PROBABILITY = "must be a probability in [0, 1]";
  static final String NON_NEGATIVE_INTEGER = "must be an integer >= 0";
  /** Actions and positions must fit an int; 2^31 itself is out. */
  private static final double INT_LIMIT = 0x1p31;

  private final String source;
  private final List<String> columns;
  private final ValueText text;
  private final String actionRange;
  private final double actionLimit;
  private long row;

  /**
   * @param source how messages name the log (a file name, {@code ColumnarLog}, a Dataset)
   * @param columns the column names, indexed as the checks' {@code column} arguments
   * @param nActions K, or -1 when unknown (actions are then only checked to be integers >= 0)
   * @param text shows the current row's values in messages, or null to show the numbers
   */
  public LogValidator(String source, List<String> columns, int nActions, ValueText text) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.text = text;
    this.actionRange = nActions > 0
        ? "must be an integer in [0, " + nActions + ")" : NON_NEGATIVE_INTEGER;
    this.actionLimit = nActions > 0 ? nActions : INT_LIMIT;
  }

  /** Sets the 1-based data row that the following checks are about. */
  public void atRow(long dataRow) {
    this.row = dataRow;
  }

  /** The logged action: an integer in [0, K) (or >= 0 when K is unknown). */
  public int action(int column, double value) {
    if (!(value >= 0 && value < actionLimit && value == Math.rint(value))) {
      throw invalid(column, value, actionRange);
    }
    return (int) value;
  }

  /** The behaviour policy's probability of the logged action: in (0, 1]. */
  public double pscore(int column, double value) {
    if (!(value > 0.0 && value <= 1.0)) {
      throw invalid(column, value, PSCORE_RANGE);
    }
    return value;
  }

  /** A position (slot): an integer >= 0. */
  public int position(int column, double value) {
    if (!(value >= 0 && value < INT_LIMIT && value == Math.rint(value))) {
      throw invalid(column, value, NON_NEGATIVE_INTEGER);
    }
    return (int) value;
  }

  /** A reward or a reward model's value: finite. */
  public double finite(int column, double value) {
    if (!Double.isFinite(value)) {
      throw invalid(column, value, FINITE);
    }
    return value;
  }

  /** A density (a continuous action's behaviour density): finite and > 0. */
  public double positiveDensity(int column, double value) {
    if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
      throw invalid(column, value, POSITIVE_DENSITY);
    }
    return value;
  }

  /** An evaluation policy's density at the logged action: finite and >= 0. */
  public double density(int column, double value) {
    if (!(value >= 0.0 && value < Double.POSITIVE_INFINITY)) {
      throw invalid(column, value, DENSITY);
    }
    return value;
  }

  /** An evaluation policy's probability: in [0, 1]. */
  public double probability(int column, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw invalid(column, value, PROBABILITY);
    }
    return value;
  }

  /**
   * Checks that one row of a wide policy sums to 1 within {@code tolerance} (formats.md's
   * default is {@link #SUM_TOLERANCE}; users may widen it, e.g. for float32 policies).
   *
   * @param label how messages name the policy's columns as a whole, e.g. {@code pi_0..pi_33}
   * @param policy the policy's name
   */
  public void probabilitySum(String label, String policy, double sum, double tolerance) {
    probabilitySumOf(label, "evaluation policy '" + policy + "'", sum, tolerance);
  }

  /** As {@link #probabilitySum}, for the behaviour policy's wide row. */
  public void behaviorProbabilitySum(String label, double sum, double tolerance) {
    probabilitySumOf(label, "the behaviour policy", sum, tolerance);
  }

  private void probabilitySumOf(String label, String whose, double sum, double tolerance) {
    if (!(Math.abs(sum - 1.0) <= tolerance)) {
      throw new InvalidDataException(source, row, label,
          "probabilities of " + whose + " sum to " + sum
              + ", must sum to 1 within " + tolerance + rowContext());
    }
  }

  /** Refuses a value that contradicts another column of the same row ({@code expectation} says how). */
  public void contradiction(int column, String expectation) {
    throw invalid(column, Double.NaN, expectation);
  }

  private InvalidDataException invalid(int column, double value, String expectation) {
    String shown = text != null ? text.describe(column) : Double.toString(value);
    return new InvalidDataException(source, row, columns.get(column),
        expectation + ", got " + shown + rowContext());
  }

  private String rowContext() {
    return text != null ? text.rowContext() : "";
  }
}
