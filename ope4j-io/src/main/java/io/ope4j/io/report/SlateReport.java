package io.ope4j.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateDiagnostics;
import io.ope4j.slate.SlateEstimate;
import io.ope4j.slate.SlateResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A slate evaluation (docs/slates.md) as a table, as JSON (the estimate keys of {@link
 * ResultReport}, {@code n_slates} for {@code n_rounds}, per-position estimates and weight
 * diagnostics) or as CSV of the estimates; non-finite numbers are JSON null and empty CSV
 * fields.
 */
public final class SlateReport implements Report {

  /** The name of a slate log's one evaluation policy, as truth files name it. */
  public static final String POLICY = "pi_e";

  private final SlateResult result;
  private final SlateConfig config;
  private final Double truth;

  private SlateReport(SlateResult result, SlateConfig config, Double truth) {
    this.result = result;
    this.config = config;
    this.truth = truth;
  }

  /** The report of {@code result}, made with {@code config}. */
  public static SlateReport of(SlateResult result, SlateConfig config) {
    return new SlateReport(result, config, null);
  }

  /** With the policy's true value (null for none). */
  public SlateReport withTruth(Double newTruth) {
    return new SlateReport(result, config, newTruth);
  }

  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "slate");
    root.put("n_slates", result.slates());
    root.put("slate_length", result.length());
    root.put("compatibility", config.compatibility().name().toLowerCase(Locale.ROOT));
    ArrayNode estimates = root.putArray("estimates");
    for (SlateEstimate estimate : result.estimates()) {
      ObjectNode node = estimates.addObject();
      node.put("policy", POLICY);
      node.put("estimator", estimate.estimator().id());
      Formats.put(node, "value", estimate.value());
      Formats.put(node, "stderr", estimate.stderr());
      ResultReport.putInterval(node, estimate.interval(), config.seed());
      if (!Double.isNaN(estimate.replicateMean())) {
        Formats.put(node, "ci_replicate_mean", estimate.replicateMean());
      }
      ResultReport.putTruth(node, truth, estimate.value(), estimate.interval());
      Formats.putArray(node, "position_values", estimate.positionValues());
      Formats.putArray(node, "position_stderrs", estimate.positionStderrs());
    }
    ObjectNode diagnostics = root.putObject("diagnostics");
    Formats.putArray(diagnostics, "reward_sums", result.diagnostics().rewardSums());
    ObjectNode weights = diagnostics.putObject("weights");
    for (SlateDiagnostics.WeightSummary summary : result.diagnostics().weights()) {
      ObjectNode node = weights.putObject(summary.kind());
      Formats.putArray(node, "mean", summary.mean());
      Formats.putArray(node, "min", summary.min());
      Formats.putArray(node, "max", summary.max());
      Formats.putArray(node, "ess", summary.ess());
      Formats.putArray(node, "zero_share", summary.zeroShare());
    }
    ResultReport.writeWithWarnings(root, result.warnings(), out);
  }

  @Override
  public void writeCsv(PrintWriter out) {
    List<String> header = ResultReport.estimateCsvHeader("slates");
    for (int l = 0; l < result.length(); l++) {
      header.add("value_position_" + l);
    }
    if (truth != null) {
      header.addAll(List.of("true_value", "relative_error", "covers_truth"));
    }
    out.println(String.join(",", header));
    for (SlateEstimate e : result.estimates()) {
      List<String> row = new ArrayList<>(List.of(POLICY, e.estimator().id(), Formats.csv(e.value()),
          Formats.csv(e.stderr()), Formats.csv(e.interval().lower()),
          Formats.csv(e.interval().upper()), Formats.csv(e.interval().level()),
          e.interval().label(), Long.toString(e.slates())));
      for (double value : e.positionValues()) {
        row.add(Formats.csv(value));
      }
      if (truth != null) {
        row.add(Formats.csv(truth));
        row.add(Formats.csv(ResultReport.relativeError(e.value(), truth)));
        row.add(Boolean.toString(e.interval().covers(truth)));
      }
      out.println(String.join(",", row));
    }
  }

  @Override
  public void writeTable(PrintWriter out) {
    String ci = String.format(Locale.ROOT, "%s %s CI", Formats.percent(config.level()),
        config.method().id());
    TextTable table = new TextTable();
    List<String> header = new ArrayList<>(List.of("estimator", "value", "stderr", ci));
    int shown = Math.min(result.length(), 5);
    for (int l = 0; l < shown; l++) {
      header.add("pos " + l);
    }
    if (truth != null) {
      header.addAll(List.of("truth", "rel. error"));
    }
    table.header(header);
    for (SlateEstimate e : result.estimates()) {
      List<String> row = new ArrayList<>(List.of(e.estimator().id(), Formats.num(e.value()),
          Formats.num(e.stderr()), "[" + Formats.num(e.interval().lower()) + ", "
              + Formats.num(e.interval().upper()) + "]"));
      for (int l = 0; l < shown; l++) {
        row.add(Formats.num(e.positionValues()[l]));
      }
      if (truth != null) {
        row.add(Formats.num(truth));
        row.add(String.format(Locale.ROOT, "%.2f%%",
            100 * ResultReport.relativeError(e.value(), truth)));
      }
      table.row(row);
    }
    out.printf(Locale.ROOT, "%,d logged slates of %d positions; values are expected slate rewards"
        + " (sums over positions)%n%n", result.slates(), result.length());
    table.print(out);
    if (result.length() > shown) {
      out.printf(Locale.ROOT, "(positions %d.. in --format json or csv)%n", shown);
    }
    out.println();
    TextTable weights = new TextTable();
    weights.header(List.of("weight", "position", "mean", "min", "max", "ESS"));
    for (SlateDiagnostics.WeightSummary s : result.diagnostics().weights()) {
      for (int l = 0; l < s.mean().length; l++) {
        weights.row(List.of(s.kind(), s.mean().length == 1 ? "all" : Integer.toString(l),
            Formats.num(s.mean()[l]), Formats.num(s.min()[l]), Formats.num(s.max()[l]),
            Formats.num(s.ess()[l])));
      }
    }
    out.println("Importance weights:");
    weights.print(out);
  }
}
