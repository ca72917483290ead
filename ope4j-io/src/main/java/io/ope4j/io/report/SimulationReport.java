package io.ope4j.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.simulation.SimLogAgreement;
import io.ope4j.simulation.SimulationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Policies evaluated in a simulator (docs/simulation.md): per policy its value, interval, episodes
 * and exact value, and, when a log was given, the agreement of the simulator with the log.
 */
public final class SimulationReport implements Report {

  private static final List<String> COLUMNS = List.of("policy", "sampling", "episodes", "steps", "value", "stderr",
      "ci_lower", "ci_upper", "ci_level", "weighted_value", "weighted_stderr", "exact_value", "stopped", "log_value");

  private final Map<String, SimulationResult> results;
  private final Map<String, Double> exact;
  private final SimLogAgreement agreement;
  private final String logLabel;

  /**
   * @param agreement the agreement with a log, or null
   * @param logLabel how the log's estimates were made, e.g. {@code snipw on logs.csv}; null without a log
   */
  public SimulationReport(Map<String, SimulationResult> results, Map<String, Double> exact, SimLogAgreement agreement,
      String logLabel) {
    this.results = results;
    this.exact = exact;
    this.agreement = agreement;
    this.logLabel = logLabel;
  }

  private double logValue(int j) {
    return agreement == null ? Double.NaN : agreement.logged()[j];
  }

  @Override
  public void writeTable(PrintWriter out) {
    SimulationResult first = results.values().iterator().next();
    out.printf(Locale.ROOT, "%d policies simulated (%s sampling), %s t intervals.%n%n", results.size(),
        first.sampling().id(), Formats.percent(first.level()));
    TextTable table = new TextTable();
    List<String> header = new ArrayList<>(List.of("policy", "stopped", "episodes", "value", "stderr", "CI",
        "weighted", "exact"));
    if (agreement != null) {
      header.add("log");
    }
    table.header(header);
    int j = 0;
    for (Map.Entry<String, SimulationResult> entry : results.entrySet()) {
      SimulationResult r = entry.getValue();
      List<String> row = new ArrayList<>(List.of(entry.getKey(), r.stoppedBecause(), Long.toString(r.episodes()),
          Formats.num(r.value()), Formats.num(r.stderr()), "[" + Formats.num(r.lower()) + ", " + Formats.num(r.upper())
              + "]", Formats.num(r.weightedValue()), Formats.num(exact.getOrDefault(entry.getKey(), Double.NaN))));
      if (agreement != null) {
        row.add(Formats.num(logValue(j)));
      }
      table.row(row);
      j++;
    }
    table.print(out);
    if (agreement != null) {
      out.println();
      out.printf(Locale.ROOT, "Simulator vs log (%s): Spearman %s, Kendall %s, mean absolute difference %s;"
          + " disagreeing (disjoint intervals): %s%n", logLabel, Formats.num(agreement.spearman()),
          Formats.num(agreement.kendall()), Formats.num(agreement.meanAbsoluteDifference()),
          agreement.disagreeing().isEmpty() ? "none" : String.join(", ", agreement.disagreeing()));
    }
  }

  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode policies = root.putArray("policies");
    int j = 0;
    for (Map.Entry<String, SimulationResult> entry : results.entrySet()) {
      SimulationResult r = entry.getValue();
      ObjectNode p = policies.addObject();
      p.put("policy", entry.getKey());
      p.put("sampling", r.sampling().id());
      p.put("episodes", r.episodes());
      p.put("steps", r.steps());
      Formats.put(p, "value", r.value());
      Formats.put(p, "stderr", r.stderr());
      Formats.put(p, "ci_lower", r.lower());
      Formats.put(p, "ci_upper", r.upper());
      p.put("ci_level", r.level());
      Formats.put(p, "weighted_value", r.weightedValue());
      Formats.put(p, "weighted_stderr", r.weightedStderr());
      Formats.put(p, "exact_value", exact.getOrDefault(entry.getKey(), Double.NaN));
      p.put("stopped", r.stoppedBecause());
      if (agreement != null) {
        Formats.put(p, "log_value", logValue(j));
      }
      j++;
    }
    if (agreement != null) {
      ObjectNode a = root.putObject("agreement");
      a.put("log", logLabel);
      Formats.put(a, "spearman", agreement.spearman());
      Formats.put(a, "kendall", agreement.kendall());
      Formats.put(a, "mean_absolute_difference", agreement.meanAbsoluteDifference());
      ArrayNode disagreeing = a.putArray("disagreeing");
      agreement.disagreeing().forEach(disagreeing::add);
    }
    mapper.writeValue(out, root);
    out.println();
  }

  @Override
  public void writeCsv(PrintWriter out) {
    out.println(String.join(",", COLUMNS));
    int j = 0;
    for (Map.Entry<String, SimulationResult> entry : results.entrySet()) {
      SimulationResult r = entry.getValue();
      out.println(String.join(",", entry.getKey(), r.sampling().id(), Long.toString(r.episodes()),
          Long.toString(r.steps()), Formats.csv(r.value()), Formats.csv(r.stderr()), Formats.csv(r.lower()),
          Formats.csv(r.upper()), Formats.csv(r.level()), Formats.csv(r.weightedValue()),
          Formats.csv(r.weightedStderr()), Formats.csv(exact.getOrDefault(entry.getKey(), Double.NaN)),
          r.stoppedBecause(), Formats.csv(logValue(j))));
      j++;
    }
  }
}
