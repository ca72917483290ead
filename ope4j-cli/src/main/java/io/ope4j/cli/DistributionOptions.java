package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.sequential.distribution.DistributionConfig;
import io.ope4j.sequential.distribution.DistributionEstimator;
import io.ope4j.sequential.distribution.ReturnGrid;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of {@code evaluate} on trajectory logs that estimate the distribution of the return. */
final class DistributionOptions implements Preflight {

  @Option(names = "--distribution", negatable = false,
      description = "Trajectory logs: estimate the CDF of the return and its risk functions (mean, variance,"
          + " CVaR, quantiles) instead of the mean value (docs/distribution.md).")
  boolean requested;

  @Option(names = "--distribution-estimators", paramLabel = "IDS",
      description = "With --distribution: cd-dm, cd-tis, cd-sntis, cd-tdr, cd-sntdr (default: cd-tis,cd-sntis,"
          + " and cd-dm,cd-tdr,cd-sntdr too with q_* columns).")
  String estimators;

  @Option(names = "--reward-scale", defaultValue = "auto", paramLabel = "GRID",
      description = "With --distribution: the returns the CDF is given at: auto (" + DistributionConfig.DEFAULT_POINTS
          + " points over the observed returns and V-hat(s_0); with --scope-rl-compat scope-rl, data), data (the"
          + " distinct undiscounted sums of rewards, SCOPE-RL's default) or LO,HI,N (default: ${DEFAULT-VALUE}).")
  String rewardScale;

  @Option(names = "--cvar-alpha", defaultValue = "0.1", split = ",", paramLabel = "A",
      description = "With --distribution: CVaR levels in (0, 1], comma-separated (default: ${DEFAULT-VALUE}).")
  List<Double> cvarAlphas;

  @Option(names = "--quantile-alpha", defaultValue = "0.05", paramLabel = "A",
      description = "With --distribution: the lower and upper quantiles are at A and 1 - A, A in (0, 0.5]"
          + " (default: ${DEFAULT-VALUE}).")
  double quantileAlpha;

  @Option(names = "--band-replicates", defaultValue = "200", paramLabel = "B",
      description = "With --distribution: bootstrap replicates of the CDF's confidence band at --level, 0 for"
          + " none (default: ${DEFAULT-VALUE}).")
  int bandReplicates;

  /** Every value, checked before the log is read. */
  @Override
  public void check() {
    if (!requested) {
      return;
    }
    if (estimators != null) {
      parseEstimators(estimators);
    }
    grid();
    config(List.of(DistributionEstimator.CD_TIS), 1, 0.95, 0, false);
    if (bandReplicates < 0 || bandReplicates == 1) {
      throw new UsageException("--band-replicates must be 0 or at least 2, got " + bandReplicates);
    }
  }

  static List<DistributionEstimator> parseEstimators(String ids) {
    List<DistributionEstimator> chosen = new ArrayList<>();
    for (String id : ids.split(",")) {
      chosen.add(DistributionEstimator.parse(id));
    }
    return chosen;
  }

  /** The given grid, or null when it is derived from the log. */
  ReturnGrid grid() {
    return rewardScale.equals("auto") || rewardScale.equals("data") ? null : ReturnGrid.parse(rewardScale);
  }

  /** The configuration, the grid rule following {@code --reward-scale} and the mode. */
  DistributionConfig config(List<DistributionEstimator> chosen, double gamma, double level, long seed,
      boolean scopeRl) {
    double[] alphas = cvarAlphas.stream().mapToDouble(Double::doubleValue).toArray();
    ReturnGrid grid = grid();
    DistributionConfig.GridRule rule = grid != null ? DistributionConfig.GridRule.GIVEN
        : rewardScale.equals("data") || scopeRl ? DistributionConfig.GridRule.DISTINCT_SUMS
        : DistributionConfig.GridRule.RANGE;
    return DistributionConfig.of(chosen, gamma).withGrid(grid, rule).withRisk(alphas, quantileAlpha)
        .withBand(level, bandReplicates, seed);
  }
}
