package io.ope4j.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.selection.Criterion;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.RankedCandidate;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.selection.Selection;
import io.ope4j.selection.SelectionQuality;
import io.ope4j.selection.TieBreak;
import io.ope4j.selection.TopKCurve;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A selection ({@link io.ope4j.selection.PolicySelector#select}) as a table, JSON or CSV; with
 * true values, also how good the selection is (regret@k, SharpeRatio@k, rank correlations).
 * Non-finite numbers are JSON null and empty CSV fields.
 */
public final class SelectionReport implements Report {

  private final Selection selection;
  private final double level;
  private final io.ope4j.interval.IntervalMethod interval;
  private final KnownValues known;
  private final String truthSource;
  private final List<String> warnings;
  private final SelectionQuality quality;
  private final int[] trueRank;

  private SelectionReport(Selection selection, double level, io.ope4j.interval.IntervalMethod interval,
      List<String> warnings, KnownValues known, String truthSource) {
    this.selection = selection;
    this.level = level;
    this.interval = interval;
    this.known = known;
    this.truthSource = truthSource;
    this.warnings = warnings;
    this.quality = known == null ? null : SelectionQuality.of(known, selection.estimates(), selection.scores(),
        known.size(), TieBreak.FIRST_LISTED, ScopeRlCompatibility.NONE);
    this.trueRank = known == null ? null : trueRanks(known);
  }

  /**
   * The report of {@code selection}, made from {@code result} (whose config and warnings it
   * shows).
   */
  public static SelectionReport of(Selection selection, EvaluationResult result) {
    EvaluationConfig config = ResultReport.configOf(result);
    return new SelectionReport(selection, config.level(), config.interval(), result.warnings(), null, null);
  }

  /**
   * The report of {@code selection} whose intervals are at {@code level} by {@code interval}, for
   * shapes whose estimates come from another engine (continuous actions, slates).
   */
  public static SelectionReport of(Selection selection, double level, io.ope4j.interval.IntervalMethod interval,
      List<String> warnings) {
    return new SelectionReport(selection, level, interval, List.copyOf(warnings), null, null);
  }

  /**
   * With the candidates' true values, to judge the selection.
   *
   * @param source where the values come from, named in the table (e.g. the truth file)
   */
  public SelectionReport withTruth(KnownValues truth, String source) {
    return new SelectionReport(selection, level, interval, warnings, truth, source);
  }

  private static int[] trueRanks(KnownValues known) {
    int[] order = io.ope4j.selection.Ranking.descending(known.trueValues(), TieBreak.FIRST_LISTED);
    int[] rank = new int[order.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r + 1;
    }
    return rank;
  }

  private String rankedBy() {
    return selection.criterion() == Criterion.ESTIMATE
        ? "the point estimate"
        : "the lower bound of the " + intervalName();
  }

  private String intervalName() {
    return Formats.percent(level) + " " + interval.id() + " interval";
  }

  @Override
  public void writeTable(PrintWriter out) {
    out.printf(Locale.ROOT, "%,d logged rounds. Estimator %s; %d candidates ranked by %s; top %d selected (*).%n%n",
        selection.rows(), selection.estimator(), selection.ranking().size(), rankedBy(), selection.topK());
    boolean byBound = selection.criterion() == Criterion.LOWER_BOUND;
    TextTable table = new TextTable();
    List<String> header = new ArrayList<>(List.of("rank", "policy", "top", "value", "stderr",
        Formats.percent(level) + " " + interval.id() + " CI"));
    if (byBound) {
      header.add("lower bound");
    }
    header.addAll(List.of("ESS", "mean w", "max w"));
    if (known != null) {
      header.addAll(List.of("truth", "true rank"));
    }
    table.header(header);
    for (RankedCandidate candidate : selection.ranking()) {
      Estimate e = candidate.estimate();
      WeightDiagnostics w = e.weights();
      List<String> row = new ArrayList<>(List.of(Integer.toString(candidate.rank()), candidate.policy(),
          candidate.selected() ? "*" : "", Formats.num(e.value()), Formats.num(e.stderr()),
          "[" + Formats.num(e.interval().lower()) + ", " + Formats.num(e.interval().upper()) + "]"));
      if (byBound) {
        row.add(Formats.num(candidate.score()));
      }
      row.addAll(List.of(Formats.num(w.effectiveSampleSize()), Formats.num(w.meanWeight()),
          Formats.num(w.maxWeight())));
      if (known != null) {
        row.add(Formats.num(known.trueValue(candidate.logIndex())));
        row.add(Integer.toString(trueRank[candidate.logIndex()]));
      }
      table.row(row);
    }
    table.print(out);
    out.println();
    out.println("Selected for the online test: " + String.join(", ", selection.selected()));
    if (quality != null) {
      writeQualityTable(out);
    }
  }

  private void writeQualityTable(PrintWriter out) {
    int k = selection.topK();
    TopKCurve topK = quality.topK();
    out.println();
    out.printf(Locale.ROOT, "Against the true values of %s (behaviour policy %s, safety threshold %s):%n",
        truthSource, Formats.num(known.behaviourValue()), Formats.num(known.safetyThreshold()));
    TextTable table = new TextTable();
    table.header(List.of("metric", "value"));
    table.row(List.of("regret@" + k, Formats.num(quality.regretAt(k))));
    table.row(List.of("best@" + k, Formats.num(topK.bestAt(k))));
    table.row(List.of("mean@" + k, Formats.num(topK.meanAt(k))));
    table.row(List.of("worst@" + k, Formats.num(topK.worst()[k - 1])));
    table.row(List.of("std@" + k, Formats.num(topK.stdAt(k))));
    table.row(List.of("SharpeRatio@" + k, Formats.num(topK.sharpeRatioAt(k))));
    table.row(List.of("safety violations@" + k, Formats.num(topK.safetyViolationRate()[k - 1])));
    table.row(List.of("Spearman", Formats.num(quality.rankCorrelation())));
    table.row(List.of("Kendall tau-b", Formats.num(quality.kendallTau())));
    table.row(List.of("MSE", Formats.num(quality.meanSquaredError())));
    table.row(List.of("relative error", Formats.num(quality.relativeEstimationError())));
    table.row(List.of("type I error rate", Formats.num(quality.typeIErrorRate())));
    table.row(List.of("type II error rate", Formats.num(quality.typeIIErrorRate())));
    table.print(out);
    if (selection.criterion() == Criterion.LOWER_BOUND) {
      out.println("(MSE and relative error judge the point estimates; the rest judges the ranking by lower bound.)");
    }
  }

  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("n_rounds", selection.rows());
    root.put("estimator", selection.estimator());
    root.put("criterion", selection.criterion().id());
    root.put("top_k", selection.topK());
    root.put("ci_level", level);
    root.put("ci_method", interval.id());
    ArrayNode selected = root.putArray("selected");
    selection.selected().forEach(selected::add);
    ArrayNode candidates = root.putArray("candidates");
    for (RankedCandidate candidate : selection.ranking()) {
      candidateJson(candidates.addObject(), candidate);
    }
    if (quality != null) {
      writeQualityJson(root.putObject("quality"));
    }
    ArrayNode warningList = root.putArray("warnings");
    warnings.forEach(warningList::add);
    out.println(mapper.writeValueAsString(root));
  }

  private void candidateJson(ObjectNode node, RankedCandidate candidate) {
    Estimate e = candidate.estimate();
    node.put("rank", candidate.rank());
    node.put("policy", candidate.policy());
    node.put("selected", candidate.selected());
    Formats.put(node, "value", e.value());
    Formats.put(node, "stderr", e.stderr());
    Formats.put(node, "ci_lower", e.interval().lower());
    Formats.put(node, "ci_upper", e.interval().upper());
    Formats.put(node, "score", candidate.score());
    node.put("altered_rows", e.alteredRows());
    if (known != null) {
      node.put("true_value", known.trueValue(candidate.logIndex()));
      node.put("true_rank", trueRank[candidate.logIndex()]);
    }
    ObjectNode diagnostics = node.putObject("diagnostics");
    WeightDiagnostics w = e.weights();
    Formats.put(diagnostics, "ess", w.effectiveSampleSize());
    Formats.put(diagnostics, "mean_weight", w.meanWeight());
    Formats.put(diagnostics, "min_weight", w.minWeight());
    Formats.put(diagnostics, "max_weight", w.maxWeight());
    Formats.put(diagnostics, "zero_probability_share", w.zeroProbabilityShare());
  }

  private void writeQualityJson(ObjectNode node) {
    int k = selection.topK();
    Formats.put(node, "behavior_value", known.behaviourValue());
    Formats.put(node, "safety_threshold", known.safetyThreshold());
    Formats.put(node, "regret_at_k", quality.regretAt(k));
    Formats.put(node, "sharpe_ratio_at_k", quality.topK().sharpeRatioAt(k));
    Formats.put(node, "spearman", quality.rankCorrelation());
    Formats.put(node, "kendall_tau", quality.kendallTau());
    Formats.put(node, "mse", quality.meanSquaredError());
    Formats.put(node, "relative_error", quality.relativeEstimationError());
    Formats.put(node, "type_i_error_rate", quality.typeIErrorRate());
    Formats.put(node, "type_ii_error_rate", quality.typeIIErrorRate());
    ObjectNode curve = node.putObject("top_k_curve");
    TopKCurve topK = quality.topK();
    Formats.putArray(curve, "regret", quality.regret());
    Formats.putArray(curve, "best", topK.best());
    Formats.putArray(curve, "worst", topK.worst());
    Formats.putArray(curve, "mean", topK.mean());
    Formats.putArray(curve, "std", topK.std());
    Formats.putArray(curve, "safety_violation_rate", topK.safetyViolationRate());
    Formats.putArray(curve, "sharpe_ratio", topK.sharpeRatio());
  }

  @Override
  public void writeCsv(PrintWriter out) {
    List<String> header = new ArrayList<>(List.of("rank", "policy", "selected", "value", "stderr", "ci_lower",
        "ci_upper", "ci_level", "ci_method", "score", "altered_rows", "ess", "mean_weight", "max_weight"));
    if (known != null) {
      header.addAll(List.of("true_value", "true_rank"));
    }
    out.println(String.join(",", header));
    for (RankedCandidate candidate : selection.ranking()) {
      Estimate e = candidate.estimate();
      WeightDiagnostics w = e.weights();
      List<String> row = new ArrayList<>(List.of(Integer.toString(candidate.rank()), candidate.policy(),
          Boolean.toString(candidate.selected()), Formats.csv(e.value()), Formats.csv(e.stderr()),
          Formats.csv(e.interval().lower()), Formats.csv(e.interval().upper()),
          Formats.csv(e.interval().level()), e.interval().label(), Formats.csv(candidate.score()),
          Long.toString(e.alteredRows()), Formats.csv(w.effectiveSampleSize()), Formats.csv(w.meanWeight()),
          Formats.csv(w.maxWeight())));
      if (known != null) {
        row.add(Formats.csv(known.trueValue(candidate.logIndex())));
        row.add(Integer.toString(trueRank[candidate.logIndex()]));
      }
      out.println(String.join(",", row));
    }
  }
}
