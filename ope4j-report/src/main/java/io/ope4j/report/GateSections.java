package io.ope4j.report;

import io.ope4j.decision.CandidateVerdict;
import io.ope4j.decision.GateDecision;
import io.ope4j.decision.GateRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The section of a deployment gate: the verdict, its paragraph, and each candidate's improvement interval. */
public final class GateSections {

  private GateSections() {}

  /** The decision: facts of the rule, the improvement intervals (lower at Holm's level, upper), the numbers. */
  public static List<Section> of(GateDecision decision) {
    GateRule rule = decision.rule();
    int k = decision.candidates().size();
    double[] value = new double[k];
    double[] lower = new double[k];
    double[] upper = new double[k];
    List<String> names = new ArrayList<>();
    Table table = Table.of("Candidates", "policy", "verdict", "improvement", "stderr", "lower (Holm)", "upper",
        "p-value", "Holm level", "ESS", "reason");
    for (int j = 0; j < k; j++) {
      CandidateVerdict v = decision.candidates().get(j);
      names.add(v.policy() + " (" + v.verdict().id() + ")");
      value[j] = v.difference().value();
      lower[j] = v.lowerAtHolm();
      upper[j] = v.upper();
      table = table.withRow(v.policy(), v.verdict().id(), ChartData.num(value[j]),
          ChartData.num(v.difference().stderr()), ChartData.num(lower[j]), ChartData.num(upper[j]),
          ChartData.num(v.pValue()), ChartData.num(1 - v.holmAlpha()), ChartData.num(v.weights().effectiveSampleSize()),
          v.reason());
    }
    Section section = Section.of("Deployment gate: " + decision.verdict().id(),
        "each row is a candidate's estimated improvement over the baseline '" + rule.baseline() + "' with its lower"
            + " bound at the Holm-adjusted level and its upper bound at the plain level. A candidate is deployed when its"
            + " lower bound exceeds the minimum improvement (" + ChartData.num(rule.minImprovement()) + "), rejected"
            + " when its upper bound stays below it.")
        .withNote(decision.summary())
        .withFact("verdict", decision.verdict().id())
        .withFact("recommended", decision.recommended() == null ? "none" : decision.recommended())
        .withFact("baseline", rule.baseline())
        .withFact("minimum improvement", ChartData.num(rule.minImprovement()))
        .withFact("confidence", String.format(Locale.ROOT, "%s (Holm over %d)", ChartData.num(rule.confidence()), k))
        .withFact("estimator, bound", rule.estimator().spec() + ", " + rule.bound().id())
        .withFact("rows", Long.toString(decision.rows()));
    if (decision.baselineRefusal() != null) {
      section = section.withWarnings(List.of(decision.baselineRefusal()));
    }
    return List.of(section.withChart(new Chart("intervals", "improvement over " + rule.baseline(),
        EvaluationSections.intervalData(names, value, lower, upper, null), table)));
  }
}
