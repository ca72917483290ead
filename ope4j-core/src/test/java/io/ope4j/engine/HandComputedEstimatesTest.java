package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.ColumnarLog;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.estimator.Estimators;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four rounds worked by hand. Weights w = pi / pscore = [2, 2, 0, 0.5]; rewards [1, 0, 1, 2];
 * model at the logged action [0.5, 0.2, 0.4, 1.0]; model value under the policy [0.6, 0.3, 0.5,
 * 1.5].
 */
class HandComputedEstimatesTest {

  private static final double EXACT = 1e-15;
  private static EvaluationResult result;

  @BeforeAll
  static void evaluate() throws IOException {
    ColumnarLog log = ColumnarLog.builder(
            new int[] {0, 1, 2, 1}, new double[] {1, 0, 1, 2}, new double[] {0.5, 0.25, 0.5, 1.0})
        .policy("p", new double[] {1.0, 0.5, 0.0, 0.5}, new double[] {0.6, 0.3, 0.5, 1.5})
        .modelAtLoggedAction(new double[] {0.5, 0.2, 0.4, 1.0})
        .build();
    String specs = "dm,ipw,snipw,dr,sndr,ipw:clip=1,switch-dr:lambda=1,dr-os:lambda=1,ipw-sg:lambda=0.5,"
        + "dr-sg:lambda=0.5,dr:clip=1,switch-dr:lambda=2,dr-os:lambda=0,dr-os:lambda=inf,ipw-sg:lambda=0";
    result = new Evaluator(EvaluationConfig.of(Estimators.parseList(specs))).evaluate(log.source());
  }

  private static double value(String spec) {
    return result.estimate("p", spec).value();
  }

  @Test
  void plainEstimators() {
    assertThat(value("dm")).isCloseTo(2.9 / 4, within(EXACT));
    assertThat(value("ipw")).isCloseTo(3.0 / 4, within(EXACT));
    assertThat(value("dr")).isCloseTo((1.6 - 0.1 + 0.5 + 2.0) / 4, within(EXACT));
  }

  @Test
  void selfNormalisedEstimatorsDivideBySumOfWeights() {
    assertThat(value("snipw")).isCloseTo(3.0 / 4.5, within(EXACT));
    assertThat(value("sndr")).isCloseTo(2.9 / 4 + 1.1 / 4.5, within(EXACT));
  }

  @Test
  void clippingCapsWeightsAndCountsTheRows() {
    // w' = [1, 1, 0, 0.5]
    assertThat(value("ipw:clip=1")).isCloseTo(2.0 / 4, within(EXACT));
    assertThat(result.estimate("p", "ipw:clip=1").alteredRows()).isEqualTo(2);
    assertThat(value("dr:clip=1")).isCloseTo((1.1 + 0.1 + 0.5 + 2.0) / 4, within(EXACT));
    assertThat(result.estimate("p", "ipw").alteredRows()).isZero();
  }

  @Test
  void switchDrKeepsCorrectionsUpToLambdaInclusive() {
    assertThat(value("switch-dr:lambda=1")).isCloseTo((0.6 + 0.3 + 0.5 + 2.0) / 4, within(EXACT));
    assertThat(result.estimate("p", "switch-dr:lambda=1").alteredRows()).isEqualTo(2);
    // w = 2 equals lambda: kept (OBP's test is <=), so Switch-DR equals DR here.
    assertThat(value("switch-dr:lambda=2")).isCloseTo(value("dr"), within(EXACT));
  }

  @Test
  void shrinkageWeights() {
    // DRos(1): w / (w^2 + 1) = [0.4, 0.4, 0, 0.4]
    assertThat(value("dr-os:lambda=1")).isCloseTo((0.8 + 0.22 + 0.5 + 1.9) / 4, within(EXACT));
    assertThat(value("dr-os:lambda=0")).isCloseTo(value("dm"), within(EXACT));
    assertThat(value("dr-os:lambda=inf")).isCloseTo(value("dr"), within(EXACT));
    // SG(0.5): w / (0.5 + 0.5 w) = [4/3, 4/3, 0, 2/3]
    assertThat(value("ipw-sg:lambda=0.5")).isCloseTo(2.0 / 3, within(EXACT));
    assertThat(value("dr-sg:lambda=0.5"))
        .isCloseTo((0.6 + 2.0 / 3 + 0.3 - 0.8 / 3 + 0.5 + 1.5 + 2.0 / 3) / 4, within(EXACT));
    assertThat(value("ipw-sg:lambda=0")).isCloseTo(value("ipw"), within(EXACT));
  }

  @Test
  void standardErrorOfAPlainEstimatorIsSampleSdOverRootN() {
    // IPW terms [2, 0, 0, 1]: sample variance 2.75 / 3.
    assertThat(result.estimate("p", "ipw").stderr()).isCloseTo(Math.sqrt(2.75 / 3 / 4), within(EXACT));
  }

  @Test
  void standardErrorOfSnipwIsTheDeltaMethod() {
    // Influence terms (w r - R w) / mean(w), R = 2/3, mean(w) = 1.125.
    double ratio = 2.0 / 3;
    double[] w = {2, 2, 0, 0.5};
    double[] r = {1, 0, 1, 2};
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < 4; i++) {
      double influence = (w[i] * r[i] - ratio * w[i]) / 1.125;
      sum += influence;
      sumSquares += influence * influence;
    }
    double variance = (sumSquares - sum * sum / 4) / 3;
    assertThat(result.estimate("p", "snipw").stderr()).isCloseTo(Math.sqrt(variance / 4), within(1e-14));
  }

  @Test
  void weightDiagnostics() {
    WeightDiagnostics weights = result.diagnostics().get("p");
    assertThat(weights.rows()).isEqualTo(4);
    assertThat(weights.effectiveSampleSize()).isCloseTo(4.5 * 4.5 / 8.25, within(EXACT));
    assertThat(weights.meanWeight()).isCloseTo(1.125, within(EXACT));
    assertThat(weights.minWeight()).isZero();
    assertThat(weights.maxWeight()).isEqualTo(2.0);
    assertThat(weights.zeroProbabilityShare()).isEqualTo(0.25);
    // Ranks: 0, 0.5, 2, 2. The median (rank 2) is 0.5 to the histogram's resolution.
    assertThat(weights.weightQuantiles()[3]).isCloseTo(0.5, within(0.5 * 0.008));
    assertThat(weights.weightQuantiles()[0]).isZero();
    assertThat(weights.weightQuantiles()[6]).isEqualTo(2.0);
  }

  @Test
  void estimatorsNeedingAModelRefuseALogWithout() {
    ColumnarLog log = ColumnarLog.builder(new int[] {0, 1}, new double[] {1, 0}, new double[] {0.5, 0.5})
        .policy("p", new double[] {1, 0})
        .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Evaluator(EvaluationConfig.of(Estimators.parseList("dr"))).evaluate(log.source()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dr needs reward-model columns");
  }
}
