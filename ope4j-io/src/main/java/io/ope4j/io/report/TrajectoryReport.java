package io.ope4j.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimate;
import io.ope4j.sequential.SequentialResult;
import io.ope4j.sequential.StepDiagnostics;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trajectory evaluation (docs/sequential.md) as a table, as JSON in the formats.md contract
 * shape (the estimate keys of {@link ResultReport}, {@code n_episodes} for {@code n_rounds}, and
 * per-step diagnostics) or as CSV of the estimates; non-finite numbers are JSON null and empty
 * CSV fields.
 */
public final class TrajectoryReport implements Report {

  private final SequentialResult result;
  private final SequentialConfig config;
  private final Map<String, Double> truths;

  private TrajectoryReport(SequentialResult result, SequentialConfig config,
      Map<String, Double> truths) {
    this.result = result;
    this.config = config;
    this.truths = Map.copyOf(truths);
  }

  /** The report of {@code result}, made with {@code config}. */
  public static TrajectoryReport of(SequentialResult result, SequentialConfig config) {
    return new TrajectoryReport(result, config, Map.of());
  }

  /** With true policy values: estimates of a policy named here gain the truth and the error. */
  public TrajectoryReport withTruths(Map<String, Double> newTruths) {
    return new TrajectoryReport(result, config, newTruths);
  }

  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "trajectory");
    root.put("n_episodes", result.episodes());
    root.put("gamma", config.gamma());
    if (config.horizonCap() > 0) {
      root.put("horizon_cap", config.horizonCap());
    }
    ArrayNode estimates = root.putArray("estimates");
    for (SequentialEstimate estimate : result.estimates()) {
      ObjectNode node = estimates.addObject();
      node.put("policy", estimate.policy());
      node.put("estimator", estimate.estimator().id());
      Formats.put(node, "value", estimate.value());
      Formats.put(node, "stderr", estimate.stderr());
      ResultReport.putInterval(node, estimate.interval(), config.seed());
      putHighConfidence(node, estimate.highConfidence(), estimate.interval());
      ResultReport.putTruth(node, truths.get(estimate.policy()), estimate.value(), estimate.interval());
    }
    ArrayNode diagnostics = root.putArray("diagnostics");
    for (StepDiagnostics policy : result.diagnostics()) {
      ObjectNode node = diagnostics.addObject();
      node.put("policy", policy.policy());
      Formats.put(node, "zero_probability_share", policy.zeroProbabilityShare());
      node.put("clipped_steps", policy.clippedSteps());
      node.put("clipped_episodes", policy.clippedEpisodes());
      ArrayNode running = node.putArray("running");
      for (long count : policy.running()) {
        running.add(count);
      }
      Formats.putArray(node, "ess", policy.ess());
      Formats.putArray(node, "max_weight", policy.maxWeight());
    }
    ResultReport.writeWithWarnings(root, result.warnings(), out);
  }

  /**
   * For a hcope bound: {@code ci_one_sided} ("lower": only the lower end is estimated), the upper
   * end's source, and how the bound was made ({@code hcope}: threshold, split sizes, reward range).
   */
  private static void putHighConfidence(ObjectNode node, SequentialEstimate.HighConfidence bound,
      io.ope4j.interval.Interval interval) {
    if (bound == null) {
      return;
    }
    node.put("ci_one_sided", "lower");
    node.put("ci_upper_source", Double.isFinite(interval.upper()) ? "reward range" : "none (unbounded)");
    ObjectNode details = node.putObject("hcope");
    Formats.put(details, "threshold", bound.threshold());
    details.put("selection_episodes", bound.selectionEpisodes());
    details.put("bound_episodes", bound.boundEpisodes());
    ArrayNode range = details.putArray("reward_range");
    range.add(bound.rewardLower());
    range.add(bound.rewardUpper());
  }

  @Override
  public void writeCsv(PrintWriter out) {
    List<String> header = ResultReport.estimateCsvHeader("episodes");
    boolean withTruth = !truths.isEmpty();
    if (withTruth) {
      header.addAll(List.of("true_value", "relative_error"));
    }
    out.println(String.join(",", header));
    for (SequentialEstimate e : result.estimates()) {
      List<String> row = new ArrayList<>(List.of(e.policy(), e.estimator().id(),
          Formats.csv(e.value()), Formats.csv(e.stderr()), Formats.csv(e.interval().lower()),
          Formats.csv(e.interval().upper()), Formats.csv(e.interval().level()),
          e.interval().method().id(), Long.toString(e.episodes())));
      if (withTruth) {
        Double truth = truths.get(e.policy());
        row.add(truth == null ? "" : Formats.csv(truth));
        row.add(truth == null ? "" : Formats.csv(ResultReport.relativeError(e.value(), truth)));
      }
      out.println(String.join(",", row));
    }
  }

  @Override
  public void writeTable(PrintWriter out) {
    boolean withTruth = !truths.isEmpty();
    String ci = String.format(Locale.ROOT, "%s %s CI", Formats.percent(config.level()),
        config.method().id());
    TextTable table = new TextTable();
    List<String> header = new ArrayList<>(List.of("policy", "estimator", "value", "stderr", ci));
    if (withTruth) {
      header.addAll(List.of("truth", "rel. error"));
    }
    table.header(header);
    for (SequentialEstimate e : result.estimates()) {
      List<String> row = new ArrayList<>(List.of(e.policy(), e.estimator().id(),
          Formats.num(e.value()), Formats.num(e.stderr()), "[" + Formats.num(e.interval().lower())
              + ", " + Formats.num(e.interval().upper()) + "]"));
      if (withTruth) {
        Double truth = truths.get(e.policy());
        row.add(truth == null ? "-" : Formats.num(truth));
        row.add(truth == null ? "-" : String.format(Locale.ROOT, "%.2f%%",
            100 * ResultReport.relativeError(e.value(), truth)));
      }
      table.row(row);
    }
    out.printf(Locale.ROOT, "%,d logged episodes, gamma %s%n%n", result.episodes(),
        Double.toString(config.gamma()));
    table.print(out);
    if (config.method().oneSided()) {
      out.printf(Locale.ROOT, "%nhcope: one-sided lower bounds at %s (Thomas et al. 2015, Theorem 1);"
          + " the upper end is only the most the reward range [%s, %s] allows.%n",
          Formats.percent(config.level()), Formats.num(config.rewardLower()),
          Formats.num(config.rewardUpper()));
    }
    out.println();
    TextTable steps = new TextTable();
    steps.header(List.of("policy", "steps", "ESS step 0", "ESS last step", "min ESS %",
        "max w", "pi=0 share"));
    for (StepDiagnostics d : result.diagnostics()) {
      int last = d.ess().length - 1;
      double minShare = Double.POSITIVE_INFINITY;
      double maxWeight = 0;
      for (int t = 0; t <= last; t++) {
        minShare = Math.min(minShare, d.ess()[t] / d.running()[t]);
        maxWeight = Math.max(maxWeight, d.maxWeight()[t]);
      }
      steps.row(List.of(d.policy(), Integer.toString(last + 1), Formats.num(d.ess()[0]),
          Formats.num(d.ess()[last]), String.format(Locale.ROOT, "%.1f%%", 100 * minShare),
          Formats.num(maxWeight), String.format(Locale.ROOT, "%.2f%%",
              100 * d.zeroProbabilityShare())));
    }
    out.println("Cumulative weights per step (full arrays in --format json):");
    steps.print(out);
  }
}
