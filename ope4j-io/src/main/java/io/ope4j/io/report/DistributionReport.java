package io.ope4j.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.sequential.distribution.DistributionConfig;
import io.ope4j.sequential.distribution.DistributionResult;
import io.ope4j.sequential.distribution.ReturnDistribution;
import io.ope4j.sequential.distribution.RiskSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Estimated return distributions (docs/distribution.md): the risk functions as a table; JSON with
 * the grid, every CDF and band and the risk functions; CSV with one row per policy, estimator and
 * grid point (for plotting). Non-finite numbers are JSON null and empty CSV fields.
 */
public final class DistributionReport implements Report {

  private final DistributionResult result;
  private final DistributionConfig config;

  private DistributionReport(DistributionResult result, DistributionConfig config) {
    this.result = result;
    this.config = config;
  }

  /** The report of {@code result}, made with {@code config}. */
  public static DistributionReport of(DistributionResult result, DistributionConfig config) {
    return new DistributionReport(result, config);
  }

  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "trajectory-distribution");
    root.put("n_episodes", result.episodes());
    root.put("gamma", config.gamma());
    if (config.horizonCap() > 0) {
      root.put("horizon_cap", config.horizonCap());
    }
    root.put("definitions", config.scopeRl() ? "scope-rl" : "documented");
    root.put("grid_rule", config.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    Formats.putArray(root, "grid", result.grid().points());
    if (config.replicates() > 0 && !config.scopeRl()) {
      root.put("band_level", config.bandLevel());
      root.put("band_replicates", config.replicates());
      root.put("band_seed", config.seed());
    }
    ArrayNode distributions = root.putArray("distributions");
    for (ReturnDistribution d : result.distributions()) {
      ObjectNode node = distributions.addObject();
      node.put("policy", d.policy());
      node.put("estimator", d.estimator().id());
      RiskSummary risk = d.risk();
      if (risk != null) {
        Formats.put(node, "mean", risk.mean());
        Formats.put(node, "variance", risk.variance());
        ArrayNode cvar = node.putArray("cvar");
        for (int a = 0; a < risk.cvar().length; a++) {
          ObjectNode level = cvar.addObject();
          level.put("alpha", risk.cvarAlphas()[a]);
          Formats.put(level, "value", risk.cvar()[a]);
        }
        node.put("quantile_alpha", risk.quantileAlpha());
        Formats.put(node, "lower_quantile", risk.lowerQuantile());
        Formats.put(node, "median", risk.median());
        Formats.put(node, "upper_quantile", risk.upperQuantile());
      }
      Formats.putArray(node, "cdf", d.cdf());
      if (d.hasBand()) {
        Formats.putArray(node, "band_lower", d.bandLower());
        Formats.putArray(node, "band_upper", d.bandUpper());
      }
    }
    ArrayNode warnings = root.putArray("warnings");
    result.warnings().forEach(warnings::add);
    out.println(mapper.writeValueAsString(root));
  }

  @Override
  public void writeCsv(PrintWriter out) {
    out.println("policy,estimator,return,cdf,band_lower,band_upper");
    double[] grid = result.grid().points();
    for (ReturnDistribution d : result.distributions()) {
      for (int j = 0; j < grid.length; j++) {
        out.println(String.join(",", d.policy(), d.estimator().id(), Formats.csv(grid[j]),
            Formats.csv(d.cdf()[j]), d.hasBand() ? Formats.csv(d.bandLower()[j]) : "",
            d.hasBand() ? Formats.csv(d.bandUpper()[j]) : ""));
      }
    }
  }

  @Override
  public void writeTable(PrintWriter out) {
    double alpha = config.quantileAlpha();
    List<String> header = new ArrayList<>(List.of("policy", "estimator", "mean", "std"));
    for (double a : config.cvarAlphas()) {
      header.add("CVaR " + level(a));
    }
    header.addAll(List.of("q " + level(alpha), "median", "q " + level(1 - alpha)));
    TextTable table = new TextTable();
    table.header(header);
    for (ReturnDistribution d : result.distributions()) {
      List<String> row = new ArrayList<>(List.of(d.policy(), d.estimator().id()));
      RiskSummary risk = d.risk();
      if (risk == null) {
        while (row.size() < header.size()) {
          row.add("-");
        }
      } else {
        row.add(Formats.num(risk.mean()));
        row.add(Formats.num(Math.sqrt(risk.variance())));
        for (double value : risk.cvar()) {
          row.add(Formats.num(value));
        }
        row.addAll(List.of(Formats.num(risk.lowerQuantile()), Formats.num(risk.median()),
            Formats.num(risk.upperQuantile())));
      }
      table.row(row);
    }
    out.printf(Locale.ROOT, "%,d logged episodes, gamma %s; return distribution on %d grid points from %s"
            + " to %s (%s definitions)%n%n", result.episodes(), Double.toString(config.gamma()),
        result.grid().size(), Formats.num(result.grid().point(0)),
        Formats.num(result.grid().point(result.grid().size() - 1)),
        config.scopeRl() ? "SCOPE-RL's coded" : "documented");
    table.print(out);
    out.println();
    out.println("CDFs" + (config.replicates() > 0 && !config.scopeRl() ? " and their "
        + Formats.percent(config.bandLevel()) + " bootstrap bands" : "") + " in --format json or csv.");
  }

  /** A level as typed: 0.1, not 0.100000. */
  private static String level(double alpha) {
    return new java.math.BigDecimal(Double.toString(alpha)).stripTrailingZeros().toPlainString();
  }
}
