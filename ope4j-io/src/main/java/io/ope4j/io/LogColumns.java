package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import java.util.List;

/**
 * The columns a bandit log must provide, resolved against a header (the column names of a CSV
 * file, a Parquet schema or a Spark Dataset) with the rules of {@code shared/docs/formats.md}
 * and the {@link LogReadOptions}: which columns are read, which of them hold integers, and the
 * {@link LogLayout} they give. Every reader resolves its header here, so that CSV, Parquet and
 * Spark accept and reject the same logs with the same messages.
 *
 * <p>Immutable and serializable (Spark ships it to executors).
 */
public final class LogColumns implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** Expectation for the action and position columns of typed formats. */
  public static final String INTEGER_TYPES = "an integer column (int or long)";
  /** Expectation for every other column of typed formats. */
  public static final String NUMBER_TYPES = "a numeric column (double, float, int or long)";

  private final ColumnPlan plan;
  private final String source;
  private final int[] used;

  private LogColumns(List<String> header, LogReadOptions options, String source) {
    this.plan = ColumnPlan.resolve(header, options, source);
    this.source = source;
    this.used = plan.usedColumns();
  }

  /**
   * Resolves {@code options} against {@code header}.
   *
   * @param source how error messages name the log (a file name, or a Dataset's description)
   * @throws InvalidDataException (row 0, the header) on missing or duplicate columns, no policy
   *     columns, or wide column groups that disagree on the number of actions
   */
  public static LogColumns resolve(List<String> header, LogReadOptions options, String source) {
    return new LogColumns(header, options, source);
  }

  ColumnPlan plan() {
    return plan;
  }

  /** What batches of this log hold. */
  public LogLayout layout() {
    return plan().layout;
  }

  /** All column names of the header, in order. */
  public List<String> header() {
    return plan.header;
  }

  /** How messages name the log. */
  public String source() {
    return source;
  }

  /** Header indices of the columns read, ascending: a reader needs to read only these. */
  public int[] usedColumns() {
    return used.clone();
  }

  /** Header index of the logger column (formats.md, "Several loggers"), or -1 without one. */
  public int loggerColumn() {
    return plan.extras.logger();
  }

  /** Whether header column {@code column} must hold integers (the action and position). */
  public boolean isIntegerColumn(int column) {
    return column == plan.action || column == plan.position;
  }

  /**
   * The error for a column whose declared type cannot hold what it must, e.g. {@code logs.parquet
   * header, pscore: must be a numeric column (double, float, int or long), got string}.
   */
  public InvalidDataException typeError(int column, String actualType) {
    String expected = isIntegerColumn(column) ? INTEGER_TYPES : NUMBER_TYPES;
    return new InvalidDataException(source, 0, plan.header.get(column),
        "must be " + expected + ", got " + actualType);
  }
}
