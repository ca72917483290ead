package io.ope4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.assess.EstimatorSummary;
import io.ope4j.assess.GridPoint;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.ScopeRlCompatibility;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes an assessment: per grid point, per estimator the summary. The table shows SharpeRatio@k
 * for small k and the chosen k; JSON holds every curve in full; CSV has one row per grid point,
 * estimator and k (tidy, for plotting).
 */
final class AssessWriter {

  /** Largest k shown as its own SharpeRatio column in the table (besides the chosen k). */
  static final int TABLE_MAX_K = 6;

  /** One grid point's outcome. */
  record PointResult(GridPoint point, KnownValues truth, List<EstimatorSummary> summaries) {}

  private final List<PointResult> results;
  private final int replications;
  private final int topK;
  private final ScopeRlCompatibility compatibility;

  AssessWriter(List<PointResult> results, int replications, int topK, ScopeRlCompatibility compatibility) {
    this.results = List.copyOf(results);
    this.replications = replications;
    this.topK = topK;
    this.compatibility = compatibility;
  }

  void write(String format, PrintWriter out) throws IOException {
    switch (format) {
      case "json" -> writeJson(out);
      case "csv" -> writeCsv(out);
      default -> writeTable(out);
    }
    out.flush();
  }

  private void writeTable(PrintWriter out) {
    for (int i = 0; i < results.size(); i++) {
      PointResult result = results.get(i);
      int candidates = result.truth().size();
      out.printf(Locale.ROOT, "[%d/%d] %s%n", i + 1, results.size(), result.point().label());
      out.printf(Locale.ROOT, "%d candidates (true values %s to %s), behaviour policy %s, %d replications%s%n%n",
          candidates, SelectFormat.num(min(result.truth().trueValues())), SelectFormat.num(max(result.truth().trueValues())),
          SelectFormat.num(result.truth().behaviourValue()), replications,
          compatibility == ScopeRlCompatibility.NONE ? "" : ", SCOPE-RL's definitions (" + AssessCommand.id(compatibility) + ")");
      List<Integer> ks = sharpeColumns(candidates);
      TextTable table = new TextTable();
      List<String> header = new ArrayList<>(List.of("estimator", "rel. error", "p10", "p50", "p90", "bias²",
          "variance", "MSE", "Spearman", "Kendall", "regret@" + topK));
      for (int k : ks) {
        header.add("SR@" + k);
      }
      table.header(header);
      for (EstimatorSummary s : result.summaries()) {
        double[] q = s.relativeErrorQuantiles();
        List<String> row = new ArrayList<>(List.of(s.estimator(), SelectFormat.num(s.relativeErrorMean()),
            SelectFormat.num(q[0]), SelectFormat.num(q[1]), SelectFormat.num(q[2]), SelectFormat.num(s.squaredBias()),
            SelectFormat.num(s.variance()), SelectFormat.num(s.meanSquaredError()), SelectFormat.num(s.rankCorrelation()),
            SelectFormat.num(s.kendallTau()), SelectFormat.num(s.regretAt(topK))));
        for (int k : ks) {
          row.add(SelectFormat.num(s.sharpeRatioAt(k)));
        }
        table.row(row);
      }
      table.print(out);
      out.println(verdict(result.summaries()));
      out.println();
    }
  }

  /** The k of the table's SharpeRatio columns: 2 .. min(N, 6), and the chosen k if larger. */
  private List<Integer> sharpeColumns(int candidates) {
    List<Integer> ks = new ArrayList<>();
    for (int k = 2; k <= Math.min(candidates, TABLE_MAX_K); k++) {
      ks.add(k);
    }
    if (topK > TABLE_MAX_K) {
      ks.add(topK);
    }
    return ks;
  }

  /** Which estimator wins on accuracy and which on the risk-return of its top k. */
  private String verdict(List<EstimatorSummary> summaries) {
    EstimatorSummary lowestMse = summaries.get(0);
    EstimatorSummary bestSharpe = null;
    for (EstimatorSummary s : summaries) {
      if (s.meanSquaredError() < lowestMse.meanSquaredError()) {
        lowestMse = s;
      }
      double sharpe = s.sharpeRatioAt(topK);
      if (!Double.isNaN(sharpe) && (bestSharpe == null || sharpe > bestSharpe.sharpeRatioAt(topK))) {
        bestSharpe = s;
      }
    }
    String line = "Lowest MSE: " + lowestMse.estimator() + ".";
    if (bestSharpe != null) {
      line += " Highest SharpeRatio@" + topK + ": " + bestSharpe.estimator() + ".";
    }
    return line;
  }

