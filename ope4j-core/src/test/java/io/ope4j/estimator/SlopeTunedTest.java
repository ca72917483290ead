package io.ope4j.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlopeTunedTest {

  private static final SlopeTuned TUNED =
      (SlopeTuned) Estimators.parse("dr-os:lambda=slope:lambdas=1|10|100:delta=0.1");

  @Test
  void candidatesFollowObpsOrder() {
    assertThat(TUNED.candidates()).extracting(Estimator::spec)
        .containsExactly("dr-os:lambda=1", "dr-os:lambda=10", "dr-os:lambda=100");
    assertThat(Estimators.parse("switch-dr:lambda=slope:lambdas=5|inf|50").candidates())
        .extracting(Estimator::spec)
        .containsExactly("switch-dr:lambda=inf", "switch-dr:lambda=50", "switch-dr:lambda=5");
    assertThat(TUNED.spec()).isEqualTo("dr-os:lambda=slope:lambdas=1|10|100:delta=0.1");
  }

  /** Issue 17: OBP 0.5.5's tuners all default to delta 0.1 (its 0.05 is only in docstrings). */
  @Test
  void everyTunedFamilyDefaultsToObpsDelta() {
    for (String id : new String[] {"switch-dr", "dr-os", "ipw-sg", "dr-sg"}) {
      SlopeTuned tuned = (SlopeTuned) Estimators.parse(id + ":lambda=slope");
      assertThat(tuned.delta()).as(id).isEqualTo(0.1);
      // the default is not written back, and 0.1 written out parses to the same estimator
      assertThat(tuned.spec()).isEqualTo(id + ":lambda=slope");
      assertThat(Estimators.parse(id + ":lambda=slope:delta=0.1").candidates())
          .isEqualTo(tuned.candidates());
    }
  }

  /** Issue 17: one candidate is accepted, as OBP does, and is always the choice. */
  @Test
  void aSingleCandidateIsTheChoice() {
    Estimator tuned = Estimators.parse("dr-os:lambda=slope:lambdas=3");
    assertThat(tuned.candidates()).extracting(Estimator::spec).containsExactly("dr-os:lambda=3");
    assertThat(tuned.choose(new double[] {0.7}, new double[] {0.2}, 10)).isZero();
    assertThat(tuned.spec()).isEqualTo("dr-os:lambda=slope:lambdas=3");
    assertThat(Estimators.parse(tuned.spec())).isEqualTo(tuned);
  }

  @Test
  void acceptsWhileIntervalsOverlapThenStopsAtTheFirstFailure() {
    // With n huge the t quantile is z(0.9) = 1.2816; widths 1.2816 * stderr.
    long rows = 1_000_000_000L;
    double z = 1.2815515655446004;
    // Visit order by decreasing width: 2 (se 1), 1 (se 0.5), 0 (se 0.1).
    double[] stderrs = {0.1, 0.5, 1.0};
    // 1 vs 2: |0.5 - 0| <= 0.5z + 1.449 z  -> accepted; 0 vs 2 and 0 vs 1: far -> stop, report 1.
    assertThat(TUNED.choose(new double[] {3.0, 0.5, 0.0}, stderrs, rows)).isEqualTo(1);
    // Everything consistent: the last visited, the narrowest, wins.
    assertThat(TUNED.choose(new double[] {0.0, 0.0, 0.0}, stderrs, rows)).isEqualTo(0);
    // The second visited already fails: report the first (widest).
    double gap = 0.5 * z + (Math.sqrt(6) - 1) * z + 1e-6;
    assertThat(TUNED.choose(new double[] {0.0, gap, 0.0}, stderrs, rows)).isEqualTo(2);
  }

  @Test
  void tuningOptionsNeedSlope() {
    assertThatThrownBy(() -> Estimators.parse("dr-os:lambda=5:lambdas=1|2"))
        .hasMessageContaining("lambdas is used only with lambda=slope");
    assertThatThrownBy(() -> Estimators.parse("ipw-sg:lambda=slope:lambdas=0.1|2"))
        .hasMessageContaining("every lambda must be in [0, 1]");
    assertThatThrownBy(() -> Estimators.parse("dr-os:lambda=slope:lambdas=3|"))
        .hasMessageContaining("lambdas must be a number, got ''");
    assertThatThrownBy(() -> Estimators.parse("dr-os:lambda=slope:delta=0"))
        .hasMessageContaining("delta must be in (0, 1), got 0");
    assertThatThrownBy(() -> Estimators.parse("ipw:clip=0"))
        .hasMessageContaining("clip must be > 0, got 0");
    assertThatThrownBy(() -> Estimators.parse("dr-os:lambda=slope:delta=2"))
        .hasMessageContaining("delta must be in (0, 1)");
  }

  @Test
  void specParsesBackToAnEqualEstimator() {
    assertThat(Estimators.parse(TUNED.spec())).isEqualTo(TUNED);
  }
}
