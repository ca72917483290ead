package io.ope4j.assess;

import io.ope4j.environment.EpisodeCollector;
import io.ope4j.environment.TabularMdp;
import io.ope4j.environment.TabularPolicies;
import io.ope4j.selection.Ranking;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.selection.SelectionMetrics;
import io.ope4j.selection.TieBreak;
import io.ope4j.selection.TopKCurve;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimate;
import io.ope4j.sequential.SequentialEstimator;
import io.ope4j.sequential.SequentialEvaluator;
import io.ope4j.sequential.SequentialResult;
import io.ope4j.sequential.distribution.DistributionEstimator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SharpeRatio@k study (Kiyohara et al. 2023, §5) on ope4j's own environments: for each
 * {@link TabularVariant}, R seeded logs of n episodes of its behaviour policy; every trajectory
 * estimator estimates the ten candidates of {@link TabularVariant#candidatePolicies()} on each log,
 * and is judged against their exact values ({@link TabularMdp#value}) by SharpeRatio@k (k = 1..10,
 * the behaviour policy's value as the baseline), the normalised MSE, Spearman's rank correlation
 * and the normalised regret of its top choice; distribution estimators, optionally, by their
 * selection by CVaR ({@link CvarSelection}). The same seed gives the same numbers.
 */
public final class EnvironmentStudy {

  private EnvironmentStudy() {}

  /**
   * One estimator's scores in one environment, each a mean over the replications.
   *
   * @param nmse {@code mean (J-hat - J)^2 / (max J - min J)^2}: the MSE in units of the candidates'
   *     spread of true values
   * @param rankCorrelation Spearman's rho between true values and estimates
   * @param nRegret {@code (max J - J(top-1)) / (max J - min J)}
   * @param sharpeRatio SharpeRatio@k for k = 1..N (documented definitions; NaN where undefined in
   *     every replication, always at k = 1)
   * @param undefinedEstimates estimates that were NaN (ranked last, left out of the MSE)
   */
  public record EstimatorScore(String estimator, double nmse, double rankCorrelation,
      double nRegret, double[] sharpeRatio, long undefinedEstimates) {}

  /**
   * One distribution estimator's scores of its selection by CVaR in one environment, means over
   * the replications.
   *
   * @param alpha the CVaR level
   * @param nmse {@code mean (CVaR-hat - CVaR)^2 / (max CVaR - min CVaR)^2}
   * @param rankCorrelation Spearman's rho between true and estimated CVaRs
   * @param sharpeRatio SharpeRatio@k of the true CVaRs of its top k, the behaviour policy's true
   *     CVaR as the baseline, for k = 1..N
   */
  public record RiskScore(String estimator, double alpha, double nmse, double rankCorrelation,
      double[] sharpeRatio) {}

  /**
   * The study of one environment.
   *
   * @param trueValues the candidates' exact values, in the order of {@code candidates}
   * @param behaviourValue the behaviour policy's exact value (SharpeRatio@k's baseline)
   * @param trueCvar the candidates' true CVaRs (on-policy Monte Carlo), empty without risk
   *     estimators
   * @param behaviourCvar the behaviour policy's true CVaR, NaN without risk estimators
   */
  public record EnvironmentResult(TabularVariant variant, List<String> candidates,
      double[] trueValues, double behaviourValue, List<EstimatorScore> scores,
      double[] trueCvar, double behaviourCvar, List<RiskScore> riskScores) {}

  /**
   * Runs the study.
   *
   * @param episodes episodes per logged dataset
   * @param replications logged datasets per environment
   * @param progress told after each replication
   */
  public static List<EnvironmentResult> run(List<TabularVariant> variants,
      List<SequentialEstimator> estimators, int episodes, int replications, double gamma, long seed,
      Runnable progress) {
    return run(variants, estimators, List.of(), 0.1, episodes, replications, gamma, seed, progress);
  }

  /**
   * Runs the study, and with {@code riskEstimators} also their selection by CVaR({@code cvarAlpha})
   * ({@link RiskScore}).
   */
  public static List<EnvironmentResult> run(List<TabularVariant> variants,
      List<SequentialEstimator> estimators, List<DistributionEstimator> riskEstimators,
      double cvarAlpha, int episodes, int replications, double gamma, long seed, Runnable progress) {
    List<EnvironmentResult> results = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      results.add(runOne(variants.get(v), estimators, riskEstimators, cvarAlpha, episodes,
          replications, gamma, seed * 1_000_003L + v, progress));
    }
    return results;
  }

  private static EnvironmentResult runOne(TabularVariant variant,
      List<SequentialEstimator> estimators, List<DistributionEstimator> riskEstimators,
      double cvarAlpha, int episodes, int replications, double gamma, long seed,
      Runnable progress) {
    TabularMdp mdp = TabularMdp.random(variant.states(), variant.actions(), variant.horizon(), seed);
    double[][] scores = mdp.meanRewards();
    double[][] behaviour = TabularPolicies.parse(variant.behaviour(), scores);
    List<String> names = TabularVariant.candidatePolicies();
    double[][][] candidates = new double[names.size()][][];
    double[] truth = new double[names.size()];
    double best = Double.NEGATIVE_INFINITY;
    double worst = Double.POSITIVE_INFINITY;
    for (int c = 0; c < names.size(); c++) {
      candidates[c] = TabularPolicies.parse(names.get(c), scores);
      truth[c] = mdp.value(candidates[c], gamma);
      best = Math.max(best, truth[c]);
      worst = Math.min(worst, truth[c]);
    }
    double behaviourValue = mdp.value(behaviour, gamma);
    double spread = best - worst;
    int n = names.size();
    int e = estimators.size();
    double[] squaredError = new double[e];
    double[] rankCorrelation = new double[e];
    double[] regret = new double[e];
    double[][] sharpeSum = new double[e][n];
    int[][] sharpeCount = new int[e][n];
    long[] undefined = new long[e];
    SequentialConfig config = SequentialConfig.of(estimators, gamma);
    CvarSelection risk = riskEstimators.isEmpty() ? null : new CvarSelection(riskEstimators,
        cvarAlpha, gamma, mdp, behaviour, candidates, seed * 37 + 1);
    for (int r = 0; r < replications; r++) {
      InMemoryEpisodes log = collect(mdp, behaviour, candidates, names, episodes, seed * 31 + r + 1);
      if (risk != null) {
        risk.add(log, replications);
      }
      SequentialResult result;
      try {
        result = SequentialEvaluator.evaluate(log::open, config);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex); // held in memory: never thrown
      }
      for (int j = 0; j < e; j++) {
        double[] estimate = new double[n];
        double squares = 0;
        int finite = 0;
        for (int c = 0; c < n; c++) {
          SequentialEstimate one = result.get(names.get(c), estimators.get(j));
          estimate[c] = Double.isNaN(one.value()) ? Double.NEGATIVE_INFINITY : one.value();
          if (Double.isNaN(one.value())) {
            undefined[j]++;
          } else {
            squares += (one.value() - truth[c]) * (one.value() - truth[c]);
            finite++;
          }
        }
        squaredError[j] += squares / Math.max(finite, 1) / (spread * spread) / replications;
        rankCorrelation[j] += SelectionMetrics.spearman(truth, estimate) / replications;
        int[] ranking = Ranking.descending(estimate, TieBreak.FIRST_LISTED);
        regret[j] += SelectionMetrics.regret(truth, ranking, 1) / spread / replications;
        TopKCurve curve = TopKCurve.of(truth, ranking, behaviourValue, behaviourValue, n,
            ScopeRlCompatibility.NONE);
        addDefined(curve.sharpeRatio(), sharpeSum[j], sharpeCount[j]);
      }
      progress.run();
    }
    List<EstimatorScore> out = new ArrayList<>();
    for (int j = 0; j < e; j++) {
      out.add(new EstimatorScore(estimators.get(j).id(), squaredError[j], rankCorrelation[j],
          regret[j], means(sharpeSum[j], sharpeCount[j]), undefined[j]));
    }
    return new EnvironmentResult(variant, names, truth, behaviourValue, out,
        risk == null ? new double[0] : risk.trueCvar(), risk == null ? Double.NaN : risk.behaviourCvar(),
        risk == null ? List.of() : risk.finish());
  }

  /** Adds each defined (not NaN) SharpeRatio@k to its sum and count. */
  static void addDefined(double[] sharpeRatio, double[] sum, int[] count) {
    for (int k = 0; k < sharpeRatio.length; k++) {
      if (!Double.isNaN(sharpeRatio[k])) {
        sum[k] += sharpeRatio[k];
        count[k]++;
      }
    }
  }

  /** The mean of each k's defined values, NaN where none was. */
  static double[] means(double[] sum, int[] count) {
    double[] mean = new double[sum.length];
    for (int k = 0; k < sum.length; k++) {
      mean[k] = count[k] == 0 ? Double.NaN : sum[k] / count[k];
    }
    return mean;
  }

  private static InMemoryEpisodes collect(TabularMdp mdp, double[][] behaviour,
      double[][][] candidates, List<String> names, int episodes, long seed) {
    InMemoryEpisodes log = new InMemoryEpisodes(names);
    double[] pi = new double[candidates.length];
    try {
      EpisodeCollector.collect(mdp, behaviour, episodes, seed,
          (episode, step, state, action, reward, pscore, done) -> {
            for (int c = 0; c < candidates.length; c++) {
              pi[c] = candidates[c][state][action];
            }
            log.add(step == 0, reward, pscore, pi);
          });
    } catch (IOException ex) {
      throw new UncheckedIOException(ex); // the sink writes to memory: never thrown
    }
    return log;
  }
}
