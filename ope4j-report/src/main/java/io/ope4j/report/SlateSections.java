package io.ope4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.io.report.Formats;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateDiagnostics;
import io.ope4j.slate.SlateEstimate;
import io.ope4j.slate.SlateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sections of a slate evaluation: the estimates of the expected slate reward with their
 * intervals, each estimator's estimate by position, and the weights' effective sample size by
 * position.
 */
public final class SlateSections {

  private SlateSections() {}

  /** All three sections; {@code truth} may be null. */
  public static List<Section> of(SlateResult result, SlateConfig config, Double truth) {
    return List.of(estimates(result, config, truth), positions(result), weights(result));
  }

  /** One intervals chart (one row per estimator), the truth marked where known. */
  public static Section estimates(SlateResult result, SlateConfig config, Double truth) {
    Section section = Section.of("Slate estimates",
        "each dot is an estimator's estimate of the expected slate reward (the sum over positions) and"
            + " the bar its " + Formats.percent(config.level()) + " " + config.method().id() + " interval"
            + (truth == null ? "; narrower bars are surer." : "; the green diamond is the true value,"
                + " and a red bar is an interval that misses it."))
        .withFact("logged slates", String.format(Locale.ROOT, "%,d", result.slates()))
        .withFact("positions per slate", Integer.toString(result.length()));
    EstimateRows rows = new EstimateRows("Table: slate estimates", result.estimates().size(), "slates", truth);
    for (SlateEstimate e : result.estimates()) {
      rows.add(e.estimator().id(), e.value(), e.stderr(), e.interval(), e.slates());
    }
    section = section.withChart(new Chart("intervals", "expected slate reward", rows.chartData(), rows.table()));
    int missed = rows.missed();
    return truth == null ? section : section.withFact("intervals missing the truth", Integer.toString(missed));
  }

  /** Each estimator's estimate of every position's expected reward. */
  public static Section positions(SlateResult result) {
    ObjectNode data = ChartData.indexAxes("position", result.length(), "estimated expected reward");
    List<String> header = new ArrayList<>(List.of("position"));
    for (SlateEstimate e : result.estimates()) {
      ChartData.series(data, e.estimator().id(), e.positionValues());
      header.add(e.estimator().id());
    }
    Table table = Table.of("Table: estimates by position", header.toArray(new String[0]));
    double[] rewards = result.diagnostics().rewardSums();
    for (int l = 0; l < result.length(); l++) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(l)));
      for (SlateEstimate e : result.estimates()) {
        row.add(ChartData.num(e.positionValues()[l]));
      }
      table = table.withRow(row.toArray(new String[0]));
    }
    double[] logged = new double[rewards.length];
    for (int l = 0; l < rewards.length; l++) {
      logged[l] = rewards[l] / result.slates();
    }
    ChartData.series(data, "logged mean", logged);
    return Section.of("Estimates by position",
        "each line is an estimator's estimate of the expected reward at each position under the evaluation"
            + " policy (they add up to the slate estimate); the line of the logged mean is the behaviour"
            + " policy's observed mean reward there.")
        .withChart(new Chart("lines", "expected reward by position", data, table));
  }

  /** Each kind of weight's effective sample size by position. */
  public static Section weights(SlateResult result) {
    Section section = Section.of("Weights by position",
        "the effective sample size of each kind of importance weight at each position (log scale): where it"
            + " falls far below the slates logged, the estimators that use that weight rest on a few slates."
            + " Cascade weights multiply down the slate, so they spread with the position.")
        .withWarnings(result.warnings());
    ObjectNode data = ChartData.indexAxes("position", result.length(), "effective sample size (log scale)");
    data.put("yLog", true);
    Table table = Table.of("Table: weights by position", "weight", "position", "mean", "min", "max", "ESS",
        "zero share");
    for (SlateDiagnostics.WeightSummary s : result.diagnostics().weights()) {
      double[] ess = new double[result.length()];
      for (int l = 0; l < result.length(); l++) {
        int p = s.ess().length == 1 ? 0 : l;
        ess[l] = s.ess()[p] > 0 ? s.ess()[p] : Double.NaN;
      }
      ChartData.series(data, s.kind(), ess);
      for (int l = 0; l < s.ess().length; l++) {
        table = table.withRow(s.kind(), s.ess().length == 1 ? "all" : Integer.toString(l),
            ChartData.num(s.mean()[l]), ChartData.num(s.min()[l]), ChartData.num(s.max()[l]),
            ChartData.num(s.ess()[l]), String.format(Locale.ROOT, "%.2f%%", 100 * s.zeroShare()[l]));
      }
    }
    double[] slates = new double[result.length()];
    java.util.Arrays.fill(slates, result.slates());
    ChartData.series(data, "slates logged", slates);
    return section.withChart(new Chart("lines", "effective sample size by position", data, table));
  }
}
