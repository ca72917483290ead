package io.ope4j.report;

import io.ope4j.simulation.SimLogAgreement;
import io.ope4j.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The section of {@code sim-eval}: each policy's simulated value and interval, and the agreement with a log. */
public final class SimulationSections {

  private SimulationSections() {}

  /**
   * @param exact each policy's exact value, where known
   * @param agreement the agreement with a log, or null
   */
  public static List<Section> of(Map<String, SimulationResult> results, Map<String, Double> exact,
      SimLogAgreement agreement) {
    int k = results.size();
    double[] value = new double[k];
    double[] lower = new double[k];
    double[] upper = new double[k];
    List<String> names = new ArrayList<>(results.keySet());
    Table table = Table.of("Policies", "policy", "sampling", "episodes", "stopped", "value", "lower", "upper",
        "exact", "log");
    int j = 0;
    for (Map.Entry<String, SimulationResult> entry : results.entrySet()) {
      SimulationResult r = entry.getValue();
      value[j] = r.value();
      lower[j] = r.lower();
      upper[j] = r.upper();
      table = table.withRow(entry.getKey(), r.sampling().id(), Long.toString(r.episodes()), r.stoppedBecause(),
          ChartData.num(r.value()), ChartData.num(r.lower()), ChartData.num(r.upper()),
          ChartData.num(exact.getOrDefault(entry.getKey(), Double.NaN)),
          agreement == null ? "" : ChartData.num(agreement.logged()[j]));
      j++;
    }
    Section section = Section.of("Simulated values",
        "each row is a policy's mean return over the simulated episodes with its t interval; the table gives the"
            + " exact value where the simulator knows it and, with a log, the log's estimate.");
    if (agreement != null) {
      section = section
          .withFact("Spearman (simulator vs log)", ChartData.num(agreement.spearman()))
          .withFact("Kendall", ChartData.num(agreement.kendall()))
          .withFact("mean absolute difference", ChartData.num(agreement.meanAbsoluteDifference()))
          .withFact("disagreeing (disjoint intervals)",
              agreement.disagreeing().isEmpty() ? "none" : String.join(", ", agreement.disagreeing()));
    }
    return List.of(section.withChart(new Chart("intervals", "simulated values",
        EvaluationSections.intervalData(names, value, lower, upper, null), table)));
  }
}
