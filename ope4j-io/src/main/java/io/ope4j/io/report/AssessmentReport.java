package io.ope4j.io.report;

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
public final class AssessmentReport implements Report {

  /** Largest k shown as its own SharpeRatio column in the table (besides the chosen k). */
  public static final int TABLE_MAX_K = 6;

  /** One grid point's outcome. */
  public record PointResult(GridPoint point, KnownValues truth, List<EstimatorSummary> summaries) {}

  private final List<PointResult> results;
  private final int replications;
  private final int topK;
  private final ScopeRlCompatibility compatibility;

  /**
   * @param results one per grid point, in grid order
   * @param replications logs simulated per grid point
   * @param topK the budget k shown in the table (JSON and CSV hold every k)
   * @param compatibility whose definitions the summaries use
   */
  public AssessmentReport(List<PointResult> results, int replications, int topK, ScopeRlCompatibility compatibility) {
    this.results = List.copyOf(results);
    this.replications = replications;
    this.topK = topK;
    this.compatibility = compatibility;
  }

  @Override
  public void writeTable(PrintWriter out) {
    for (int i = 0; i < results.size(); i++) {
      PointResult result = results.get(i);
      int candidates = result.truth().size();
      out.printf(Locale.ROOT, "[%d/%d] %s%n", i + 1, results.size(), result.point().label());
      out.printf(Locale.ROOT, "%d candidates (true values %s to %s), behaviour policy %s, %d replications%s%n%n",
          candidates, Formats.num(min(result.truth().trueValues())), Formats.num(max(result.truth().trueValues())),
          Formats.num(result.truth().behaviourValue()), replications,
          compatibility == ScopeRlCompatibility.NONE ? "" : ", SCOPE-RL's definitions (" + definitions(compatibility) + ")");
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
        List<String> row = new ArrayList<>(List.of(s.estimator(), Formats.num(s.relativeErrorMean()),
            Formats.num(q[0]), Formats.num(q[1]), Formats.num(q[2]), Formats.num(s.squaredBias()),
            Formats.num(s.variance()), Formats.num(s.meanSquaredError()), Formats.num(s.rankCorrelation()),
            Formats.num(s.kendallTau()), Formats.num(s.regretAt(topK))));
        for (int k : ks) {
          row.add(Formats.num(s.sharpeRatioAt(k)));
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

  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("replications", replications);
    root.put("top_k", topK);
    root.put("definitions", definitions(compatibility));
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
      node.put("behavior_temperature", point.behaviourTemperature());
      node.put("reward_noise", point.rewardNoise());
      node.put("pool", point.pool());
      if (point.setting() != null) {
        node.put("setting", point.setting());
      }
      Formats.put(node, "behavior_value", result.truth().behaviourValue());
      ObjectNode truths = node.putObject("true_values");
      for (int p = 0; p < result.truth().size(); p++) {
        truths.put(result.truth().candidates().get(p), result.truth().trueValue(p));
      }
      ArrayNode estimators = node.putArray("estimators");
      for (EstimatorSummary s : result.summaries()) {
        ObjectNode e = estimators.addObject();
        e.put("estimator", s.estimator());
        Formats.put(e, "relative_error_mean", s.relativeErrorMean());
        Formats.putArray(e, "relative_error_quantiles", s.relativeErrorQuantiles());
        Formats.put(e, "squared_bias", s.squaredBias());
        Formats.put(e, "variance", s.variance());
        Formats.put(e, "mse", s.meanSquaredError());
        Formats.put(e, "spearman", s.rankCorrelation());
        Formats.put(e, "kendall_tau", s.kendallTau());
        Formats.putArray(e, "regret_at_k", s.regret());
        Formats.putArray(e, "best_at_k", s.best());
        Formats.putArray(e, "std_at_k", s.std());
        Formats.putArray(e, "sharpe_ratio_at_k", s.sharpeRatio());
      }
    }
    out.println(mapper.writeValueAsString(root));
  }

  @Override
  public void writeCsv(PrintWriter out) {
    out.println("rows,actions,behaviour_temperature,reward_noise,pool,estimator,k,relative_error_mean,"
        + "relative_error_p10,relative_error_p50,relative_error_p90,squared_bias,variance,mse,spearman,kendall_tau,"
        + "regret_at_k,best_at_k,std_at_k,sharpe_ratio_at_k");
    for (PointResult result : results) {
      GridPoint point = result.point();
      String prefix = point.rows() + "," + point.nActions() + "," + point.behaviourTemperature() + ","
          + point.rewardNoise() + "," + quoted(point.pool());
      for (EstimatorSummary s : result.summaries()) {
        double[] q = s.relativeErrorQuantiles();
        String summary = String.join(",", Formats.csv(s.relativeErrorMean()), Formats.csv(q[0]),
            Formats.csv(q[1]), Formats.csv(q[2]), Formats.csv(s.squaredBias()),
            Formats.csv(s.variance()), Formats.csv(s.meanSquaredError()),
            Formats.csv(s.rankCorrelation()), Formats.csv(s.kendallTau()));
        double[] best = s.best();
        double[] std = s.std();
        for (int k = 1; k <= s.candidates(); k++) {
          out.println(prefix + "," + quoted(s.estimator()) + "," + k + "," + summary + ","
              + Formats.csv(s.regretAt(k)) + "," + Formats.csv(best[k - 1]) + ","
              + Formats.csv(std[k - 1]) + "," + Formats.csv(s.sharpeRatioAt(k)));
        }
      }
    }
  }

  /** The id of {@code mode} as the CLI and the JSON spell it, e.g. {@code scope-rl-clipped-sharpe}. */
  public static String definitions(ScopeRlCompatibility mode) {
    return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
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
