package io.ope4j.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.BatchSource;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticBandit;
import io.ope4j.synthetic.SyntheticConfig;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {

  private static final SyntheticBandit BANDIT = SyntheticBandit.of(SyntheticConfig.defaults(7).withPolicies(
      PolicySpec.softmax("base", 1.0), PolicySpec.softmax("warm", 0.5), PolicySpec.epsilonGreedy("explore", 0.3),
      PolicySpec.uniform("uniform")));

  private static GateRule rule(Estimator estimator, GateBound bound, double m) {
    return new GateRule("base", m, 0.9, bound, estimator, SupportRule.DEFAULT, 200, 12345);
  }

  private static GateDecision decide(GateRule rule, long firstRow, long rows, int threads) throws IOException {
    try (BatchSource source = BANDIT.source(firstRow, rows)) {
      return new Gate(rule, threads).decide(source);
    }
  }

  private static Estimate estimate(Estimator estimator, String policy, long rows) throws IOException {
    try (BatchSource source = BANDIT.source(0, rows)) {
      EvaluationResult result = new Evaluator(EvaluationConfig.of(List.of(estimator))).evaluate(source);
      return result.estimates().stream().filter(e -> e.policy().equals(policy)).findFirst().orElseThrow();
    }
  }

  @Test
  void pairedDifference_equalsTheDifferenceOfTheEstimates() throws IOException {
    for (Estimator estimator : List.of(Estimators.ipw(), Estimators.snipw(), Estimators.dr())) {
      GateDecision decision = decide(rule(estimator, GateBound.T, 0), 0, 5000, 1);
      for (CandidateVerdict v : decision.candidates()) {
        double expected = estimate(estimator, v.policy(), 5000).value() - estimate(estimator, "base", 5000).value();
        assertThat(v.difference().value()).as(estimator.spec() + " " + v.policy()).isCloseTo(expected, within(1e-12));
        assertThat(v.difference().candidateValue()).isCloseTo(estimate(estimator, v.policy(), 5000).value(),
            within(1e-12));
      }
    }
  }

  @Test
  void pairedStandardError_isTheStandardErrorOfTheRowDifferences() throws IOException {
    // A plain estimator's difference is the mean of x_c - x_b, so its standard error is sd / sqrt(n)
    // of those differences; with the same policy on both sides it would be 0. Checked against the
    // separate standard errors: var(c - b) = var c + var b - 2 cov, below var c + var b when they agree.
    GateDecision decision = decide(rule(Estimators.ipw(), GateBound.T, 0), 0, 5000, 1);
    CandidateVerdict warm = decision.candidates().get(0);
    double separate = Math.hypot(estimate(Estimators.ipw(), "warm", 5000).stderr(),
        estimate(Estimators.ipw(), "base", 5000).stderr());
    assertThat(warm.difference().stderr()).isPositive().isLessThan(separate);
  }

  @Test
  void anyThreadCount_givesTheSameDecisionToTheBit() throws IOException {
    for (GateBound bound : GateBound.values()) {
      GateDecision one = decide(rule(Estimators.snipw(), bound, 0), 0, 70_000, 1);
      GateDecision three = decide(rule(Estimators.snipw(), bound, 0), 0, 70_000, 3);
      for (int j = 0; j < one.candidates().size(); j++) {
        CandidateVerdict a = one.candidates().get(j);
        CandidateVerdict b = three.candidates().get(j);
        assertThat(b.difference().value()).isEqualTo(a.difference().value());
        assertThat(b.lowerAtHolm()).isEqualTo(a.lowerAtHolm());
        assertThat(b.pValue()).isEqualTo(a.pValue());
        assertThat(b.verdict()).isEqualTo(a.verdict());
      }
    }
  }

  @Test
  void bounds_areOrderedAndTheConcentrationBoundIsWider() throws IOException {
    GateDecision decision = decide(rule(Estimators.ipw(), GateBound.BOOTSTRAP, 0), 0, 20_000, 1);
    for (CandidateVerdict v : decision.candidates()) {
      PairedDifference d = v.difference();
      assertThat(v.lowerT()).isLessThan(d.value());
      assertThat(v.lowerBootstrap()).isLessThan(d.value());
      assertThat(v.lowerBernstein()).isLessThan(v.lowerT());
      assertThat(d.lower(GateBound.T, 0.01)).isLessThan(d.lower(GateBound.T, 0.1));
      // The p-value is the level at which the lower bound meets the threshold.
      double p = d.pValue(GateBound.BERNSTEIN, v.lowerBernstein());
      assertThat(p).isCloseTo(0.1, within(1e-6));
    }
  }

  @Test
  void aBaselineMissingFromTheLog_isAUsageError() {
    GateRule rule = new GateRule("nobody", 0, 0.9, GateBound.T, Estimators.ipw(), SupportRule.DEFAULT, 10, 1);
    assertThatThrownBy(() -> decide(rule, 0, 100, 1)).hasMessageContaining("'nobody' is not among");
  }

  @Test
  void thinSupport_isRefusedWithItsReason() throws IOException {
    GateRule strict = new GateRule("base", 0, 0.9, GateBound.T, Estimators.ipw(),
        new SupportRule(1e9, 0.95, 4), 10, 1);
    GateDecision decision = decide(strict, 0, 1000, 1);
    assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(decision.candidates()).allSatisfy(v -> {
      assertThat(v.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(v.reason()).contains("effective sample size");
    });
  }

  @Test
  void tunedOrModelledSelfNormalisedEstimators_areRefused() {
    assertThatThrownBy(() -> rule(Estimators.switchDrSlope(), GateBound.T, 0)).hasMessageContaining("tuned");
    assertThatThrownBy(() -> rule(Estimators.sndr(), GateBound.T, 0)).hasMessageContaining("snipw");
    assertThatThrownBy(() -> rule(Estimators.ipw().clipped(20), GateBound.T, 0))
        .hasMessageContaining("bias of clipped").hasMessageContaining("ipw:clip=20");
    assertThatThrownBy(() -> rule(Estimators.parse("switch-dr:lambda=5"), GateBound.T, 0))
        .hasMessageContaining("bias of clipped");
  }
}
