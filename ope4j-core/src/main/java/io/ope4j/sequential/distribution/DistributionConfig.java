package io.ope4j.sequential.distribution;

import io.ope4j.interval.Intervals;
import io.ope4j.selection.ScopeRlCompatibility;
import java.util.List;

/**
 * How to estimate the distribution of the return.
 *
 * @param estimators the estimators, in output order
 * @param gamma discount in [0, 1]
 * @param horizonCap steps of each episode used, or 0 for all
 * @param grid the grid, or null for the one {@code rule} derives from the log
 * @param rule how the grid is chosen
 * @param compatibility {@link ScopeRlCompatibility#NONE}, or SCOPE-RL's coded estimators, returns
 *     and risk functions
 * @param cvarAlphas the CVaR levels, in (0, 1]
 * @param quantileAlpha the alpha of the lower and upper quantiles, in (0, 0.5]
 * @param bandLevel confidence level of the bootstrap band on each CDF
 * @param replicates bootstrap replicates of the band, 0 for no band
 * @param seed seed of the band's resampling
 */
public record DistributionConfig(List<DistributionEstimator> estimators, double gamma,
    int horizonCap, ReturnGrid grid, GridRule rule, ScopeRlCompatibility compatibility,
    double[] cvarAlphas, double quantileAlpha, double bandLevel, int replicates, long seed) {

  /** Grid points when none are given and the rule is {@link GridRule#RANGE}. */
  public static final int DEFAULT_POINTS = 101;

  /** How the grid is chosen. */
  public enum GridRule {
    /** The given grid. */
    GIVEN,
    /** {@value #DEFAULT_POINTS} evenly spaced points over the observed returns and V-hat(s_0). */
    RANGE,
    /** The distinct undiscounted sums of rewards of the episodes (SCOPE-RL's default). */
    DISTINCT_SUMS
  }

  public DistributionConfig {
    estimators = List.copyOf(estimators);
    cvarAlphas = cvarAlphas.clone();
    if (estimators.isEmpty()) {
      throw new IllegalArgumentException("no distribution estimator given");
    }
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
    }
    if ((grid == null) == (rule == GridRule.GIVEN)) {
      throw new IllegalArgumentException("a grid is given exactly when the rule is GIVEN");
    }
    for (double alpha : cvarAlphas) {
      if (!(alpha > 0 && alpha <= 1)) {
        throw new io.ope4j.data.UsageException("CVaR alpha must be in (0, 1], got " + alpha);
      }
    }
    if (!(quantileAlpha > 0 && quantileAlpha <= 0.5)) {
      throw new io.ope4j.data.UsageException(
          "the quantile alpha must be in (0, 0.5], got " + quantileAlpha);
    }
    Intervals.checkLevel(bandLevel);
    if (replicates < 0 || replicates == 1) {
      throw new IllegalArgumentException("band replicates must be 0 or >= 2, got " + replicates);
    }
  }

  /**
   * Defaults: the grid by {@link GridRule#RANGE}, CVaR at 0.1, quantiles at 0.05, a 95% band from
   * 200 replicates, seed 0, documented definitions.
   */
  public static DistributionConfig of(List<DistributionEstimator> estimators, double gamma) {
    return new DistributionConfig(estimators, gamma, 0, null, GridRule.RANGE,
        ScopeRlCompatibility.NONE, new double[] {0.1}, 0.05, 0.95, 200, 0L);
  }

  /** With a grid ({@code null} and a rule other than GIVEN to derive it from the log). */
  public DistributionConfig withGrid(ReturnGrid newGrid, GridRule newRule) {
    return new DistributionConfig(estimators, gamma, horizonCap, newGrid, newRule, compatibility,
        cvarAlphas, quantileAlpha, bandLevel, replicates, seed);
  }

  /** With SCOPE-RL's coded definitions, or without. */
  public DistributionConfig withCompatibility(ScopeRlCompatibility newCompatibility) {
    return new DistributionConfig(estimators, gamma, horizonCap, grid, rule, newCompatibility,
        cvarAlphas, quantileAlpha, bandLevel, replicates, seed);
  }

  /** With other risk-function levels. */
  public DistributionConfig withRisk(double[] newCvarAlphas, double newQuantileAlpha) {
    return new DistributionConfig(estimators, gamma, horizonCap, grid, rule, compatibility,
        newCvarAlphas, newQuantileAlpha, bandLevel, replicates, seed);
  }

  /** With another band ({@code replicates} 0 for none). */
  public DistributionConfig withBand(double newLevel, int newReplicates, long newSeed) {
    return new DistributionConfig(estimators, gamma, horizonCap, grid, rule, compatibility,
        cvarAlphas, quantileAlpha, newLevel, newReplicates, newSeed);
  }

  /** With a horizon cap (0 for none). */
  public DistributionConfig withHorizonCap(int newHorizonCap) {
    return new DistributionConfig(estimators, gamma, newHorizonCap, grid, rule, compatibility,
        cvarAlphas, quantileAlpha, bandLevel, replicates, seed);
  }

  /** Whether SCOPE-RL's coded definitions are used. */
  public boolean scopeRl() {
    return compatibility != ScopeRlCompatibility.NONE;
  }

  /** Whether any estimator needs V-hat. */
  public boolean usesModel() {
    for (DistributionEstimator estimator : estimators) {
      if (estimator.usesModel()) {
        return true;
      }
    }
    return false;
  }
}
