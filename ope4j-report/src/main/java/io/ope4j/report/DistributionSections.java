package io.ope4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.io.report.Formats;
import io.ope4j.sequential.distribution.DistributionConfig;
import io.ope4j.sequential.distribution.DistributionResult;
import io.ope4j.sequential.distribution.ReturnDistribution;
import io.ope4j.sequential.distribution.RiskSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The section of an estimated return distribution: per policy, a chart of each estimator's CDF
 * on the grid (the band of the first estimator drawn beside it), and the risk functions.
 */
public final class DistributionSections {

  private DistributionSections() {}

  /** The distribution section. */
  public static List<Section> of(DistributionResult result, DistributionConfig config) {
    Section section = Section.of("Distribution of the return",
        "each line is an estimator's estimate of P(return ≤ x) under the policy; a line that rises early"
            + " means a heavy lower tail. CVaR(α) is the mean of the worst α share of returns: two policies"
            + " with the same mean can differ there." + (config.scopeRl() ? " (SCOPE-RL's coded definitions.)"
            : ""))
        .withFact("logged episodes", String.format(Locale.ROOT, "%,d", result.episodes()))
        .withFact("grid", result.grid().size() + " points, " + Formats.num(result.grid().point(0)) + " to "
            + Formats.num(result.grid().point(result.grid().size() - 1)))
        .withWarnings(result.warnings());
    Set<String> policies = new LinkedHashSet<>();
    result.distributions().forEach(d -> policies.add(d.policy()));
    int charted = 0;
    for (String policy : policies) {
      List<ReturnDistribution> rows = result.distributions().stream()
          .filter(d -> d.policy().equals(policy)).toList();
      Table risks = riskTable(policy, rows, config);
      if (charted++ < EvaluationSections.MAX_POLICY_CHARTS) {
        section = section.withChart(new Chart("lines", "policy " + policy + ": CDF of the return",
            cdfData(result, rows, config.cvarAlphas()), risks));
      } else {
        section = section.withTable(risks);
      }
    }
    return List.of(section);
  }

  /** The index of the point nearest {@code value}. */
  private static int nearest(double[] points, double value) {
    int best = 0;
    for (int i = 1; i < points.length; i++) {
      if (Math.abs(points[i] - value) < Math.abs(points[best] - value)) {
        best = i;
      }
    }
    return best;
  }

  private static ObjectNode cdfData(DistributionResult result, List<ReturnDistribution> rows, double[] alphas) {
    ObjectNode data = ChartData.axes("return", "P(return ≤ x)");
    List<String> x = new ArrayList<>();
    for (double point : result.grid().points()) {
      x.add(ChartData.num(point));
    }
    ChartData.strings(data, "x", x);
    for (ReturnDistribution d : rows) {
      ChartData.series(data, d.estimator().id(), d.cdf());
    }
    ReturnDistribution first = rows.get(0);
    if (first.hasBand()) {
      ChartData.series(data, first.estimator().id() + " band (lower)", first.bandLower());
      ChartData.series(data, first.estimator().id() + " band (upper)", first.bandUpper());
    }
    if (first.risk() != null) {
      // The first estimator's CVaRs, each marked at the grid point nearest its value.
      var marks = data.putArray("marks");
      double[] points = result.grid().points();
      for (int a = 0; a < alphas.length && a < first.risk().cvar().length; a++) {
        double cvar = first.risk().cvar()[a];
        if (Double.isFinite(cvar)) {
          marks.addObject().put("x", nearest(points, cvar))
              .put("name", first.estimator().id() + " CVaR " + level(alphas[a]) + " = " + ChartData.num(cvar));
        }
      }
    }
    return data;
  }

  private static Table riskTable(String policy, List<ReturnDistribution> rows, DistributionConfig config) {
    List<String> header = new ArrayList<>(List.of("estimator", "mean", "variance"));
    for (double alpha : config.cvarAlphas()) {
      header.add("CVaR " + level(alpha));
    }
    double alpha = config.quantileAlpha();
    header.addAll(List.of("quantile " + level(alpha), "median", "quantile " + level(1 - alpha)));
    Table table = Table.of("Table: risk functions of " + policy, header.toArray(new String[0]));
    for (ReturnDistribution d : rows) {
      List<String> cells = new ArrayList<>(List.of(d.estimator().id()));
      RiskSummary risk = d.risk();
      if (risk == null) {
        while (cells.size() < header.size()) {
          cells.add("");
        }
      } else {
        cells.add(ChartData.num(risk.mean()));
        cells.add(ChartData.num(risk.variance()));
        for (double value : risk.cvar()) {
          cells.add(ChartData.num(value));
        }
        cells.addAll(List.of(ChartData.num(risk.lowerQuantile()), ChartData.num(risk.median()),
            ChartData.num(risk.upperQuantile())));
      }
      table = table.withRow(cells.toArray(new String[0]));
    }
    return table;
  }

  /** A level as typed: 0.1, not 0.100000. */
  private static String level(double alpha) {
    return new java.math.BigDecimal(Double.toString(alpha)).stripTrailingZeros().toPlainString();
  }
}
