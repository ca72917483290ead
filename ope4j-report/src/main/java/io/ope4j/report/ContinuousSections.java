package io.ope4j.report;

import io.ope4j.continuous.ContinuousEstimate;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.io.report.Formats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sections of a continuous-action evaluation (docs/continuous.md): the estimates with their
 * intervals, and the kernel weights of each estimator's (chosen) kernel and bandwidth.
 */
public final class ContinuousSections {

  private ContinuousSections() {}

  /** Both sections; {@code truth} is the policy's true value, or null. */
  public static List<Section> of(ContinuousResult result, Double truth) {
    return List.of(estimates(result, truth), weights(result));
  }

  /** One intervals chart, one row per estimator, the truth marked where known. */
  public static Section estimates(ContinuousResult result, Double truth) {
    Section section = Section.of("Estimates",
        "each dot is an estimator's estimate of the policy's value and the bar its "
            + Formats.percent(result.config().level()) + " " + result.config().interval().id() + " interval. Kernel"
            + " estimators smooth the evaluation action over a bandwidth: a wider one lowers the variance and adds"
            + " bias" + (truth == null ? "." : "; the green diamond is the true value, and a red bar misses it."))
        .withFact("logged rounds", String.format(Locale.ROOT, "%,d", result.rows()))
        .withFact("evaluation policy", result.layout().densityPolicy() ? "given by its density" : "deterministic");
    int n = result.estimates().size();
    List<String> names = new ArrayList<>();
    double[] value = new double[n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    Table table = Table.of("Table: estimates of " + result.layout().policy(), "estimator", "value", "stderr", "lower",
        "upper", "interval method", "bandwidth chosen", "truth", "covers truth");
    int missed = 0;
    for (int i = 0; i < n; i++) {
      ContinuousEstimate e = result.estimates().get(i);
      names.add(e.estimator());
      value[i] = e.value();
      lower[i] = e.interval().lower();
      upper[i] = e.interval().upper();
      boolean misses = truth != null && !e.interval().covers(truth);
      missed += misses ? 1 : 0;
      table = table.withRow(e.estimator(), ChartData.num(e.value()), ChartData.num(e.stderr()), ChartData.num(lower[i]),
          ChartData.num(upper[i]), e.interval().label(), e.selected() == null ? "" : e.selected(),
          truth == null ? "" : ChartData.num(truth), truth == null ? "" : misses ? "no" : "yes");
    }
    section = section.withChart(new Chart("intervals", "policy " + result.layout().policy(),
        EvaluationSections.intervalData(names, value, lower, upper, truth), table));
    return EvaluationSections.withMissed(section, truth == null ? Map.of() : Map.of(result.layout().policy(), truth),
        missed);
  }

  /** Per estimator's weights (estimators sharing a kernel and bandwidth share them): a histogram. */
  public static Section weights(ContinuousResult result) {
    Section section = Section.of("Kernel weights",
        "each bar counts the rounds whose weight K((pi_e(x) - a) / h) / h / p_b(a | x) lies between two powers of"
            + " two (a log scale); rounds whose logged action is far from the evaluation action weigh 0 (the grey bar)"
            + " under a compact kernel. An effective sample size far below the rows means wide, fragile intervals.")
        .withWarnings(result.warnings());
    Map<String, WeightDiagnostics> byWeights = new LinkedHashMap<>();
    for (ContinuousEstimate e : result.estimates()) {
      String spec = e.selected() != null ? e.selected() : e.estimator();
      String smoothing = spec.indexOf(':') < 0 ? "the policy's density" : spec.substring(spec.indexOf(':') + 1)
          .replace(":compat=obp", "");
      byWeights.putIfAbsent(smoothing, e.weights());
    }
    int charted = 0;
    for (Map.Entry<String, WeightDiagnostics> entry : byWeights.entrySet()) {
      WeightDiagnostics w = entry.getValue();
      Table table = EvaluationSections.weightTable(entry.getKey(), w);
      if (charted++ < EvaluationSections.MAX_POLICY_CHARTS) {
        section = section.withChart(new Chart("histogram", entry.getKey() + String.format(Locale.ROOT,
            ": ESS %s (%.1f%% of the rows) · max weight %s · zero-weight share %.2f%%",
            ChartData.num(w.effectiveSampleSize()), 100 * w.effectiveSampleSize() / w.rows(), ChartData.num(w.maxWeight()),
            100 * w.zeroProbabilityShare()), EvaluationSections.histogramData(w), table));
      } else {
        section = section.withTable(table);
      }
    }
    return section;
  }
}
