package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.data.ColumnarLog;
import io.ope4j.estimator.Estimators;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Extreme but valid values: sums that leave the range of a double are computed at a smaller
 * binary scale, so scale-free results stay finite and equal those of the same log scaled down
 * by an exact power of two; a truly non-finite estimate is said in a warning.
 */
class OverflowTest {

  private static final int N = 5000;
  private static final String ESTIMATORS = "ipw,snipw,sndr";

  /**
   * A seeded log with one action and every pscore {@code pscore}: rewards uniform in {@code [0,
   * rewardScale)} (or of either sign), and pi in (0.05, 1] or, for signed rewards, pi in {@code
   * [0.5, 1) * pscore} (weights in [0.5, 1), so each weight times reward is a finite double).
   */
  private static ColumnarLog log(double pscore, double rewardScale, boolean signedRewards) {
    SplittableRandom random = new SplittableRandom(7);
    int[] action = new int[N];
    double[] reward = new double[N];
    double[] ps = new double[N];
    double[] pi = new double[N];
    double[] q = new double[N];
    double[] qExpected = new double[N];
    for (int i = 0; i < N; i++) {
      double r = random.nextDouble();
      reward[i] = rewardScale * (signedRewards && random.nextBoolean() ? -r : r);
      ps[i] = pscore;
      pi[i] = signedRewards ? 0.5 * (1 + random.nextDouble()) * pscore : 0.05 + 0.95 * random.nextDouble();
      // the model's sign follows the reward's, so that reward - model stays within a double
      q[i] = 0.25 * Math.copySign(rewardScale, reward[i]);
      qExpected[i] = 0.25 * rewardScale;
    }
    return ColumnarLog.builder(action, reward, ps).policy("p", pi, qExpected).modelAtLoggedAction(q)
        .nActions(1).build();
  }

  private static EvaluationResult evaluate(ColumnarLog log, int threads) throws IOException {
    return new Evaluator(EvaluationConfig.of(Estimators.parseList(ESTIMATORS)).withThreads(threads))
        .evaluate(log.source(700));
  }

  @Test
  void tinyPscoresGiveTheSelfNormalisedEstimatesAndEssOfTheLogWithWeightsDividedBy2To1000()
      throws IOException {
    // Every pscore is 2^-1022, so every weight is pi * 2^1022 (about 4.5e307 for pi = 1); with
    // pscore 2^-22 every weight is exactly 2^1000 times smaller, and every ratio is the same.
    EvaluationResult extreme = evaluate(log(Double.MIN_NORMAL, 1.0, false), 1);
    EvaluationResult reference = evaluate(log(Math.scalb(1.0, -22), 1.0, false), 1);
    for (String estimator : new String[] {"snipw", "sndr"}) {
      Estimate e = extreme.estimate("p", estimator);
      Estimate r = reference.estimate("p", estimator);
      assertThat(e.value()).isFinite().isEqualTo(r.value());
      assertThat(e.stderr()).isFinite().isEqualTo(r.stderr());
    }
    assertThat(extreme.estimate("p", "ipw").value())
        .isEqualTo(Math.scalb(reference.estimate("p", "ipw").value(), 1000));
    assertThat(extreme.diagnostics().get("p").effectiveSampleSize())
        .isFinite().isEqualTo(reference.diagnostics().get("p").effectiveSampleSize());
    assertThat(extreme.diagnostics().get("p").meanWeight())
        .isEqualTo(Math.scalb(reference.diagnostics().get("p").meanWeight(), 1000));
    assertThat(extreme.warnings()).anyMatch(w -> w.contains("estimator snipw on policy p")
        && w.contains("summed divided by an exact power of two"));
    assertThat(reference.warnings()).noneMatch(w -> w.contains("largest double"));
  }

  @Test
  void hugeRewardsWithModerateWeightsGiveTheEstimatesOfTheLogWithRewardsDividedBy2To1000()
      throws IOException {
    EvaluationResult extreme = evaluate(log(0.5, Double.MAX_VALUE, true), 1);
    EvaluationResult reference = evaluate(log(0.5, Math.scalb(Double.MAX_VALUE, -1000), true), 1);
    for (String estimator : ESTIMATORS.split(",")) {
      double value = extreme.estimate("p", estimator).value();
      assertThat(value).as(estimator).isFinite()
          .isEqualTo(Math.scalb(reference.estimate("p", estimator).value(), 1000));
      assertThat(extreme.estimate("p", estimator).stderr()).as(estimator)
          .isEqualTo(Math.scalb(reference.estimate("p", estimator).stderr(), 1000));
    }
  }

  @Test
  void resultsAreIdenticalForAnyThreadCount() throws IOException {
    for (ColumnarLog log : new ColumnarLog[] {log(Double.MIN_NORMAL, 1.0, false), log(0.5, Double.MAX_VALUE, true)}) {
      EvaluationResult one = evaluate(log, 1);
      assertThat(evaluate(log, 2)).isEqualTo(one);
      assertThat(evaluate(log, 3)).isEqualTo(one);
    }
  }

  @Test
  void anEstimateWhoseTermsAreNotFiniteIsSaidInAWarning() throws IOException {
    // weight 2^1022 (about 4.5e307) times reward 5: each IPW term exceeds the largest double
    double[] reward = new double[N];
    double[] pscore = new double[N];
    double[] pi = new double[N];
    Arrays.fill(reward, 5.0);
    Arrays.fill(pscore, Double.MIN_NORMAL);
    Arrays.fill(pi, 1.0);
    ColumnarLog log = ColumnarLog.builder(new int[N], reward, pscore).policy("p", pi).nActions(1).build();
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList("ipw")).withThreads(1))
        .evaluate(log.source());
    assertThat(Double.isFinite(result.estimate("p", "ipw").value())).isFalse();
    assertThat(result.warnings()).anyMatch(w -> w.contains("estimator ipw on policy p")
        && w.contains("not a finite double"));
  }

  @Test
  void bootstrapReplicatesOfTinyPscoresAreScaledLikeThePointEstimates() throws IOException {
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList(ESTIMATORS))
        .withInterval(io.ope4j.interval.IntervalMethod.BOOTSTRAP).withBootstrap(200, 11)
        .withoutIntervalFloors();
    EvaluationResult extreme = new Evaluator(config).evaluate(log(Double.MIN_NORMAL, 1.0, false).source(700));
    EvaluationResult reference = new Evaluator(config).evaluate(log(Math.scalb(1.0, -22), 1.0, false).source(700));
    for (String estimator : new String[] {"snipw", "sndr"}) {
      var e = extreme.estimate("p", estimator).interval();
      var r = reference.estimate("p", estimator).interval();
      assertThat(e.lower()).as(estimator).isFinite().isEqualTo(r.lower());
      assertThat(e.upper()).as(estimator).isFinite().isEqualTo(r.upper());
    }
    var ipw = extreme.estimate("p", "ipw").interval();
    var ipwReference = reference.estimate("p", "ipw").interval();
    assertThat(ipw.lower()).isEqualTo(Math.scalb(ipwReference.lower(), 1000));
    assertThat(ipw.upper()).isEqualTo(Math.scalb(ipwReference.upper(), 1000));
  }
}
