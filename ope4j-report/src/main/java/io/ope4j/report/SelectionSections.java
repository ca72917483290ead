package io.ope4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.RankedCandidate;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.selection.Selection;
import io.ope4j.selection.SelectionQuality;
import io.ope4j.selection.TieBreak;
import io.ope4j.selection.TopKCurve;
import java.util.ArrayList;
import java.util.List;

/** The sections of a selection: the ranking with intervals and, with true values, the top-k curves. */
public final class SelectionSections {

  private SelectionSections() {}

  /**
   * The ranking, how good the selection is when {@code known} is not null, and the importance
   * weights of the evaluation that ranked the candidates.
   *
   * @param known the candidates' true values, or null
   */
  public static List<Section> of(Selection selection, EvaluationResult result, KnownValues known) {
    List<Section> sections = new ArrayList<>();
    sections.add(ranking(selection, known));
    if (known != null) {
      sections.add(topK(selection, known));
    }
    sections.add(EvaluationSections.weights(result));
    return sections;
  }

  static Section ranking(Selection selection, KnownValues known) {
    List<Estimate> ordered = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Table table = Table.of("Ranking", "rank", "policy", "selected", "value", "lower", "upper", "score", "ESS", "truth");
    double[] truths = new double[selection.ranking().size()];
    for (int r = 0; r < selection.ranking().size(); r++) {
      RankedCandidate candidate = selection.ranking().get(r);
      Estimate e = candidate.estimate();
      ordered.add(e);
      labels.add("#" + candidate.rank() + " " + candidate.policy() + (candidate.selected() ? " ★" : ""));
      truths[r] = known == null ? Double.NaN : known.trueValue(candidate.logIndex());
      table = table.withRow(Integer.toString(candidate.rank()), candidate.policy(), candidate.selected() ? "yes" : "",
          ChartData.num(e.value()), ChartData.num(e.interval().lower()), ChartData.num(e.interval().upper()),
          ChartData.num(candidate.score()), ChartData.num(e.weights().effectiveSampleSize()),
          known == null ? "" : ChartData.num(truths[r]));
    }
    ObjectNode data = EvaluationSections.intervalData(ordered, null);
    ChartData.strings(data, "categories", labels);
    if (known != null) {
      ChartData.numbers(data, "truth", truths);
    }
    return Section.of("Ranking",
        "candidates from best (top) to worst by " + selection.estimator() + "'s "
            + (selection.criterion().name().equals("ESTIMATE") ? "point estimate" : "lower bound")
            + "; ★ marks the top " + selection.topK() + " chosen for the online test. Overlapping bars mean the order"
            + " between them is not sure." + (known == null ? "" : " Green diamonds are the true values."))
        .withFact("estimator", selection.estimator())
        .withFact("selected", String.join(", ", selection.selected()))
        .withChart(new Chart("intervals", "estimates and intervals, in ranked order", data, table));
  }

  static Section topK(Selection selection, KnownValues known) {
    SelectionQuality quality = SelectionQuality.of(known, selection.estimates(), selection.scores(), known.size(),
        TieBreak.FIRST_LISTED, ScopeRlCompatibility.NONE);
    TopKCurve curve = quality.topK();
    ObjectNode values = ChartData.axes("k (policies deployed in the online test)", "true value");
    ChartData.strings(values, "x", ks(curve.maxK()));
    ChartData.series(values, "best@k", curve.best());
    ChartData.series(values, "mean@k", curve.mean());
    ChartData.series(values, "worst@k", curve.worst());
    ObjectNode sharpe = ChartData.axes("k (policies deployed in the online test)", "SharpeRatio@k");
    ChartData.strings(sharpe, "x", ks(curve.maxK()));
    ChartData.series(sharpe, selection.estimator(), curve.sharpeRatio());
    Table table = Table.of("Table: top-k figures", "k", "best@k", "mean@k", "worst@k", "std@k", "regret@k", "SharpeRatio@k");
    for (int k = 1; k <= curve.maxK(); k++) {
      table = table.withRow(Integer.toString(k), ChartData.num(curve.best()[k - 1]), ChartData.num(curve.mean()[k - 1]),
          ChartData.num(curve.worst()[k - 1]), ChartData.num(curve.std()[k - 1]), ChartData.num(quality.regretAt(k)),
          ChartData.num(curve.sharpeRatio()[k - 1]));
    }
    return Section.of("Top-k against the true values",
        "if the k best-ranked candidates went to an online test: the best, mean and worst true value among them;"
            + " SharpeRatio@k is (best@k − behaviour value)⁺ / std@k, higher is a better risk-return trade (undefined at k = 1).")
        .withFact("rank correlation (Spearman)", ChartData.num(quality.rankCorrelation()))
        .withChart(new Chart("lines", "best@k, mean@k and worst@k", values, table))
        .withChart(new Chart("lines", "SharpeRatio@k", sharpe, table.withCaption("Table: top-k figures (as above)")));
  }

  static List<String> ks(int maxK) {
    List<String> ks = new ArrayList<>();
    for (int k = 1; k <= maxK; k++) {
      ks.add(Integer.toString(k));
    }
    return ks;
  }
}
