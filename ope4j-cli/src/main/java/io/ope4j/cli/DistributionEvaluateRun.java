package io.ope4j.cli;

import io.ope4j.io.LogInput;
import io.ope4j.io.TrajectoryLogReader;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.io.report.DistributionReport;
import io.ope4j.report.DistributionSections;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.sequential.distribution.DistributionConfig;
import io.ope4j.sequential.distribution.DistributionEstimator;
import io.ope4j.sequential.distribution.DistributionEvaluator;
import io.ope4j.sequential.distribution.DistributionResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * {@code ope4j evaluate --distribution} on a trajectory log (docs/distribution.md): the CDF of
 * the return of every policy by the chosen estimators, with bands and risk functions, written by
 * {@link DistributionReport} (and {@link DistributionSections} for {@code --report}).
 */
final class DistributionEvaluateRun {

  private static final String DEFAULT_ESTIMATORS = "cd-tis,cd-sntis";
  private static final String DEFAULT_MODEL_ESTIMATORS = "cd-dm,cd-tis,cd-sntis,cd-tdr,cd-sntdr";

  /** Options that the mean estimators use and the distribution does not, left out of the report. */
  private static final Set<String> NOT_USED = Set.of("--action-col", "--reward-col", "--pscore-col",
      "--position-col", "--n-actions", "--model-features", "--model-positions", "--folds", "--in-sample",
      "--fit-weights", "--estimate-propensities", "--propensity-c", "--no-interval-floor", "--ci",
      "--term-range", "--reward-range", "--weight-clip", "--estimators", "--bootstrap");

  private final EvaluateCommand.IntervalOptions intervals;
  private final LogColumnsOptions columns;
  private final TrajectoryOptions trajectory;
  private final DistributionOptions distribution;

  DistributionEvaluateRun(EvaluateCommand.IntervalOptions intervals, LogColumnsOptions columns,
      TrajectoryOptions trajectory, DistributionOptions distribution) {
    this.intervals = intervals;
    this.columns = columns;
    this.trajectory = trajectory;
    this.distribution = distribution;
  }

  /** Estimates the distributions of the log {@code input} and writes the report. */
  int run(LogInput input, OutputOptions output, ReportOptions report, PrintWriter out, PrintWriter err)
      throws Exception {
    output.checkedFormat();
    TrajectoryEvaluateRun mean = new TrajectoryEvaluateRun(intervals, columns, trajectory);
    mean.refuseBanditColumns();
    if (trajectory.weightClip != null) {
      throw new io.ope4j.data.UsageException("--weight-clip applies to the mean estimators; the distribution"
          + " estimators use the unclipped trajectory weights");
    }
    TrajectoryReadOptions options = new TrajectoryReadOptions(mean.policies(), columns.modelPrefix,
        columns.piSumTolerance);
    boolean scopeRl = trajectory.compatibility.equals("scope-rl");
    String ids = distribution.estimators;
    if (ids == null) {
      try (TrajectoryLogReader reader = TrajectoryLogReader.open(input, options)) {
        ids = reader.hasModel() ? DEFAULT_MODEL_ESTIMATORS : DEFAULT_ESTIMATORS;
      }
    }
    List<DistributionEstimator> chosen = DistributionOptions.parseEstimators(ids);
    DistributionConfig config = distribution.config(chosen, trajectory.gamma, intervals.level,
            intervals.bootstrapSeed(), scopeRl)
        .withHorizonCap(trajectory.horizonCap)
        .withCompatibility(scopeRl ? ScopeRlCompatibility.SCOPE_RL : ScopeRlCompatibility.NONE);
    DistributionResult result = DistributionEvaluator.evaluate(
        () -> TrajectoryLogReader.open(input, options), config);
    for (String warning : result.warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    output.write(out, DistributionReport.of(result, config));
    report.write(() -> DistributionSections.of(result, config), NOT_USED);
    return Ope4j.OK;
  }
}
