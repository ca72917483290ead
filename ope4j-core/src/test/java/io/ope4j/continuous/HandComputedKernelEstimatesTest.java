package io.ope4j.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.InvalidDataException;
import io.ope4j.data.UsageException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Three rows worked by hand: every estimator and kernel form, exactly. */
class HandComputedKernelEstimatesTest {

  // u = (target - action) / h; with the triangular kernel and h = 1: u = 0, -1, 0.5, K = 1, 0, 0.5,
  // weights K / h / pscore = 2, 0, 0.25.
  private static final double[] ACTION = {0, 1, 0.5};
  private static final double[] REWARD = {1, 2, 4};
  private static final double[] PSCORE = {0.5, 0.25, 2};
  private static final double[] TARGET = {0, 0, 1};
  private static final double[] Q_TARGET = {1, 1, 1};
  private static final double[] Q_LOGGED = {0.5, 2, 3};

  private static ContinuousResult evaluate(ContinuousLog log, String specs) throws IOException {
    return new ContinuousEvaluator(ContinuousConfig.of(ContinuousEstimators.parseList(specs)).withThreads(1))
        .evaluate(log.source());
  }

  private static ContinuousLog log() {
    return ContinuousLog.deterministic(ACTION, REWARD, PSCORE, TARGET, Q_TARGET, Q_LOGGED);
  }

  @Test
  void triangularKernelWithUnitBandwidth() throws IOException {
    ContinuousResult result = evaluate(log(), "kernel-ipw:kernel=triangular:bandwidth=1,"
        + "kernel-snipw:kernel=triangular:bandwidth=1,kernel-dr:kernel=triangular:bandwidth=1,"
        + "kernel-dr:kernel=triangular:bandwidth=1:compat=obp");
    // mean(w r) = (2 + 0 + 1) / 3
    assertThat(result.estimates().get(0).value()).isEqualTo(1.0);
    // sum(w r) / sum(w) = 3 / 2.25
    assertThat(result.estimates().get(1).value()).isCloseTo(4.0 / 3, within(1e-15));
    // q(pi) + w (r - q(a)): 1 + 2 * 0.5, 1 + 0, 1 + 0.25 * 1
    assertThat(result.estimates().get(2).value()).isCloseTo(4.25 / 3, within(1e-15));
    // OBP: q(pi) + w (r - q(pi)): 1 + 0, 1 + 0, 1 + 0.25 * 3
    assertThat(result.estimates().get(3).value()).isEqualTo(1.25);
    assertThat(result.estimates().get(0).weights().maxWeight()).isEqualTo(2.0);
    assertThat(result.estimates().get(0).weights().zeroProbabilityShare()).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void epanechnikovKernelWithBandwidthTwo() throws IOException {
    // u = 0, -0.5, 0.25; K / h = 0.375, 0.28125, 0.3515625; w = 0.75, 1.125, 0.17578125
    ContinuousResult result = evaluate(log(), "kernel-ipw:kernel=epanechnikov:bandwidth=2");
    assertThat(result.estimates().get(0).value()).isEqualTo(3.703125 / 3);
  }

  @Test
  void gaussianAndCosineFollowTheirFormulas() throws IOException {
    ContinuousResult result = evaluate(log(), "kernel-ipw:kernel=gaussian:bandwidth=0.5,kernel-ipw:kernel=cosine:bandwidth=2");
    double gaussian = 0;
    double cosine = 0;
    for (int i = 0; i < 3; i++) {
      double u = (TARGET[i] - ACTION[i]) / 0.5;
      gaussian += Math.exp(-u * u / 2) / Math.sqrt(2 * Math.PI) / 0.5 / PSCORE[i] * REWARD[i];
      double c = (TARGET[i] - ACTION[i]) / 2;
      cosine += Math.PI / 4 * Math.cos(c * Math.PI / 2) / 2 / PSCORE[i] * REWARD[i];
    }
    assertThat(result.estimates().get(0).value()).isCloseTo(gaussian / 3, within(1e-15));
    assertThat(result.estimates().get(1).value()).isCloseTo(cosine / 3, within(1e-15));
  }

  @Test
  void noLoggedActionWithinTheKernel_givesAnUnboundedInterval() throws IOException {
    // Every target is 5 away from its logged action: every triangular weight is 0, so every term is 0.
    double[] far = {5, 6, 5.5};
    ContinuousResult result = evaluate(ContinuousLog.deterministic(ACTION, REWARD, PSCORE, far, null, null),
        "kernel-ipw:kernel=triangular:bandwidth=1");
    var estimate = result.estimates().get(0);
    assertThat(estimate.value()).isEqualTo(0.0);
    assertThat(estimate.interval().lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(estimate.interval().upper()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(result.warnings()).anyMatch(w -> w.contains("every per-round term is equal"));
  }

  @Test
  void compactKernelsAreZeroFromDistanceOneOn() {
    for (Kernel kernel : new Kernel[] {Kernel.EPANECHNIKOV, Kernel.TRIANGULAR, Kernel.COSINE}) {
      assertThat(kernel.at(1.0)).as(kernel.id()).isEqualTo(0.0);
      assertThat(kernel.at(-3.0)).as(kernel.id()).isEqualTo(0.0);
    }
  }

  @Test
  void givenPolicyDensityWeighsByTheDensityRatio() throws IOException {
    ContinuousLog log = ContinuousLog.withPolicyDensity(ACTION, REWARD, PSCORE, new double[] {1, 0.5, 0}, null, null);
    // w = 2, 2, 0
    assertThat(evaluate(log, "kernel-ipw").estimates().get(0).value()).isEqualTo(2.0);
    assertThat(evaluate(log, "kernel-snipw").estimates().get(0).value()).isEqualTo(1.5);
    assertThatThrownBy(() -> evaluate(log, "kernel-ipw:bandwidth=0.1")).isInstanceOf(UsageException.class)
        .hasMessageContaining("target_density");
  }

  @Test
  void aDeterministicPolicyNeedsABandwidthAndKernelDrItsModelColumns() {
    ContinuousLog noModel = ContinuousLog.deterministic(ACTION, REWARD, PSCORE, TARGET, Q_TARGET, null);
    assertThatThrownBy(() -> evaluate(noModel, "kernel-ipw")).isInstanceOf(UsageException.class)
        .hasMessageContaining("needs a kernel bandwidth");
    assertThatThrownBy(() -> evaluate(noModel, "kernel-dr:bandwidth=1")).isInstanceOf(UsageException.class)
        .hasMessageContaining("needs the q column");
  }

  @Test
  void badValuesAreRefusedWithRowAndColumn() {
    assertThatThrownBy(() -> ContinuousLog.deterministic(ACTION, REWARD, new double[] {0.5, 0, 1}, TARGET, null, null))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("ContinuousLog row 2, pscore: must be a finite density > 0, got 0.0");
    assertThatThrownBy(() -> ContinuousLog.deterministic(new double[] {0, Double.NaN, 1}, REWARD, PSCORE, TARGET,
        null, null)).hasMessage("ContinuousLog row 2, action: must be a finite number, got NaN");
  }
}
