package io.ope4j.synthetic;

import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimator;
import io.ope4j.interval.Interval;
import io.ope4j.interval.Intervals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How often the intervals of some estimators cover the exact truth over seeded replications of
 * a {@link BinaryRewardScenario}: for each estimator both the reported (default) interval and
 * the plain Student-t interval {@code value ± t stderr}, to show what the floor changes.
 */
public final class CoverageStudy {

  /**
   * One estimator's coverage on one scenario.
   *
   * @param covered replications whose reported interval covers the truth
   * @param tCovered replications whose plain t interval covers it
   * @param method the reported interval's label in the last replication (e.g. {@code t+wilson})
   * @param meanWidth mean width of the reported interval
   */
  public record Row(String scenario, String estimator, int replications, int covered, int tCovered, String method,
      double meanWidth) {

    public double coverage() {
      return covered / (double) replications;
    }

    public double tCoverage() {
      return tCovered / (double) replications;
    }

    /** Binomial standard error of a coverage of 95% over these replications. */
    public double standardError() {
      return Math.sqrt(0.95 * 0.05 / replications);
    }

    /** A line of the Markdown table of docs/intervals.md. */
    public String markdown() {
      return String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f%% | %.1f%% | %.4g |", scenario, estimator,
          replications, method, 100 * coverage(), 100 * tCoverage(), meanWidth);
    }
  }

  private CoverageStudy() {}

  /** Runs replications {@code 0 .. replications-1} of {@code scenario} on one thread. */
  public static List<Row> run(BinaryRewardScenario scenario, List<Estimator> estimators, int replications)
      throws IOException {
    EvaluationConfig config = EvaluationConfig.of(estimators).withThreads(1);
    double truth = scenario.truth();
    int[] covered = new int[estimators.size()];
    int[] tCovered = new int[estimators.size()];
    double[] width = new double[estimators.size()];
    String[] method = new String[estimators.size()];
    for (int k = 0; k < replications; k++) {
      EvaluationResult result = new Evaluator(config).evaluate(scenario.replication(k).source());
      for (int e = 0; e < estimators.size(); e++) {
        Estimate estimate = result.estimate(scenario.policy(), estimators.get(e).spec());
        Interval interval = estimate.interval();
        covered[e] += interval.covers(truth) ? 1 : 0;
        Interval t = Intervals.studentT(estimate.value(), estimate.stderr(), result.rows(), config.level());
        tCovered[e] += t.covers(truth) ? 1 : 0;
        width[e] += (interval.upper() - interval.lower()) / replications;
        method[e] = interval.label();
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int e = 0; e < estimators.size(); e++) {
      rows.add(new Row(scenario.name(), estimators.get(e).spec(), replications, covered[e], tCovered[e], method[e],
          width[e]));
    }
    return rows;
  }
}
