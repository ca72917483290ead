package io.ope4j.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.assess.EnvironmentStudy.EnvironmentResult;
import io.ope4j.assess.EnvironmentStudy.EstimatorScore;
import io.ope4j.assess.EnvironmentStudy.RiskScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The environment study ({@code assess --env tabular}, docs/distribution.md): per environment and
 * estimator, nMSE, Spearman, nRegret and SharpeRatio@k for every k, as a table, JSON, or CSV with
 * one row per environment, estimator and k.
 *
 * @param results one per environment
 * @param episodes episodes per logged dataset
 * @param replications datasets per environment
 * @param gamma the discount
 */
public record EnvironmentAssessmentReport(List<EnvironmentResult> results, int episodes,
    int replications, double gamma) implements Report {

  @Override
  public void writeTable(PrintWriter out) {
    out.printf(Locale.ROOT, "%d tabular environments, %d logs of %,d episodes each, gamma %s; 10 candidates"
        + " per environment.%n", results.size(), replications, episodes, Double.toString(gamma));
    for (EnvironmentResult result : results) {
      var v = result.variant();
      out.printf(Locale.ROOT, "%nEnvironment %s: %d states, %d actions, horizon %d, behaviour %s (value %s)%n",
          v.name(), v.states(), v.actions(), v.horizon(), v.behaviour(), Formats.num(result.behaviourValue()));
      int n = result.candidates().size();
      List<String> header = new ArrayList<>(List.of("estimator", "nMSE", "Spearman", "nRegret@1"));
      for (int k = 2; k <= n; k++) {
        header.add("SR@" + k);
      }
      TextTable table = new TextTable();
      table.header(header);
      String bestSharpe = null;
      double best = Double.NEGATIVE_INFINITY;
      for (EstimatorScore score : result.scores()) {
        List<String> row = new ArrayList<>(List.of(score.estimator(), Formats.num(score.nmse()),
            Formats.num(score.rankCorrelation()), Formats.num(score.nRegret())));
        double sum = 0;
        for (int k = 2; k <= n; k++) {
          double sharpe = score.sharpeRatio()[k - 1];
          row.add(Double.isNaN(sharpe) ? "-" : Formats.num(sharpe));
          sum += Double.isNaN(sharpe) ? 0 : sharpe;
        }
        if (sum > best) {
          best = sum;
          bestSharpe = score.estimator();
        }
        table.row(row);
      }
      for (RiskScore score : result.riskScores()) {
        List<String> row = new ArrayList<>(List.of(score.estimator() + " by CVaR " + score.alpha(),
            Formats.num(score.nmse()), Formats.num(score.rankCorrelation()), "-"));
        for (int k = 2; k <= n; k++) {
          double sharpe = score.sharpeRatio()[k - 1];
          row.add(Double.isNaN(sharpe) ? "-" : Formats.num(sharpe));
        }
        table.row(row);
      }
      table.print(out);
      out.println("Highest SharpeRatio@k summed over k = 2.." + n + ": " + bestSharpe
          + (result.riskScores().isEmpty() ? "" : "; the rows by CVaR judge the true CVaR of the top k, against the"
              + " behaviour policy's (" + Formats.num(result.behaviourCvar()) + ")"));
    }
  }

  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "environment-assessment");
    root.put("episodes", episodes);
    root.put("replications", replications);
    root.put("gamma", gamma);
    ArrayNode environments = root.putArray("environments");
    for (EnvironmentResult result : results) {
      var v = result.variant();
      ObjectNode env = environments.addObject();
      env.put("name", v.name()).put("states", v.states()).put("actions", v.actions())
          .put("horizon", v.horizon()).put("behaviour", v.behaviour());
      Formats.put(env, "behaviour_value", result.behaviourValue());
      ObjectNode truths = env.putObject("true_values");
      for (int c = 0; c < result.candidates().size(); c++) {
        Formats.put(truths, result.candidates().get(c), result.trueValues()[c]);
      }
      ArrayNode scores = env.putArray("estimators");
      for (EstimatorScore score : result.scores()) {
        ObjectNode node = scores.addObject();
        node.put("estimator", score.estimator());
        Formats.put(node, "nmse", score.nmse());
        Formats.put(node, "rank_correlation", score.rankCorrelation());
        Formats.put(node, "nregret", score.nRegret());
        Formats.putArray(node, "sharpe_ratio", score.sharpeRatio());
        node.put("undefined_estimates", score.undefinedEstimates());
      }
      if (!result.riskScores().isEmpty()) {
        Formats.put(env, "behaviour_cvar", result.behaviourCvar());
        ObjectNode cvars = env.putObject("true_cvar");
        for (int c = 0; c < result.candidates().size(); c++) {
          Formats.put(cvars, result.candidates().get(c), result.trueCvar()[c]);
        }
        ArrayNode risks = env.putArray("selection_by_cvar");
        for (RiskScore score : result.riskScores()) {
          ObjectNode node = risks.addObject();
          node.put("estimator", score.estimator());
          node.put("alpha", score.alpha());
          Formats.put(node, "nmse", score.nmse());
          Formats.put(node, "rank_correlation", score.rankCorrelation());
          Formats.putArray(node, "sharpe_ratio", score.sharpeRatio());
        }
      }
    }
    out.println(mapper.writeValueAsString(root));
  }

  @Override
  public void writeCsv(PrintWriter out) {
    out.println("environment,estimator,k,sharpe_ratio,nmse,rank_correlation,nregret");
    for (EnvironmentResult result : results) {
      for (EstimatorScore score : result.scores()) {
        for (int k = 1; k <= score.sharpeRatio().length; k++) {
          out.println(String.join(",", result.variant().name(), score.estimator(), Integer.toString(k),
              Formats.csv(score.sharpeRatio()[k - 1]), Formats.csv(score.nmse()),
              Formats.csv(score.rankCorrelation()), Formats.csv(score.nRegret())));
        }
      }
      for (RiskScore score : result.riskScores()) {
        for (int k = 1; k <= score.sharpeRatio().length; k++) {
          out.println(String.join(",", result.variant().name(), score.estimator() + " by CVaR " + score.alpha(),
              Integer.toString(k), Formats.csv(score.sharpeRatio()[k - 1]), Formats.csv(score.nmse()),
              Formats.csv(score.rankCorrelation()), ""));
        }
      }
    }
  }
}
