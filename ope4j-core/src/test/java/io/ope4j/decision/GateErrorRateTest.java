package io.ope4j.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.data.BatchSource;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.synthetic.GroundTruth;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticBandit;
import io.ope4j.synthetic.SyntheticConfig;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The gate's error rates over seeded replications of logs with exact truth: replication r reads
 * rows {@code [r n, (r + 1) n)} of one synthetic bandit, whose logging policy is the baseline
 * (the usual case: the current policy logged the data). The rate of deploying a candidate whose
 * true improvement is at most the minimum must stay at most {@code 1 - confidence} for the whole
 * family of candidates (Holm); the power is compared with causalrl's rule, which deploys when the
 * candidate's own lower bound exceeds the baseline's point estimate plus the minimum. The counts
 * are printed for docs/gate.md.
 */
class GateErrorRateTest {

  private static final int REPLICATIONS = 200;
  /**
   * The bounds measured: not Bernstein, which needs a known range of the per-row differences, and
   * the bandit's Gaussian rewards have none (a range fitted to the rows would be the observed one).
   */
  private static final GateBound[] BOUNDS = {GateBound.T, GateBound.BOOTSTRAP};
  private static final int ROWS = 2000;
  private static final double CONFIDENCE = 0.9;
  private static final double ALPHA = 1 - CONFIDENCE;
  /** Two and a half binomial standard errors of a rate of alpha over the replications. */
  private static final double SLACK = 2.5 * Math.sqrt(ALPHA * (1 - ALPHA) / REPLICATIONS);

  private static SyntheticBandit bandit(PolicySpec... candidates) {
    PolicySpec[] all = new PolicySpec[candidates.length + 1];
    all[0] = PolicySpec.softmax("base", 1.0); // the logging policy's temperature: the baseline is the logger
    System.arraycopy(candidates, 0, all, 1, candidates.length);
    return SyntheticBandit.of(SyntheticConfig.defaults(7).withPolicies(all));
  }

  /** Deploy counts over the replications: [any candidate by the gate, any by causalrl's rule]. */
  private static int[] deployCounts(SyntheticBandit bandit, Estimator estimator, GateBound bound, double m)
      throws IOException {
    GateRule rule = new GateRule("base", m, CONFIDENCE, bound, estimator, SupportRule.DEFAULT, 200, 12345);
    int gate = 0;
    int causalrl = 0;
    for (int r = 0; r < REPLICATIONS; r++) {
      try (BatchSource source = bandit.source((long) r * ROWS, ROWS)) {
        if (new Gate(rule, 1).decide(source).verdict() == Verdict.DEPLOY) {
          gate++;
        }
      }
      if (causalrlDeploys(bandit, estimator, r, m)) {
        causalrl++;
      }
    }
    return new int[] {gate, causalrl};
  }

  /**
   * causalrl's rule: some candidate's one-sided lower bound at the confidence (its own t interval)
   * exceeds the baseline's point estimate plus the minimum; no pairing, no multiplicity control.
   */
  private static boolean causalrlDeploys(SyntheticBandit bandit, Estimator estimator, int r, double m)
      throws IOException {
    EvaluationConfig config = EvaluationConfig.of(List.of(estimator)).withInterval(IntervalMethod.T)
        .withLevel(2 * CONFIDENCE - 1).withoutIntervalFloors(); // two-sided at 2c - 1: one-sided at c
    try (BatchSource source = bandit.source((long) r * ROWS, ROWS)) {
      EvaluationResult result = new Evaluator(config).evaluate(source);
      double baseline = result.estimates().get(0).value();
      for (Estimate e : result.estimates().subList(1, result.estimates().size())) {
        if (e.interval().lower() > baseline + m) {
          return true;
        }
      }
      return false;
    }
  }

  private static void print(String scenario, Estimator estimator, GateBound bound, int[] counts) {
    System.out.printf(Locale.ROOT, "gate-error-rates | %s | %s | %s | %d/%d | %d/%d%n", scenario, estimator.spec(),
        bound.id(), counts[0], REPLICATIONS, counts[1], REPLICATIONS);
  }

  @Test
  void oneCandidateAtTheMargin_isDeployedAtMostAlphaOfTheTime() throws IOException {
    SyntheticBandit bandit = bandit(PolicySpec.softmax("t09", 0.9));
    GroundTruth truth = bandit.truth();
    double margin = truth.value("t09") - truth.value("base"); // the null at its boundary: the least favourable case
    for (Estimator estimator : List.of(Estimators.ipw(), Estimators.snipw(), Estimators.dr())) {
      for (GateBound bound : BOUNDS) {
        int[] counts = deployCounts(bandit, estimator, bound, margin);
        print("k=1, true improvement = minimum", estimator, bound, counts);
        assertThat(counts[0] / (double) REPLICATIONS).as(estimator.spec() + " " + bound).isLessThanOrEqualTo(ALPHA + SLACK);
      }
    }
  }

  @Test
  void threeCandidatesNoneGoodEnough_familyErrorAtMostAlpha() throws IOException {
    SyntheticBandit bandit = bandit(PolicySpec.softmax("t09", 0.9), PolicySpec.softmax("t08", 0.8),
        PolicySpec.softmax("t07", 0.7));
    GroundTruth truth = bandit.truth();
    double margin = truth.value("t07") - truth.value("base"); // the best candidate sits at the minimum
    for (GateBound bound : BOUNDS) {
      int[] counts = deployCounts(bandit, Estimators.ipw(), bound, margin);
      print("k=3, best true improvement = minimum", Estimators.ipw(), bound, counts);
      assertThat(counts[0] / (double) REPLICATIONS).as(bound.id()).isLessThanOrEqualTo(ALPHA + SLACK);
    }
  }

  @Test
  void aCandidateTrulyBetter_isDeployedOftenAndPowerIsReported() throws IOException {
    SyntheticBandit bandit = bandit(PolicySpec.softmax("t097", 0.97));
    for (Estimator estimator : List.of(Estimators.ipw(), Estimators.snipw(), Estimators.dr())) {
      for (GateBound bound : BOUNDS) {
        int[] counts = deployCounts(bandit, estimator, bound, 0.0);
        print("k=1, true improvement " + String.format(Locale.ROOT, "%.4f", bandit.truth().value("t097")
            - bandit.truth().value("base")) + ", minimum 0", estimator, bound, counts);
        if (bound == GateBound.T) {
          assertThat(counts[0]).as(estimator.spec()).isGreaterThan(REPLICATIONS / 4);
        }
      }
    }
  }
}
