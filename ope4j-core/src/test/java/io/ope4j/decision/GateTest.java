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
import io.ope4j.interval.TermRange;
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

  /**
   * {@link #BANDIT}'s Gaussian rewards have no known range; this one holds every per-row ipw
   * difference of the rows these tests read (the gate refuses a row outside it, so a test would say).
   */
  private static final TermRange IPW_RANGE = new TermRange(-10_000, 10_000);

  private static GateRule rule(Estimator estimator, GateBound bound, double m) {
    return rule(estimator, bound, m, bound == GateBound.BERNSTEIN ? IPW_RANGE : null);
  }

  private static GateRule rule(Estimator estimator, GateBound bound, double m, TermRange range) {
    return new GateRule("base", m, 0.9, bound, estimator, SupportRule.DEFAULT, 200, 12345, range);
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
      Estimator estimator = bound == GateBound.BERNSTEIN ? Estimators.ipw() : Estimators.snipw();
      GateDecision one = decide(rule(estimator, bound, 0), 0, 70_000, 1);
      GateDecision three = decide(rule(estimator, bound, 0), 0, 70_000, 3);
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
    GateDecision decision = decide(rule(Estimators.ipw(), GateBound.BOOTSTRAP, 0, IPW_RANGE), 0, 20_000, 1);
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

  @Test
  void bernstein_withAStatedRange_isMaurerPontilsBoundByHand() {
    // Differences x_c - x_b = 1, 0, 0, 1: mean 1/2, sample variance 1/3, stated range [-1, 1] (width 2).
    // One side at alpha = 0.1: 1/2 -/+ (sqrt(2 (1/3) ln(2/0.1) / 4) + 7 * 2 ln(2/0.1) / (3 * 3)).
    PairedMoments m = new PairedMoments(0);
    m.addBlock(new double[][] {{1, 0, 1, 1}, {1, 1, 1, 1}, {0, 0, 1, 0}, {1, 1, 1, 1}}, 4);
    PairedDifference d = new PairedDifference(m, false, new TermRange(-1, 1));
    assertThat(d.lower(GateBound.BERNSTEIN, 0.1)).isCloseTo(-4.866631626884797, within(1e-12));
    assertThat(d.upper(GateBound.BERNSTEIN, 0.1)).isCloseTo(5.866631626884797, within(1e-12));
    // The observed range [0, 1] would give a narrower bound, which the stated one must not.
    PairedDifference wider = new PairedDifference(m, false, new TermRange(-2, 2));
    assertThat(wider.lower(GateBound.BERNSTEIN, 0.1)).isLessThan(d.lower(GateBound.BERNSTEIN, 0.1));
    assertThat(new PairedDifference(m, false, null).lower(GateBound.BERNSTEIN, 0.1)).isNaN();
  }

  @Test
  void bernstein_withoutAStatedRange_isRefused() {
    assertThatThrownBy(() -> rule(Estimators.ipw(), GateBound.BERNSTEIN, 0, null))
        .hasMessageContaining("known range").hasMessageContaining("--term-range");
    assertThatThrownBy(() -> rule(Estimators.snipw(), GateBound.T, 0, IPW_RANGE))
        .hasMessageContaining("ratio of means");
  }

  @Test
  void withoutAStatedRange_theRecordHasNoBernsteinBound() throws IOException {
    GateDecision decision = decide(rule(Estimators.ipw(), GateBound.T, 0), 0, 2000, 1);
    assertThat(decision.candidates()).allSatisfy(v -> assertThat(v.lowerBernstein()).isNaN());
    GateDecision stated = decide(rule(Estimators.ipw(), GateBound.T, 0, IPW_RANGE), 0, 2000, 1);
    assertThat(stated.candidates()).allSatisfy(v -> assertThat(v.lowerBernstein()).isFinite());
  }

  @Test
  void aRowOutsideTheStatedRange_isRefusedNamingTheFirstSuchRow() {
    GateRule narrow = rule(Estimators.ipw(), GateBound.BERNSTEIN, 0, new TermRange(-0.5, 0.5));
    String one = messageOf(() -> decide(narrow, 0, 70_000, 1));
    assertThat(one).matches("in-memory log row \\d+: the per-row difference of the ipw terms of '\\w+' and 'base' is"
        + " -?[0-9.E-]+, outside the stated term range \\[-0.5, 0.5\\] \\(--term-range\\)");
    // The first row, whatever the threads: the same message on 3 threads.
    assertThat(messageOf(() -> decide(narrow, 0, 70_000, 3))).isEqualTo(one);
  }

  private static String messageOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(io.ope4j.data.InvalidDataException.class);
    return thrown.getMessage();
  }
}
