package io.ope4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.diagnostics.WeightHistogram;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.io.report.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sections of an evaluation: the estimates with their intervals, and the importance weights. */
public final class EvaluationSections {

  /** Policies beyond this many get no chart of their own (the tables hold them all). */
  static final int MAX_POLICY_CHARTS = 12;

  private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private EvaluationSections() {}

  /** Both sections. */
  public static List<Section> of(EvaluationResult result, Map<String, Double> truths) {
    return List.of(estimates(result, truths), weights(result));
  }

  /**
   * The estimates with their intervals, one chart per policy (one row per estimator), the truth
   * marked where known, an interval that misses it drawn red.
   */
  public static Section estimates(EvaluationResult result, Map<String, Double> truths) {
    String interval = result.config() == null ? "interval"
        : Formats.percent(result.config().level()) + " " + result.config().interval().id() + " interval";
    Section section = Section.of("Estimates",
        "each dot is an estimator's estimate of the policy's value and the bar its " + interval
            + " (its method per estimator is in the table: +wilson marks the floor kept for bounded rewards,"
            + " +bias the bound on the bias of clipped or shrunk weights, model-conditional an interval that holds only if the reward model is right)"
            + (truths.isEmpty() ? "; narrower bars are surer." : "; the green diamond is the true value,"
                + " and a red bar is an interval that misses it."))
        .withFact("logged rounds", String.format(Locale.ROOT, "%,d", result.rows()));
    List<String> policies = policiesOf(result);
    int missed = 0;
    for (int p = 0; p < policies.size(); p++) {
      String policy = policies.get(p);
      Double truth = truths.get(policy);
      List<Estimate> rows = result.estimates().stream().filter(e -> e.policy().equals(policy)).toList();
      Table table = Table.of("Table: estimates of " + policy, "estimator", "value", "stderr", "lower", "upper",
          "interval method", "truth", "covers truth");
      for (Estimate e : rows) {
        boolean misses = truth != null && (truth < e.interval().lower() || truth > e.interval().upper());
        missed += misses ? 1 : 0;
        table = table.withRow(e.estimator() + (e.selected() == null ? "" : " → " + e.selected()), ChartData.num(e.value()),
            ChartData.num(e.stderr()), ChartData.num(e.interval().lower()), ChartData.num(e.interval().upper()),
            e.interval().label() + (e.interval().modelConditional() ? " (model-conditional)" : ""),
            truth == null ? "" : ChartData.num(truth), truth == null ? "" : misses ? "no" : "yes");
      }
      if (p < MAX_POLICY_CHARTS) {
        section = section.withChart(new Chart("intervals", "policy " + policy, intervalData(rows, truth), table));
      } else {
        section = section.withTable(table);
      }
    }
    return withMissed(section, truths, missed);
  }

  /** With the truth known, the count of intervals that miss it, as a key figure. */
  static Section withMissed(Section section, Map<String, Double> truths, int missed) {
    return truths.isEmpty() ? section : section.withFact("intervals missing the truth", Integer.toString(missed));
  }

  /**
   * An intervals chart of named values with their lower and upper ends (one row each) and its
   * table.
   */
  public static Chart intervalChart(String title, List<String> names, double[] value, double[] lower, double[] upper,
      Table table) {
    return intervalChart(title, names, value, lower, upper, null, table);
  }

  /** As above, with each row's true value marked ({@code truths} null: none known). */
  public static Chart intervalChart(String title, List<String> names, double[] value, double[] lower, double[] upper,
      double[] truths, Table table) {
    ObjectNode data = intervalData(names, value, lower, upper, null);
    if (truths != null) {
      ChartData.numbers(data, "truth", truths);
    }
    return new Chart("intervals", title, data, table);
  }

  static ObjectNode intervalData(List<Estimate> estimates, Double truth) {
    int n = estimates.size();
    double[] value = new double[n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Estimate e = estimates.get(i);
      names.add(e.estimator());
      value[i] = e.value();
      lower[i] = e.interval().lower();
      upper[i] = e.interval().upper();
    }
    return intervalData(names, value, lower, upper, truth);
  }

  /** The intervals chart's data; {@code truth}, when not null, is marked on every row. */
  static ObjectNode intervalData(List<String> names, double[] value, double[] lower, double[] upper,
      Double truth) {
    ObjectNode data = ChartData.axes("estimated value", "");
    ChartData.strings(data, "categories", names);
    ChartData.numbers(data, "value", value);
    ChartData.numbers(data, "lower", lower);
    ChartData.numbers(data, "upper", upper);
    if (truth != null) {
      double[] truthRow = new double[names.size()];
      java.util.Arrays.fill(truthRow, truth);
      ChartData.numbers(data, "truth", truthRow);
    }
    return data;
  }

