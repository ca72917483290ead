package io.ope4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.io.report.Formats;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimate;
import io.ope4j.sequential.SequentialResult;
import io.ope4j.sequential.StepDiagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sections of a trajectory evaluation: the estimates with their intervals, and how the
 * weights degenerate with the step (ESS and the largest weight by step).
 */
public final class TrajectorySections {

  private TrajectorySections() {}

  /** Both sections. */
  public static List<Section> of(SequentialResult result, SequentialConfig config, Map<String, Double> truths) {
    return List.of(estimates(result, config, truths), steps(result));
  }

  /** One intervals chart per policy (one row per estimator), the truth marked where known. */
  public static Section estimates(SequentialResult result, SequentialConfig config, Map<String, Double> truths) {
    Section section = Section.of("Estimates",
        "each dot is an estimator's estimate of the policy's value over whole episodes and the bar its "
            + Formats.percent(config.level()) + " " + config.method().id() + " interval"
            + (truths.isEmpty() ? "; narrower bars are surer." : "; the green diamond is the true value,"
                + " and a red bar is an interval that misses it."))
        .withFact("logged episodes", String.format(Locale.ROOT, "%,d", result.episodes()))
        .withFact("discount γ",
            new java.math.BigDecimal(Double.toString(config.gamma())).stripTrailingZeros().toPlainString());
    int missed = 0;
    int charted = 0;
    for (String policy : policiesOf(result)) {
      Double truth = truths.get(policy);
      List<SequentialEstimate> rows = result.estimates().stream().filter(e -> e.policy().equals(policy)).toList();
      EstimateRows estimates = new EstimateRows("Table: estimates of " + policy, rows.size(), "episodes", truth);
      for (SequentialEstimate e : rows) {
        estimates.add(e.estimator().id(), e.value(), e.stderr(), e.interval(), e.episodes());
      }
      missed += estimates.missed();
      Table table = estimates.table();
      if (charted++ < EvaluationSections.MAX_POLICY_CHARTS) {
        section = section.withChart(new Chart("intervals", "policy " + policy, estimates.chartData(), table));
      } else {
        section = section.withTable(table);
      }
    }
    return EvaluationSections.withMissed(section, truths, missed);
  }

  /** Per policy: ESS against the episodes still running, and the largest weight, by step. */
  public static Section steps(SequentialResult result) {
    Section section = Section.of("Weights by step",
        "a step's weight is the product of the policy's probability ratios up to that step, so it spreads"
            + " as episodes go on (both charts use a log scale): where the ESS line falls far below the episodes"
            + " still running, or the largest weight climbs by orders of magnitude, the later rewards rest on a few"
            + " episodes and the estimates on them are fragile.")
        .withWarnings(result.warnings());
    int charted = 0;
    for (StepDiagnostics d : result.diagnostics()) {
      int steps = d.ess().length;
      double[] running = new double[steps];
      for (int t = 0; t < steps; t++) {
        running[t] = d.running()[t];
      }
      Table table = Table.of("Table: weights by step of " + d.policy(), "step", "episodes running",
          "effective sample size", "ESS share of running", "max weight");
      for (int t = 0; t < steps; t++) {
        table = table.withRow(Integer.toString(t), Long.toString(d.running()[t]), ChartData.num(d.ess()[t]),
            running[t] > 0 ? Formats.percent(d.ess()[t] / running[t]) : "", ChartData.num(d.maxWeight()[t]));
      }
      String figures = String.format(Locale.ROOT, " · zero-probability share %.2f%%%s", 100 * d.zeroProbabilityShare(),
          d.clippedSteps() > 0 ? " · clipped steps " + d.clippedSteps() : "");
      if (charted++ < EvaluationSections.MAX_POLICY_CHARTS) {
        // on a log scale the gap between the two lines is the ESS's share of the episodes running
        ObjectNode ess = ChartData.indexAxes("step", steps, "episodes (log scale)");
        ess.put("yLog", true);
        ChartData.series(ess, "effective sample size", positiveOnly(d.ess()));
        ChartData.series(ess, "episodes running", positiveOnly(running));
        ObjectNode max = ChartData.indexAxes("step", steps, "max weight (log scale)");
        max.put("yLog", true);
        ChartData.series(max, "max weight", positiveOnly(d.maxWeight()));
        section = section
            .withChart(new Chart("lines", "policy " + d.policy() + ": ESS by step" + figures, ess, table))
            .withChart(new Chart("lines", "policy " + d.policy() + ": max weight by step", max,
                table.withCaption("Table: weights by step of " + d.policy() + " (as above)")));
      } else {
        section = section.withTable(table);
      }
    }
    return section;
  }

  /** A log axis cannot show 0 (every episode's weight is 0 there): a gap instead. */
  private static double[] positiveOnly(double[] values) {
    double[] shown = values.clone();
    for (int i = 0; i < shown.length; i++) {
      shown[i] = shown[i] > 0 ? shown[i] : Double.NaN;
    }
    return shown;
  }

  private static List<String> policiesOf(SequentialResult result) {
    List<String> policies = new ArrayList<>();
    for (StepDiagnostics d : result.diagnostics()) {
      policies.add(d.policy());
    }
    for (SequentialEstimate e : result.estimates()) {
      if (!policies.contains(e.policy())) {
        policies.add(e.policy());
      }
    }
    return policies;
  }
}
