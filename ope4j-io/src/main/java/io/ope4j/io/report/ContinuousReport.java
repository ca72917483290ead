package io.ope4j.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.continuous.ContinuousEstimate;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.diagnostics.WeightDiagnostics;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A continuous-action evaluation (docs/continuous.md) as a table, as JSON in the formats.md contract
 * shape (the estimate keys of {@link ResultReport}, {@code schema: continuous}, and each estimate's
 * full weight diagnostics, since every kernel and bandwidth has its own weights) or as CSV; non-finite
 * numbers are JSON null and empty CSV fields.
 */
public final class ContinuousReport implements Report {

  private final ContinuousResult result;
  private final Double truth;

  private ContinuousReport(ContinuousResult result, Double truth) {
    this.result = result;
    this.truth = truth;
  }

  /** The report of {@code result}. */
  public static ContinuousReport of(ContinuousResult result) {
    return new ContinuousReport(result, null);
  }

  /** With the evaluation policy's true value (null for none): estimates gain the truth and the error. */
  public ContinuousReport withTruth(Double newTruth) {
    return new ContinuousReport(result, newTruth);
  }

  private String policyKind() {
    return result.layout().densityPolicy() ? "density" : "deterministic";
  }

  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "continuous");
    root.put("n_rounds", result.rows());
    root.put("policy_kind", policyKind());
    ArrayNode estimates = root.putArray("estimates");
    for (ContinuousEstimate estimate : result.estimates()) {
      ObjectNode node = estimates.addObject();
      node.put("policy", result.layout().policy());
      node.put("estimator", estimate.estimator());
      if (estimate.selected() != null) {
        node.put("selected", estimate.selected());
      }
      Formats.put(node, "value", estimate.value());
      Formats.put(node, "stderr", estimate.stderr());
      ResultReport.putInterval(node, estimate.interval(), result.config().seed());
      if (!Double.isNaN(estimate.bootstrapMean())) {
        node.put("ci_bootstrap_mean", estimate.bootstrapMean());
      }
      ResultReport.putTruth(node, truth, estimate.value(), estimate.interval());
      ResultReport.diagnostics(node.putObject("diagnostics"), estimate.weights());
    }
    ArrayNode warnings = root.putArray("warnings");
    result.warnings().forEach(warnings::add);
    out.println(mapper.writeValueAsString(root));
  }

  @Override
  public void writeCsv(PrintWriter out) {
    List<String> header = new ArrayList<>(List.of("policy", "estimator", "value", "stderr", "ci_lower", "ci_upper",
        "ci_level", "ci_method", "selected", "ess", "mean_weight", "min_weight", "max_weight", "zero_weight_share"));
    if (truth != null) {
      header.addAll(List.of("true_value", "relative_error", "covers_truth"));
    }
    out.println(String.join(",", header));
    for (ContinuousEstimate e : result.estimates()) {
      WeightDiagnostics w = e.weights();
      List<String> row = new ArrayList<>(List.of(result.layout().policy(), e.estimator(), Formats.csv(e.value()),
          Formats.csv(e.stderr()), Formats.csv(e.interval().lower()), Formats.csv(e.interval().upper()),
          Formats.csv(e.interval().level()), e.interval().label(), e.selected() == null ? "" : e.selected(),
          Formats.csv(w.effectiveSampleSize()), Formats.csv(w.meanWeight()), Formats.csv(w.minWeight()),
          Formats.csv(w.maxWeight()), Formats.csv(w.zeroProbabilityShare())));
      if (truth != null) {
        row.addAll(List.of(Formats.csv(truth), Formats.csv(ResultReport.relativeError(e.value(), truth)),
            Boolean.toString(e.interval().covers(truth))));
      }
      out.println(String.join(",", row));
    }
  }

  @Override
  public void writeTable(PrintWriter out) {
    TextTable table = new TextTable();
    List<String> header = new ArrayList<>(List.of("estimator", "value", "stderr",
        Formats.percent(result.config().level()) + " " + result.config().interval().id() + " CI", "ESS", "max w"));
    if (truth != null) {
      header.addAll(List.of("truth", "rel. error", "covers"));
    }
    table.header(header);
    for (ContinuousEstimate e : result.estimates()) {
      List<String> row = new ArrayList<>(List.of(e.estimator(), Formats.num(e.value()), Formats.num(e.stderr()),
          "[" + Formats.num(e.interval().lower()) + ", " + Formats.num(e.interval().upper()) + "]",
          Formats.num(e.weights().effectiveSampleSize()), Formats.num(e.weights().maxWeight())));
      if (truth != null) {
        row.addAll(List.of(Formats.num(truth),
            String.format(Locale.ROOT, "%.2f%%", 100 * ResultReport.relativeError(e.value(), truth)),
            e.interval().covers(truth) ? "yes" : "MISSES"));
      }
      table.row(row);
    }
    out.printf(Locale.ROOT, "%,d logged rounds, continuous actions, %s evaluation policy %s%n%n", result.rows(),
        policyKind(), result.layout().policy());
    table.print(out);
    List<ContinuousEstimate> tuned = result.estimates().stream().filter(e -> e.selected() != null).toList();
    if (!tuned.isEmpty()) {
      out.println();
      out.println("Bandwidths chosen by SLOPE:");
      for (ContinuousEstimate e : tuned) {
        out.printf(Locale.ROOT, "  %s: %s%n", e.estimator(), e.selected());
      }
    }
    out.println();
    out.println("Weights w = K((pi_e(x) - a) / h) / h / p_b(a | x), or pi_e(a | x) / p_b(a | x) for a density policy.");
  }
}