  private void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("replications", replications);
    root.put("top_k", topK);
    root.put("definitions", AssessCommand.id(compatibility));
    ArrayNode levels = root.putArray("relative_error_quantile_levels");
    for (double level : EstimatorSummary.QUANTILE_LEVELS) {
      levels.add(level);
    }
    ArrayNode grid = root.putArray("grid");
    for (PointResult result : results) {
      ObjectNode node = grid.addObject();
      GridPoint point = result.point();
      node.put("rows", point.rows());
      node.put("actions", point.nActions());
      node.put("behaviour_temperature", point.behaviourTemperature());
      node.put("reward_noise", point.rewardNoise());
      node.put("pool", point.pool());
      SelectFormat.put(node, "behaviour_value", result.truth().behaviourValue());
      ObjectNode truths = node.putObject("true_values");
      for (int p = 0; p < result.truth().size(); p++) {
        truths.put(result.truth().candidates().get(p), result.truth().trueValue(p));
      }
      ArrayNode estimators = node.putArray("estimators");
      for (EstimatorSummary s : result.summaries()) {
        ObjectNode e = estimators.addObject();
        e.put("estimator", s.estimator());
        SelectFormat.put(e, "relative_error_mean", s.relativeErrorMean());
        SelectFormat.putArray(e, "relative_error_quantiles", s.relativeErrorQuantiles());
        SelectFormat.put(e, "squared_bias", s.squaredBias());
        SelectFormat.put(e, "variance", s.variance());
        SelectFormat.put(e, "mse", s.meanSquaredError());
        SelectFormat.put(e, "spearman", s.rankCorrelation());
        SelectFormat.put(e, "kendall_tau", s.kendallTau());
        SelectFormat.putArray(e, "regret_at_k", s.regret());
        SelectFormat.putArray(e, "best_at_k", s.best());
        SelectFormat.putArray(e, "std_at_k", s.std());
        SelectFormat.putArray(e, "sharpe_ratio_at_k", s.sharpeRatio());
      }
    }
    out.println(mapper.writeValueAsString(root));
  }

  private void writeCsv(PrintWriter out) {
    out.println("rows,actions,behaviour_temperature,reward_noise,pool,estimator,k,relative_error_mean,"
        + "relative_error_p10,relative_error_p50,relative_error_p90,squared_bias,variance,mse,spearman,kendall_tau,"
        + "regret_at_k,best_at_k,std_at_k,sharpe_ratio_at_k");
    for (PointResult result : results) {
      GridPoint point = result.point();
      String prefix = point.rows() + "," + point.nActions() + "," + point.behaviourTemperature() + ","
          + point.rewardNoise() + "," + quoted(point.pool());
      for (EstimatorSummary s : result.summaries()) {
        double[] q = s.relativeErrorQuantiles();
        String summary = String.join(",", SelectFormat.csv(s.relativeErrorMean()), SelectFormat.csv(q[0]),
            SelectFormat.csv(q[1]), SelectFormat.csv(q[2]), SelectFormat.csv(s.squaredBias()),
            SelectFormat.csv(s.variance()), SelectFormat.csv(s.meanSquaredError()),
            SelectFormat.csv(s.rankCorrelation()), SelectFormat.csv(s.kendallTau()));
        double[] best = s.best();
        double[] std = s.std();
        for (int k = 1; k <= s.candidates(); k++) {
          out.println(prefix + "," + quoted(s.estimator()) + "," + k + "," + summary + ","
              + SelectFormat.csv(s.regretAt(k)) + "," + SelectFormat.csv(best[k - 1]) + ","
              + SelectFormat.csv(std[k - 1]) + "," + SelectFormat.csv(s.sharpeRatioAt(k)));
        }
      }
    }
  }

  /** A CSV field, quoted when it holds a comma or quote (pool specs and estimator specs may). */
  private static String quoted(String field) {
    return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
  }

  private static double min(double[] values) {
    double low = Double.POSITIVE_INFINITY;
    for (double value : values) {
      low = Math.min(low, value);
    }
    return low;
  }

  private static double max(double[] values) {
    double high = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      high = Math.max(high, value);
    }
    return high;
  }
}
