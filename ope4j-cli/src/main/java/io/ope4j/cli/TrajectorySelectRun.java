package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.io.LogInput;
import io.ope4j.io.TrajectoryEvaluation;
import io.ope4j.io.TrajectoryLogReader;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.io.report.TrajectorySelectionReport;
import io.ope4j.selection.PolicySelector;
import io.ope4j.selection.Ranking;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.selection.TieBreak;
import io.ope4j.selection.TrajectoryCriterion;
import io.ope4j.sequential.SequentialEstimate;
import io.ope4j.sequential.SequentialResult;
import io.ope4j.sequential.distribution.DistributionConfig;
import io.ope4j.sequential.distribution.DistributionEstimator;
import io.ope4j.sequential.distribution.DistributionEvaluator;
import io.ope4j.sequential.distribution.DistributionResult;
import io.ope4j.sequential.distribution.RiskSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ope4j select} on a trajectory log (docs/distribution.md): ranks the candidates by the
 * mean's estimate or lower bound (a trajectory estimator), or by CVaR or a lower quantile of the
 * return distribution (a distribution estimator), and marks the top k.
 */
final class TrajectorySelectRun {

  private final EvaluateCommand.IntervalOptions intervals;
  private final LogColumnsOptions columns;
  private final TrajectoryOptions trajectory;

  TrajectorySelectRun(EvaluateCommand.IntervalOptions intervals, LogColumnsOptions columns,
      TrajectoryOptions trajectory) {
    this.intervals = intervals;
    this.columns = columns;
    this.trajectory = trajectory;
  }

  int run(LogInput input, String estimator, String criterionText, Integer topK, Path truth,
      boolean report, OutputOptions output, PrintWriter out) throws Exception {
    output.checkedFormat();
    TrajectoryCriterion criterion = TrajectoryCriterion.parse(criterionText);
    if (truth != null) {
      throw new UsageException("--truth judges selections of bandit logs only; for trajectory logs,"
          + " compare with the truth file by hand or use assess --env tabular");
    }
    if (report) {
      throw new UsageException("--report draws selections of bandit logs only; for trajectory logs use"
          + " evaluate --distribution --report");
    }
    TrajectoryEvaluateRun mean = new TrajectoryEvaluateRun(intervals, columns, trajectory);
    mean.refuseBanditColumns();
    TrajectoryReadOptions options = new TrajectoryReadOptions(mean.policies(), columns.modelPrefix,
        columns.piSumTolerance);
    List<String> names;
    boolean hasModel;
    try (TrajectoryLogReader reader = TrajectoryLogReader.open(input, options)) {
      names = reader.policyNames();
      hasModel = reader.hasModel();
    }
    PolicySelector.checkCandidates(names);
    int k = topK != null ? topK : Math.min(SelectCommand.DEFAULT_TOP_K, names.size());
    PolicySelector.checkTopK(k, names.size());
    double[] scores = new double[names.size()];
    double[] values = new double[names.size()];
    String id;
    long episodes;
    if (criterion.usesDistribution()) {
      id = estimator != null ? estimator : hasModel ? "cd-sntdr" : "cd-sntis";
      DistributionResult result = DistributionEvaluator.evaluate(
          () -> TrajectoryLogReader.open(input, options), distributionConfig(id, criterion));
      episodes = result.episodes();
      for (int p = 0; p < names.size(); p++) {
        RiskSummary risk = result.get(names.get(p), DistributionEstimator.parse(id)).risk();
        scores[p] = risk == null ? Double.NaN
            : criterion.kind() == TrajectoryCriterion.Kind.CVAR ? risk.cvar()[0] : risk.lowerQuantile();
        values[p] = risk == null ? Double.NaN : risk.mean();
      }
    } else {
      id = estimator != null ? estimator : hasModel ? "dr" : "snpdis";
      SequentialResult result = TrajectoryEvaluation.evaluate(input, options, mean.config(id, input),
          intervals.threads.count());
      episodes = result.episodes();
      for (int p = 0; p < names.size(); p++) {
        SequentialEstimate estimate = result.estimates().get(p);
        values[p] = estimate.value();
        scores[p] = criterion.kind() == TrajectoryCriterion.Kind.ESTIMATE ? estimate.value()
            : estimate.interval().lower();
      }
    }
    for (int p = 0; p < names.size(); p++) {
      if (Double.isNaN(scores[p])) {
        throw new UsageException("policy " + names.get(p) + ": its " + criterion.id() + " by " + id
            + " is NaN (every trajectory weight 0, or too few episodes for the interval), so it cannot be"
            + " ranked; choose another estimator or drop the policy");
      }
    }
    int[] order = Ranking.descending(scores, TieBreak.FIRST_LISTED);
    output.write(out, new TrajectorySelectionReport(id, criterion.id(), k, episodes, names, scores, values,
        order));
    return Ope4j.OK;
  }

  private DistributionConfig distributionConfig(String id, TrajectoryCriterion criterion) {
    boolean scopeRl = trajectory.compatibility.equals("scope-rl");
    boolean cvar = criterion.kind() == TrajectoryCriterion.Kind.CVAR;
    return DistributionConfig.of(List.of(DistributionEstimator.parse(id)), trajectory.gamma)
        .withGrid(null, scopeRl ? DistributionConfig.GridRule.DISTINCT_SUMS : DistributionConfig.GridRule.RANGE)
        .withRisk(new double[] {cvar ? criterion.alpha() : 0.1}, cvar ? 0.05 : criterion.alpha())
        .withBand(intervals.level, 0, 0)
        .withHorizonCap(trajectory.horizonCap)
        .withCompatibility(scopeRl ? ScopeRlCompatibility.SCOPE_RL : ScopeRlCompatibility.NONE);
  }
}