  /** The importance weights of every policy: a log-scale histogram and the overlap figures. */
  public static Section weights(EvaluationResult result) {
    Section section = Section.of("Importance weights",
        "each bar counts the rounds whose weight lies between two powers of two (a log scale). A weight is how much more often the evaluated policy takes the logged action than the logging policy did;"
            + " mass far right (large weights) or a tall grey zero bar means few rounds carry the estimate."
            + " An effective sample size (ESS) far below the rows means wide, fragile intervals.")
        .withWarnings(result.warnings());
    int charted = 0;
    for (Map.Entry<String, WeightDiagnostics> entry : result.diagnostics().entrySet()) {
      String policy = entry.getKey();
      WeightDiagnostics w = entry.getValue();
      if (Double.isNaN(w.meanWeight())) {
        section = section.withNote("policy " + policy + ": the log has no propensities, so no weight is known.");
      } else if (charted++ < MAX_POLICY_CHARTS) {
        section = section.withChart(new Chart("histogram", "policy " + policy + String.format(Locale.ROOT,
            ": ESS %s (%.1f%% of the rows) · max weight %s · zero-probability share %.2f%%",
            ChartData.num(w.effectiveSampleSize()), 100 * w.effectiveSampleSize() / w.rows(), ChartData.num(w.maxWeight()),
            100 * w.zeroProbabilityShare()), histogramData(w), weightTable(policy, w)));
      } else {
        section = section.withTable(weightTable(policy, w));
      }
    }
    return section;
  }

  static ObjectNode histogramData(WeightDiagnostics w) {
    ObjectNode data = ChartData.axes("importance weight (each bar: from its power of two to the next)", "rows");
    WeightHistogram h = w.histogram();
    List<String> labels = new ArrayList<>();
    long zeros = Math.round(w.zeroProbabilityShare() * w.rows());
    double[] counts = new double[h.bins() + (zeros > 0 ? 1 : 0)];
    int offset = 0;
    if (zeros > 0) {
      labels.add("0");
      counts[0] = zeros;
      data.put("highlight", 0);
      offset = 1;
    }
    for (int i = 0; i < h.bins(); i++) {
      labels.add(edge(h.lowerEdge(i)));
      counts[offset + i] = h.counts()[i];
    }
    ChartData.strings(data, "labels", labels);
    ChartData.numbers(data, "counts", counts);
    return data;
  }

  static Table weightTable(String policy, WeightDiagnostics w) {
    Table table = Table.of("Table: weight figures of " + policy, "figure", "value")
        .withRow("rows", Long.toString(w.rows()))
        .withRow("effective sample size", ChartData.num(w.effectiveSampleSize()))
        .withRow("mean weight (about 1 when propensities are right)", ChartData.num(w.meanWeight()))
        .withRow("stderr of the mean weight", ChartData.num(w.meanWeightStderr()))
        .withRow("min weight", ChartData.num(w.minWeight()))
        .withRow("max weight", ChartData.num(w.maxWeight()))
        .withRow("zero-probability share", ChartData.num(w.zeroProbabilityShare()));
    double[] quantiles = w.weightQuantiles();
    for (int i = 0; i < quantiles.length; i++) {
      table = table.withRow("weight quantile " + Formats.percent(WeightDiagnostics.QUANTILE_LEVELS[i]),
          ChartData.num(quantiles[i]));
    }
    WeightHistogram h = w.histogram();
    for (int i = 0; i < h.bins(); i++) {
      table = table.withRow("rows with weight in [" + edge(h.lowerEdge(i)) + ", " + edge(h.lowerEdge(i + 1)) + ")",
          Long.toString(h.counts()[i]));
    }
    return table;
  }

  /** A power of two, short: 0.25, 4, 1024, 2⁻²⁰. */
  private static String edge(double powerOfTwo) {
    if (powerOfTwo >= 0.125 && powerOfTwo <= 4096) {
      return new java.math.BigDecimal(powerOfTwo).stripTrailingZeros().toPlainString();
    }
    StringBuilder power = new StringBuilder("2");
    for (char digit : Integer.toString(Math.getExponent(powerOfTwo)).toCharArray()) {
      power.append(digit == '-' ? '⁻' : SUPERSCRIPT_DIGITS.charAt(digit - '0'));
    }
    return power.toString();
  }

  private static List<String> policiesOf(EvaluationResult result) {
    List<String> policies = new ArrayList<>(result.diagnostics().keySet());
    for (Estimate e : result.estimates()) {
      if (!policies.contains(e.policy())) {
        policies.add(e.policy());
      }
    }
    return policies;
  }
}
