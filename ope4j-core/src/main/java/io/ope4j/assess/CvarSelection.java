package io.ope4j.assess;

import io.ope4j.environment.EpisodeCollector;
import io.ope4j.environment.TabularMdp;
import io.ope4j.selection.RiskTopK;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.selection.SelectionMetrics;
import io.ope4j.selection.TieBreak;
import io.ope4j.selection.TopKCurve;
import io.ope4j.sequential.EpisodeReturns;
import io.ope4j.sequential.distribution.DistributionConfig;
import io.ope4j.sequential.distribution.DistributionEstimator;
import io.ope4j.sequential.distribution.DistributionEvaluator;
import io.ope4j.sequential.distribution.DistributionResult;
import io.ope4j.sequential.distribution.RiskSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The selection-by-CVaR part of the environment study (SCOPE-RL's top-k CVaR metrics; Kiyohara et
 * al. 2023): distribution estimators rank the candidates of each log by their estimated CVaR(alpha),
 * judged by the true CVaR of on-policy returns, with the behaviour policy's true CVaR as the
 * SharpeRatio@k baseline ({@link RiskTopK}). The true CVaRs come from {@value #TRUTH_EPISODES}
 * seeded on-policy episodes per policy. Mutable, one thread.
 */
final class CvarSelection {

  /** On-policy episodes per policy for the true CVaR. */
  static final int TRUTH_EPISODES = 20_000;

  private final List<DistributionEstimator> estimators;
  private final DistributionConfig config;
  private final double gamma;
  private final double[] trueCvar;
  private final double behaviourCvar;
  private final double spread;
  private final double[] squaredError;
  private final double[] rankCorrelation;
  private final double[][] sharpeSum;
  private final int[][] sharpeCount;

  CvarSelection(List<DistributionEstimator> estimators, double alpha, double gamma, TabularMdp mdp,
      double[][] behaviour, double[][][] candidates, long seed) {
    this.estimators = List.copyOf(estimators);
    this.gamma = gamma;
    this.config = DistributionConfig.of(estimators, gamma).withRisk(new double[] {alpha}, 0.05)
        .withBand(0.95, 0, 0);
    int n = candidates.length;
    this.trueCvar = new double[n];
    double best = Double.NEGATIVE_INFINITY;
    double worst = Double.POSITIVE_INFINITY;
    for (int c = 0; c < n; c++) {
      trueCvar[c] = RiskTopK.trueCvar(onPolicyReturns(mdp, candidates[c], seed + c), alpha,
          ScopeRlCompatibility.NONE);
      best = Math.max(best, trueCvar[c]);
      worst = Math.min(worst, trueCvar[c]);
    }
    this.behaviourCvar = RiskTopK.trueCvar(onPolicyReturns(mdp, behaviour, seed - 1), alpha,
        ScopeRlCompatibility.NONE);
    this.spread = best - worst;
    this.squaredError = new double[estimators.size()];
    this.rankCorrelation = new double[estimators.size()];
    this.sharpeSum = new double[estimators.size()][n];
    this.sharpeCount = new int[estimators.size()][n];
  }

  /** Scores every estimator on one log. */
  void add(InMemoryEpisodes log, int replications) {
    DistributionResult result;
    try {
      result = DistributionEvaluator.evaluate(EpisodeReturns.collect(log.open(), gamma, false, 0), config);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex); // held in memory: never thrown
    }
    List<String> names = log.policies();
    int n = names.size();
    for (int j = 0; j < estimators.size(); j++) {
      double[] estimate = new double[n];
      double squares = 0;
      for (int c = 0; c < n; c++) {
        RiskSummary risk = result.get(names.get(c), estimators.get(j)).risk();
        // an undefined (self-normalised, all weights 0) CDF ranks last
        estimate[c] = risk == null ? Double.NEGATIVE_INFINITY : risk.cvar()[0];
        squares += risk == null ? 0 : (estimate[c] - trueCvar[c]) * (estimate[c] - trueCvar[c]) / n;
      }
      squaredError[j] += squares / (spread * spread) / replications;
      rankCorrelation[j] += SelectionMetrics.spearman(trueCvar, estimate) / replications;
      TopKCurve curve = RiskTopK.curve(trueCvar, estimate, behaviourCvar, n, TieBreak.FIRST_LISTED,
          ScopeRlCompatibility.NONE);
      EnvironmentStudy.addDefined(curve.sharpeRatio(), sharpeSum[j], sharpeCount[j]);
    }
  }

  /** The means over the replications. */
  List<EnvironmentStudy.RiskScore> finish() {
    List<EnvironmentStudy.RiskScore> scores = new ArrayList<>();
    for (int j = 0; j < estimators.size(); j++) {
      scores.add(new EnvironmentStudy.RiskScore(estimators.get(j).id(), config.cvarAlphas()[0],
          squaredError[j], rankCorrelation[j], EnvironmentStudy.means(sharpeSum[j], sharpeCount[j])));
    }
    return scores;
  }

  double[] trueCvar() {
    return trueCvar.clone();
  }

  double behaviourCvar() {
    return behaviourCvar;
  }

  private double[] onPolicyReturns(TabularMdp mdp, double[][] policy, long seed) {
    double[] returns = new double[TRUTH_EPISODES];
    double[] discount = {1.0};
    try {
      EpisodeCollector.collect(mdp, policy, TRUTH_EPISODES, seed,
          (episode, step, state, action, reward, pscore, done) -> {
            discount[0] = step == 0 ? 1.0 : discount[0] * gamma;
            returns[(int) episode] += discount[0] * reward;
          });
    } catch (IOException ex) {
      throw new UncheckedIOException(ex); // the sink writes to memory: never thrown
    }
    return returns;
  }
}
