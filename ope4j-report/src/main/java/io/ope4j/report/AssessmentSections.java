package io.ope4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.assess.EstimatorSummary;
import io.ope4j.io.report.AssessmentReport.PointResult;
import java.util.ArrayList;
import java.util.List;

/** The sections of an estimator benchmark: error distributions, bias² and variance, SharpeRatio@k. */
public final class AssessmentSections {

  /** Grid points beyond this many are in the tables only. */
  static final int MAX_CHARTED_POINTS = 8;

  private AssessmentSections() {}

  public static List<Section> of(List<PointResult> results) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("an assessment has at least one grid point");
    }
    return List.of(errors(results), biasVariance(results), sharpe(results));
  }

  static Section errors(List<PointResult> results) {
    List<String> estimators = estimators(results);
    ObjectNode data = ChartData.axes("estimator", "relative error |Ĵ − J| / |J|");
    ChartData.strings(data, "categories", estimators);
    ChartData.strings(data, "boxLabels", List.of("10% quantile", "10% quantile", "median", "90% quantile", "90% quantile"));
    ArrayNode series = data.putArray("series");
    Table table = Table.of("Table: relative error per grid point", "grid point", "estimator", "mean", "10%", "median", "90%");
    for (int p = 0; p < results.size(); p++) {
      PointResult point = results.get(p);
      ArrayNode boxes = p < MAX_CHARTED_POINTS ? series.addObject().put("name", label(results, point)).putArray("boxes") : null;
      for (EstimatorSummary s : point.summaries()) {
        double[] q = s.relativeErrorQuantiles();
        if (boxes != null) {
          boxes.addArray().add(q[0]).add(q[0]).add(q[1]).add(q[2]).add(q[2]);
        }
        table = table.withRow(label(results, point), s.estimator(), ChartData.num(s.relativeErrorMean()),
            ChartData.num(q[0]), ChartData.num(q[1]), ChartData.num(q[2]));
      }
    }
    return Section.of("Errors per estimator",
        "each box spans the 10% to 90% quantiles of an estimator's relative error over the replications and candidate"
            + " policies of one grid point, the line inside is the median: lower and shorter is better.")
        .withFact("grid points", Integer.toString(results.size()))
        .withFact("replications per point", Integer.toString(results.get(0).summaries().get(0).replications()))
        .withChart(new Chart("boxplot", "relative error (10%, median, 90%)", data, table));
  }

  static Section biasVariance(List<PointResult> results) {
    List<String> estimators = estimators(results);
    double[] bias = new double[estimators.size()];
    double[] variance = new double[estimators.size()];
    Table table = Table.of("Table: bias², variance and MSE per grid point", "grid point", "estimator", "bias²", "variance", "MSE");
    for (PointResult point : results) {
      for (EstimatorSummary s : point.summaries()) {
        int e = estimators.indexOf(s.estimator());
        bias[e] += s.squaredBias() / results.size();
        variance[e] += s.variance() / results.size();
        table = table.withRow(label(results, point), s.estimator(), ChartData.num(s.squaredBias()),
            ChartData.num(s.variance()), ChartData.num(s.meanSquaredError()));
      }
    }
    ObjectNode data = ChartData.axes("estimator", "mean squared error");
    ChartData.strings(data, "categories", estimators);
    ChartData.series(data, "bias²", bias);
    ChartData.series(data, "variance", variance);
    return Section.of("Bias² and variance",
        "the bar's height is the mean squared error averaged over the grid, split into squared bias (systematic error)"
            + " and variance (noise): a tall bias part is not cured by more data.")
        .withChart(new Chart("stacked", "MSE = bias² + variance, mean over the grid", data, table));
  }

  static Section sharpe(List<PointResult> results) {
    Section section = Section.of("SharpeRatio@k",
        "for each estimator, the mean SharpeRatio@k of the k policies it would send to an online test:"
            + " higher is a better risk-return trade; it is undefined at k = 1.");
    for (int p = 0; p < Math.min(results.size(), MAX_CHARTED_POINTS); p++) {
      PointResult point = results.get(p);
      int maxK = point.summaries().get(0).candidates();
      ObjectNode data = ChartData.axes("k", "SharpeRatio@k");
      ChartData.strings(data, "x", SelectionSections.ks(maxK));
      List<String> header = new ArrayList<>(List.of("estimator"));
      header.addAll(SelectionSections.ks(maxK).stream().map(k -> "k=" + k).toList());
      List<List<String>> rows = new ArrayList<>();
      for (EstimatorSummary s : point.summaries()) {
        ChartData.series(data, s.estimator(), s.sharpeRatio());
        List<String> row = new ArrayList<>(List.of(s.estimator()));
        for (double v : s.sharpeRatio()) {
          row.add(ChartData.num(v));
        }
        rows.add(row);
      }
      section = section.withChart(new Chart("lines", "grid point " + label(results, point), data,
          new Table("Table: SharpeRatio@k at " + label(results, point), header, rows)));
    }
    return section;
  }

  /**
   * The grid point's settings that differ between the points (e.g. {@code rows=400}), so that
   * legends stay short; the full label when only one point.
   */
  static String label(List<PointResult> results, PointResult point) {
    List<String> parts = new ArrayList<>();
    String[] mine = point.point().label().split(" ");
    for (int i = 0; i < mine.length; i++) {
      for (PointResult other : results) {
        String[] theirs = other.point().label().split(" ");
        if (theirs.length != mine.length || !theirs[i].equals(mine[i])) {
          parts.add(mine[i]);
          break;
        }
      }
    }
    return parts.isEmpty() ? point.point().label() : String.join(" ", parts);
  }

  private static List<String> estimators(List<PointResult> results) {
    List<String> names = new ArrayList<>();
    for (PointResult point : results) {
      for (EstimatorSummary s : point.summaries()) {
        if (!names.contains(s.estimator())) {
          names.add(s.estimator());
        }
      }
    }
    return names;
  }
}
