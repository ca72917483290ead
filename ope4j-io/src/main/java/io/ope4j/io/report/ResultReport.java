package io.ope4j.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.interval.Interval;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An evaluation as a table for people, as the formats.md JSON, or as CSV; non-finite numbers are
 * JSON null and empty CSV fields. The result carries the config it was made with (interval
 * method, level, bootstrap seed), so the result alone is enough:
 *
 * <pre>{@code
 * String json = ResultReport.of(result).withTruths(Map.of("softmax", 0.42)).toString("json");
 * }</pre>
 *
 * <p>{@link ResultJson} is the short form for the JSON alone.
 */
public final class ResultReport implements Report {

  private static final String[] QUANTILE_KEYS = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};

  private final EvaluationResult result;
  private final EvaluationConfig config;
  private final Map<String, Double> truths;
  private final List<String> preamble;
  private final Map<String, Object> about;

  private ResultReport(EvaluationResult result, Map<String, Double> truths, List<String> preamble,
      Map<String, Object> about) {
    this.result = result;
    this.config = configOf(result);
    this.truths = Map.copyOf(truths);
    this.preamble = List.copyOf(preamble);
    this.about = Collections.unmodifiableMap(new LinkedHashMap<>(about));
  }

  /**
   * The report of {@code result}.
   *
   * @throws IllegalArgumentException if the result carries no config
   */
  public static ResultReport of(EvaluationResult result) {
    return new ResultReport(result, Map.of(), List.of(), Map.of());
  }

  /** The config {@code result} carries; a report cannot be written without it. */
  static EvaluationConfig configOf(EvaluationResult result) {
    if (result.config() == null) {
      throw new IllegalArgumentException("the result carries no config: attach the one that made it with"
          + " EvaluationResult.withConfig");
    }
    return result.config();
  }

  /**
   * With true policy values (e.g. {@link io.ope4j.io.TruthFile#policies()}): each estimate of a
   * policy named here gains {@code true_value} and {@code relative_error}.
   */
  public ResultReport withTruths(Map<String, Double> newTruths) {
    return new ResultReport(result, newTruths, preamble, about);
  }

  /** With lines printed above the table (not part of JSON or CSV). */
  public ResultReport withPreamble(List<String> lines) {
    return new ResultReport(result, truths, lines, about);
  }

  /**
   * With what was evaluated, written as JSON under its keys (e.g. {@code dataset}) before
   * {@code n_rounds}, in the map's order; values are serialised by Jackson.
   */
  public ResultReport withAbout(Map<String, Object> newAbout) {
    return new ResultReport(result, truths, preamble, newAbout);
  }

  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    for (Map.Entry<String, Object> entry : about.entrySet()) {
      root.set(entry.getKey(), mapper.valueToTree(entry.getValue()));
    }
    root.put("n_rounds", result.rows());
    ArrayNode estimates = root.putArray("estimates");
    for (Estimate estimate : result.estimates()) {
      ObjectNode node = estimates.addObject();
      Interval interval = estimate.interval();
      node.put("policy", estimate.policy());
      node.put("estimator", estimate.estimator());
      if (estimate.selected() != null) {
        node.put("selected", estimate.selected());
      }
      Formats.put(node, "value", estimate.value());
      Formats.put(node, "stderr", estimate.stderr());
      putInterval(node, interval, config.seed());
      node.put("altered_rows", estimate.alteredRows());
      putTruth(node, truths.get(estimate.policy()), estimate.value(), interval);
      contractDiagnostics(node.putObject("diagnostics"), estimate.weights());
    }
    ObjectNode policies = root.putObject("policies");
    for (Map.Entry<String, WeightDiagnostics> entry : result.diagnostics().entrySet()) {
      diagnostics(policies.putObject(entry.getKey()).putObject("diagnostics"), entry.getValue());
    }
    ArrayNode warnings = root.putArray("warnings");
    result.warnings().forEach(warnings::add);
    out.println(mapper.writeValueAsString(root));
  }

  /** The three keys formats.md promises in every estimate's {@code diagnostics}. */
  static void contractDiagnostics(ObjectNode node, WeightDiagnostics weights) {
    Formats.put(node, "ess", weights.effectiveSampleSize());
    Formats.put(node, "mean_weight", weights.meanWeight());
    Formats.put(node, "max_weight", weights.maxWeight());
  }

  /** All of a policy's weight diagnostics, written once in {@code policies.NAME.diagnostics}. */
  static void diagnostics(ObjectNode node, WeightDiagnostics weights) {
    contractDiagnostics(node, weights);
    Formats.put(node, "mean_weight_stderr", weights.meanWeightStderr());
    Formats.put(node, "min_weight", weights.minWeight());
    ObjectNode quantiles = node.putObject("weight_quantiles");
    double[] values = weights.weightQuantiles();
    for (int i = 0; i < values.length; i++) {
      Formats.put(quantiles, QUANTILE_KEYS[i], values[i]);
    }
    Formats.put(node, "zero_probability_share", weights.zeroProbabilityShare());
  }

  /** The formats.md interval keys: bounds, level, method, replicates and seed, range. */
  static void putInterval(ObjectNode node, Interval interval, long seed) {
    Formats.put(node, "ci_lower", interval.lower());
    Formats.put(node, "ci_upper", interval.upper());
    node.put("ci_level", interval.level());
    node.put("ci_method", interval.label());
    if (interval.modelConditional()) {
      node.put("ci_model_conditional", true);
    }
    if (interval.floor() != null && interval.floor().rangeSource() != null) {
      ArrayNode range = node.putArray("ci_reward_range");
      range.add(interval.floor().rewardLower());
      range.add(interval.floor().rewardUpper());
      node.put("ci_reward_range_source", interval.floor().rangeSource());
    }
    if (interval.replicates() > 0) {
      node.put("ci_replicates", interval.replicates());
      node.put("ci_seed", seed);
    }
    if (interval.rangeSource() != null) {
      ArrayNode range = node.putArray("ci_range");
      range.add(interval.rangeLower());
      range.add(interval.rangeUpper());
      node.put("ci_range_source", interval.rangeSource());
    }
  }

  /** {@code true_value}, {@code relative_error} and {@code covers_truth}, when a truth is known. */
  static void putTruth(ObjectNode node, Double truth, double value, Interval interval) {
    if (truth != null) {
      node.put("true_value", truth);
      Formats.put(node, "relative_error", relativeError(value, truth));
      node.put("covers_truth", interval.covers(truth));
    }
  }

  /** The CSV columns an estimate row of a slate or trajectory log starts with, then {@code count}. */
  static List<String> estimateCsvHeader(String count) {
    return new ArrayList<>(List.of("policy", "estimator", "value", "stderr",
        "ci_lower", "ci_upper", "ci_level", "ci_method", count));
  }

  /** Writes {@code root} as indented JSON with a last key {@code warnings}. */
  static void writeWithWarnings(ObjectNode root, List<String> warnings, PrintWriter out)
      throws IOException {
    ArrayNode array = root.putArray("warnings");
    warnings.forEach(array::add);
    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
  }

  static double relativeError(double estimate, double truth) {
    return Math.abs(estimate - truth) / Math.abs(truth);
  }

  /** One line per kind of widened or qualified interval in the table (docs/intervals.md). */
  private void intervalNotes(PrintWriter out) {
    List<String> notes = new ArrayList<>();
    if (result.estimates().stream().anyMatch(e -> e.interval().label().contains("+bias"))) {
      notes.add("+bias: widened by a bound on the bias of the clipped, switched or shrunk importance weights,"
          + " from each row's weight deficit and the reward range");
    }
    result.estimates().stream().map(Estimate::interval).filter(i -> i.label().contains("+wilson"))
        .findFirst().ifPresent(i -> notes.add(String.format(Locale.ROOT, "+wilson: joined with the Wilson score"
            + " interval at the weights' effective sample size, rewards in [%s, %s] (%s)", Formats.num(i.floor().rewardLower()),
            Formats.num(i.floor().rewardUpper()), i.floor().rangeSource())));
    if (result.estimates().stream().anyMatch(e -> e.interval().floor() != null && e.interval().floor().rangeSource() == null)) {
      notes.add("+unbounded: the per-round terms showed no spread and no reward range is known (--reward-range)");
    }
    if (result.estimates().stream().anyMatch(e -> e.interval().modelConditional())) {
      notes.add("model-conditional: the interval holds only if the reward model is right; it reflects the noise of"
          + " the model's predictions, not its bias");
    }
    if (!notes.isEmpty()) {
      out.println();
      out.println("Intervals:");
      notes.forEach(note -> out.println("  " + note));
    }
  }

  @Override
  public void writeCsv(PrintWriter out) {
    List<String> header = new ArrayList<>(List.of("policy", "estimator", "value", "stderr", "ci_lower",
        "ci_upper", "ci_level", "ci_method", "selected", "altered_rows", "ess", "mean_weight", "min_weight", "max_weight",
        "zero_probability_share"));
    boolean withTruth = !truths.isEmpty();
    if (withTruth) {
      header.add("true_value");
      header.add("relative_error");
      header.add("covers_truth");
    }
    out.println(String.join(",", header));
    for (Estimate e : result.estimates()) {
      WeightDiagnostics w = e.weights();
      List<String> row = new ArrayList<>(List.of(e.policy(), e.estimator(), Formats.csv(e.value()), Formats.csv(e.stderr()),
          Formats.csv(e.interval().lower()), Formats.csv(e.interval().upper()), Formats.csv(e.interval().level()),
          e.interval().label(), e.selected() == null ? "" : e.selected(), Long.toString(e.alteredRows()), Formats.csv(w.effectiveSampleSize()),
          Formats.csv(w.meanWeight()), Formats.csv(w.minWeight()), Formats.csv(w.maxWeight()), Formats.csv(w.zeroProbabilityShare())));
      if (withTruth) {
        Double truth = truths.get(e.policy());
        row.add(truth == null ? "" : Formats.csv(truth));
        row.add(truth == null ? "" : Formats.csv(relativeError(e.value(), truth)));
        row.add(truth == null ? "" : Boolean.toString(e.interval().covers(truth)));
      }
      out.println(String.join(",", row));
    }
  }

  @Override
  public void writeTable(PrintWriter out) {
    boolean withTruth = !truths.isEmpty();
    String ci = String.format(Locale.ROOT, "%s CI", Formats.percent(config.level()));
    TextTable table = new TextTable();
    List<String> header = new ArrayList<>(List.of("policy", "estimator", "value", "stderr", ci, "CI method"));
    if (withTruth) {
      header.add("truth");
      header.add("rel. error");
      header.add("covers");
    }
    header.add("altered");
    table.header(header);
    for (Estimate e : result.estimates()) {
      List<String> row = new ArrayList<>(List.of(e.policy(), e.estimator(), Formats.num(e.value()), Formats.num(e.stderr()),
          "[" + Formats.num(e.interval().lower()) + ", " + Formats.num(e.interval().upper()) + "]",
          e.interval().label() + (e.interval().modelConditional() ? " (model-conditional)" : "")));
      if (withTruth) {
        Double truth = truths.get(e.policy());
        row.add(truth == null ? "-" : Formats.num(truth));
        row.add(truth == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * relativeError(e.value(), truth)));
        row.add(truth == null ? "-" : e.interval().covers(truth) ? "yes" : "MISSES");
      }
      row.add(Long.toString(e.alteredRows()));
      table.row(row);
    }
    for (String line : preamble) {
      out.println(line);
    }
    if (!preamble.isEmpty()) {
      out.println();
    }
    out.printf(Locale.ROOT, "%,d logged rounds%n%n", result.rows());
    table.print(out);
    out.println();
    TextTable overlap = new TextTable();
    overlap.header(List.of("policy", "ESS", "ESS %", "mean w", "± se", "min w", "median w", "p99 w", "max w", "pi=0 share"));
    for (Map.Entry<String, WeightDiagnostics> entry : result.diagnostics().entrySet()) {
      WeightDiagnostics w = entry.getValue();
      double[] q = w.weightQuantiles();
      overlap.row(List.of(entry.getKey(), Formats.num(w.effectiveSampleSize()),
          String.format(Locale.ROOT, "%.1f%%", 100 * w.effectiveSampleSize() / w.rows()),
          Formats.num(w.meanWeight()), Formats.num(w.meanWeightStderr()), Formats.num(w.minWeight()), Formats.num(q[3]), Formats.num(q[6]),
          Formats.num(w.maxWeight()), String.format(Locale.ROOT, "%.2f%%", 100 * w.zeroProbabilityShare())));
    }
    out.println("Importance weights w = pi / pscore (quantiles within 0.8%):");
    overlap.print(out);
    List<Estimate> ranged = result.estimates().stream().filter(e -> e.interval().rangeSource() != null).toList();
    List<Estimate> tuned = result.estimates().stream().filter(e -> e.selected() != null).toList();
    if (!tuned.isEmpty()) {
      out.println();
      out.println("Tuned estimators chose:");
      for (Estimate e : tuned) {
        out.printf(Locale.ROOT, "  %s / %s: %s%n", e.policy(), e.estimator(), e.selected());
      }
    }
    intervalNotes(out);
    if (!ranged.isEmpty()) {
      out.println();
      out.println("Concentration bounds use per-round term ranges:");
      for (Estimate e : ranged) {
        out.printf(Locale.ROOT, "  %s / %s: [%s, %s] (%s)%n", e.policy(), e.estimator(),
            Formats.num(e.interval().rangeLower()), Formats.num(e.interval().rangeUpper()), e.interval().rangeSource());
      }
    }
  }

}
