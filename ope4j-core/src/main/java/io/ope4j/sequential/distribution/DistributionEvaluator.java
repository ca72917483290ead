package io.ope4j.sequential.distribution;

import io.ope4j.data.InvalidDataException;
import io.ope4j.sequential.EpisodeReturns;
import io.ope4j.sequential.EpisodeSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates the distribution of the return of every policy of a trajectory log (docs/distribution.md):
 * one pass collects each episode's return, weight and V-hat(s_0) ({@link EpisodeReturns}), then
 * each estimator's CDF, band and risk functions are computed from those columns.
 */
public final class DistributionEvaluator {

  private DistributionEvaluator() {}

  /**
   * Reads the episodes {@code opener} gives (once) and estimates.
   *
   * @throws InvalidDataException on bad input, no episode, or an estimator that needs the q_*
   *     columns the log lacks
   */
  public static DistributionResult evaluate(EpisodeSource.Opener opener, DistributionConfig config)
      throws IOException {
    try (EpisodeSource source = opener.open()) {
      for (DistributionEstimator estimator : config.estimators()) {
        if (estimator.usesModel() && !source.hasModel()) {
          throw new InvalidDataException(source.name(), -1, null, "estimator " + estimator.id()
              + " needs V-hat(s_0) (q_* columns with a wide policy, or q and v); the log has none");
        }
      }
      // SCOPE-RL's CD estimators discount from gamma^1 (docs/distribution.md)
      return evaluate(EpisodeReturns.collect(source, config.gamma(), config.scopeRl(),
          config.horizonCap()), config);
    }
  }

  /** Estimates from collected episodes. */
  public static DistributionResult evaluate(EpisodeReturns returns, DistributionConfig config) {
    ReturnGrid grid = grid(returns, config);
    List<ReturnDistribution> out = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int[] returnBins = config.scopeRl() ? null : WeightedCdf.bins(grid, returns.discountedReturn());
    for (int p = 0; p < returns.names().size(); p++) {
      String policy = returns.names().get(p);
      double[] weights = returns.weight()[p];
      double[] values = returns.initialValue()[p];
      int[] valueBins = config.scopeRl() || !config.usesModel() ? null : WeightedCdf.bins(grid, values);
      for (DistributionEstimator estimator : config.estimators()) {
        ReturnDistribution distribution = config.scopeRl()
            ? scopeRl(policy, estimator, grid, returns.discountedReturn(), weights, values, config)
            : documented(policy, estimator, grid, returnBins, valueBins, weights, config);
        if (Double.isNaN(distribution.cdf()[grid.size() - 1])) {
          warnings.add(policy + " " + estimator.id() + ": every trajectory weight is 0, so the"
              + " self-normalised CDF is undefined");
        }
        out.add(distribution);
      }
    }
    return new DistributionResult(returns.episodes(), grid, out, warnings);
  }

  private static ReturnDistribution scopeRl(String policy, DistributionEstimator estimator,
      ReturnGrid grid, double[] discountedReturn, double[] weights, double[] values,
      DistributionConfig config) {
    double[] cdf = ScopeRlCdf.of(estimator, grid, discountedReturn, weights, values);
    return new ReturnDistribution(policy, estimator, cdf, null, null,
        RiskFunctions.scopeRl(grid, cdf, config.cvarAlphas(), config.quantileAlpha()));
  }

  private static ReturnDistribution documented(String policy, DistributionEstimator estimator,
      ReturnGrid grid, int[] returnBins, int[] valueBins, double[] weights,
      DistributionConfig config) {
    int m = grid.size();
    double[] cdf = new double[m];
    WeightedCdf.of(estimator, returnBins, valueBins, weights, null, new double[m + 1], cdf);
    double[][] band = config.replicates() == 0 || Double.isNaN(cdf[m - 1]) ? new double[2][]
        : CdfBand.bootstrap(estimator, returnBins, valueBins, weights, cdf, config.bandLevel(),
            config.replicates(), config.seed());
    RiskSummary risk = Double.isNaN(cdf[m - 1]) ? null
        : RiskFunctions.documented(grid, cdf, config.cvarAlphas(), config.quantileAlpha());
    return new ReturnDistribution(policy, estimator, cdf, band[0], band[1], risk);
  }

  /** The configured grid, or the one its rule derives from the returns. */
  static ReturnGrid grid(EpisodeReturns returns, DistributionConfig config) {
    return switch (config.rule()) {
      case GIVEN -> config.grid();
      case DISTINCT_SUMS -> ReturnGrid.distinct(returns.undiscountedReturn());
      case RANGE -> range(returns, config);
    };
  }

  private static ReturnGrid range(EpisodeReturns returns, DistributionConfig config) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double g : returns.discountedReturn()) {
      lo = Math.min(lo, g);
      hi = Math.max(hi, g);
    }
    if (config.usesModel()) {
      for (double[] values : returns.initialValue()) {
        for (double v : values) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(hi > lo)) {
      // every return equal: a grid of width 1 around it still shows the step
      lo -= 0.5;
      hi += 0.5;
    }
    return ReturnGrid.linspace(lo, hi, DistributionConfig.DEFAULT_POINTS);
  }
}
