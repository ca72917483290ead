package io.ope4j.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.ColumnarLog;
import io.ope4j.estimator.Estimators;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.selection.TieBreak;
import io.ope4j.synthetic.GroundTruth;
import io.ope4j.synthetic.SyntheticConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssessmentRunnerTest {

  /**
   * Two one-row logs with pscore 1, so that IPW's estimate is {@code pi * reward}, chosen to make
   * the summary computable by hand. Truth: a = 1, b = 2, behaviour 1.5.
   */
  private static final class HandLogs implements LogFactory {
    private final double[] reward = {2, 1};
    private final double[] piA = {0.75, 0.5};
    private final double[] piB = {1, 1};
    private final KnownValues truth = KnownValues.of(List.of("a", "b"), new double[] {1, 2}, 1.5);

    @Override
    public List<String> candidates() {
      return truth.candidates();
    }

    @Override
    public LogWithTruth replicate(int r) {
      ColumnarLog log = ColumnarLog.builder(new int[] {0}, new double[] {reward[r]}, new double[] {1})
          .policy("a", new double[] {piA[r]})
          .policy("b", new double[] {piB[r]})
          .build();
      return new LogWithTruth(log.source(), truth);
    }

    @Override
    public String describe() {
      return "hand-made";
    }
  }

  @Test
  void summary_handComputed() throws IOException {
    // Estimates: replication 0 a = 1.5, b = 2; replication 1 a = 0.5, b = 1.
    // Errors: a +0.5, -0.5 (bias 0, variance 0.25); b 0, -1 (bias -0.5, variance 0.25).
    AssessmentRunner runner = new AssessmentRunner(Estimators.parseList("ipw"), 2, 1, TieBreak.FIRST_LISTED,
        ScopeRlCompatibility.NONE);
    EstimatorSummary summary = runner.run(new HandLogs(), done -> {}).get(0);
    assertThat(summary.estimator()).isEqualTo("ipw");
    assertThat(summary.replications()).isEqualTo(2);
    assertThat(summary.squaredBias()).isEqualTo(0.125);
    assertThat(summary.variance()).isEqualTo(0.25);
    assertThat(summary.meanSquaredError()).isEqualTo(0.375);
    // Relative errors 0.5, 0.5 (a) and 0, 0.5 (b): sorted 0, 0.5, 0.5, 0.5.
    assertThat(summary.relativeErrorMean()).isEqualTo(0.375);
    // The 10% quantile interpolates at h = (4 - 1) * 0.1 between 0 and 0.5, as numpy does.
    assertThat(summary.relativeErrorQuantiles()).containsExactly(0.5 * (3 * 0.1), 0.5, 0.5);
    assertThat(summary.rankCorrelation()).isEqualTo(1.0);
    assertThat(summary.kendallTau()).isEqualTo(1.0);
    assertThat(summary.regret()).containsExactly(0, 0);
    // Both replications rank b (worth 2) over a (worth 1): std@2 = 0.5, SharpeRatio@2 = 0.5 / 0.5.
    assertThat(summary.best()).containsExactly(2, 2);
    assertThat(summary.std()).containsExactly(0, 0.5);
    assertThat(summary.sharpeRatio()).containsExactly(Double.NaN, 1.0);
  }

  @Test
  void results_doNotDependOnTheThreadCount() throws IOException {
    SyntheticLogFactory factory = SyntheticLogFactory.of(SyntheticConfig.defaults(11), 300);
    List<EstimatorSummary> one = runner(1, 40).run(factory, done -> {});
    List<EstimatorSummary> two = runner(2, 40).run(factory, done -> {});
    List<EstimatorSummary> five = runner(5, 40).run(factory, done -> {});
    assertThat(two).isEqualTo(one);
    assertThat(five).isEqualTo(one);
  }

  @Test
  void progress_countsReplicationsInOrder() throws IOException {
    List<Integer> seen = new ArrayList<>();
    runner(2, 6).run(SyntheticLogFactory.of(SyntheticConfig.defaults(3), 100), seen::add);
    assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void meanSquaredError_isSquaredBiasPlusVariance() throws IOException {
    for (EstimatorSummary summary : runner(2, 30).run(SyntheticLogFactory.of(SyntheticConfig.defaults(5), 500), d -> {})) {
      assertThat(summary.meanSquaredError()).as(summary.estimator())
          .isCloseTo(summary.squaredBias() + summary.variance(), within(1e-12 * summary.meanSquaredError()));
    }
  }

  @Test
  void ipwIsUnbiasedAndDmCarriesTheModelsBias() throws IOException {
    // 400 logs of 1,000 rows from seed 2024. An unbiased estimator's squared bias estimate is
    // about variance / R (a chi-square with one degree of freedom per candidate, averaged over
    // four): 6 times that is beyond its 99.9% quantile. DM centres on the model's values V_q.
    SyntheticConfig config = SyntheticConfig.defaults(2024);
    SyntheticLogFactory factory = SyntheticLogFactory.of(config, 1_000);
    int replications = 400;
    List<EstimatorSummary> summaries = runner(2, replications).run(factory, d -> {});
    EstimatorSummary dm = summaries.get(0);
    EstimatorSummary ipw = summaries.get(1);
    assertThat(ipw.squaredBias()).isLessThan(6 * ipw.variance() / replications);
    GroundTruth truth = io.ope4j.synthetic.SyntheticBandit.of(config).truth();
    double modelBias = 0;
    for (int p = 0; p < truth.policyCount(); p++) {
      double bias = truth.modelValue(p) - truth.value(p);
      modelBias += bias * bias / truth.policyCount();
    }
    assertThat(dm.squaredBias()).isCloseTo(modelBias, within(modelBias * 0.05 + 6 * dm.variance() / replications));
    assertThat(dm.variance()).isLessThan(ipw.variance());
    assertThat(ipw.rankCorrelation()).isBetween(-1.0, 1.0);
    assertThat(ipw.regretAt(4)).isZero(); // all four candidates chosen: the best is among them
  }

  @Test
  void nanEstimate_isReportedWithItsReplicationAndEstimator() {
    LogFactory zeroPolicy = new LogFactory() {
      @Override
      public List<String> candidates() {
        return List.of("a", "b");
      }

      @Override
      public LogWithTruth replicate(int r) {
        ColumnarLog log = ColumnarLog.builder(new int[] {0, 1}, new double[] {1, 0}, new double[] {0.5, 0.5})
            .policy("a", new double[] {1, 0})
            .policy("b", new double[] {0, 0})
            .build();
        return new LogWithTruth(log.source(), KnownValues.of(candidates(), new double[] {1, 0.5}, 0.7));
      }

      @Override
      public String describe() {
        return "b never takes a logged action";
      }
    };
    AssessmentRunner runner = new AssessmentRunner(Estimators.parseList("snipw"), 2, 1, TieBreak.FIRST_LISTED,
        ScopeRlCompatibility.NONE);
    assertThatThrownBy(() -> runner.run(zeroPolicy, d -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("replication 0, estimator snipw: the estimate of candidate b is NaN");
  }

  @Test
  void badSettings_areRejected() {
    assertThatThrownBy(() -> runner(1, 1)).hasMessage("replications must be at least 2, got 1");
    assertThatThrownBy(() -> runner(0, 5)).hasMessage("threads must be at least 1, got 0");
    assertThatThrownBy(() -> SyntheticLogFactory.of(SyntheticConfig.defaults(), 0))
        .hasMessage("rows per log must be at least 1, got 0");
  }

  @Test
  void syntheticReplications_areDisjointSlicesOfOneLog() throws IOException {
    SyntheticLogFactory factory = SyntheticLogFactory.of(SyntheticConfig.defaults(9), 50);
    io.ope4j.data.BanditBatch batch = new io.ope4j.data.BanditBatch(factory.replicate(0).source().layout(), 100);
    try (var source = factory.replicate(3).source()) {
      assertThat(source.next(batch)).isTrue();
    }
    assertThat(batch.firstRow()).isEqualTo(150);
    assertThat(batch.size()).isEqualTo(50);
    assertThat(factory.truth().behaviourValue()).isEqualTo(factory.truth().safetyThreshold());
  }

  private static AssessmentRunner runner(int threads, int replications) {
    return new AssessmentRunner(Estimators.parseList("dm,ipw,snipw,dr"), replications, threads,
        TieBreak.FIRST_LISTED, ScopeRlCompatibility.NONE);
  }
}
