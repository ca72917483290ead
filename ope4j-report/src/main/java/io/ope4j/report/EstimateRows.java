package io.ope4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.interval.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * The estimates of one policy as an intervals chart's data and its table (estimator, value,
 * stderr, interval, a count, the truth and whether the interval covers it), built row by row.
 * Used by the trajectory and slate sections.
 */
final class EstimateRows {

  private final List<String> names = new ArrayList<>();
  private final double[] value;
  private final double[] lower;
  private final double[] upper;
  private final Double truth;
  private Table table;
  private int missed;

  /**
   * @param rows how many estimates will be added
   * @param countHeader the header of the count column, e.g. {@code episodes}
   * @param truth the policy's true value, or null
   */
  EstimateRows(String caption, int rows, String countHeader, Double truth) {
    this.value = new double[rows];
    this.lower = new double[rows];
    this.upper = new double[rows];
    this.truth = truth;
    this.table = Table.of(caption, "estimator", "value", "stderr", "lower", "upper", "interval method",
        countHeader, "truth", "covers truth");
  }

  void add(String estimator, double estimate, double stderr, Interval interval, long count) {
    int i = names.size();
    names.add(estimator);
    value[i] = estimate;
    lower[i] = interval.lower();
    upper[i] = interval.upper();
    boolean misses = truth != null && !interval.covers(truth);
    missed += misses ? 1 : 0;
    table = table.withRow(estimator, ChartData.num(estimate), ChartData.num(stderr), ChartData.num(lower[i]),
        ChartData.num(upper[i]), interval.label(), Long.toString(count), truth == null ? "" : ChartData.num(truth),
        truth == null ? "" : misses ? "no" : "yes");
  }

  /** The intervals chart's data, the truth marked where known. */
  ObjectNode chartData() {
    return EvaluationSections.intervalData(names, value, lower, upper, truth);
  }

  Table table() {
    return table;
  }

  /** Intervals that miss the truth. */
  int missed() {
    return missed;
  }
}
