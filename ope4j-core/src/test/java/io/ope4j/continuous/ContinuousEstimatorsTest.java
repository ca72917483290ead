package io.ope4j.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContinuousEstimatorsTest {

  @Test
  void specsParseBackToTheSameEstimator() {
    for (String spec : new String[] {"kernel-ipw:kernel=gaussian:bandwidth=0.1", "kernel-snipw:kernel=cosine:bandwidth=2",
        "kernel-dr:kernel=triangular:bandwidth=0.25:compat=obp", "kernel-ipw",
        "kernel-dr:kernel=epanechnikov:bandwidth=slope:bandwidths=0.1|0.5:delta=0.2"}) {
      ContinuousEstimator parsed = ContinuousEstimators.parse(spec);
      assertThat(parsed.spec()).isEqualTo(spec);
      assertThat(ContinuousEstimators.parse(parsed.spec())).isEqualTo(parsed);
    }
    assertThat(ContinuousEstimators.parse("KERNEL-IPW:bandwidth=0.5").spec())
        .isEqualTo("kernel-ipw:kernel=gaussian:bandwidth=0.5");
    assertThat(ContinuousEstimators.kernelDr(Kernel.COSINE, 1).spec()).isEqualTo("kernel-dr:kernel=cosine:bandwidth=1");
  }

  @Test
  void slopeRunsOneCandidatePerBandwidthInIncreasingOrder() {
    ContinuousEstimator tuned = ContinuousEstimators.parse("kernel-ipw:bandwidth=slope:bandwidths=1|0.1|0.5");
    assertThat(tuned.candidates()).extracting(ContinuousEstimator::spec).containsExactly(
        "kernel-ipw:kernel=gaussian:bandwidth=0.1", "kernel-ipw:kernel=gaussian:bandwidth=0.5",
        "kernel-ipw:kernel=gaussian:bandwidth=1");
    assertThat(ContinuousEstimators.parse("kernel-ipw:bandwidth=slope").candidates()).hasSize(8);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
      "kernel-ips:bandwidth=1 # unknown continuous-action estimator id 'kernel-ips'; known: kernel-ipw, kernel-snipw, kernel-dr",
      "kernel-ipw:kernel=box:bandwidth=1 # unknown kernel 'box'; known: gaussian, epanechnikov, triangular, cosine",
      "kernel-ipw:bandwidth=0 # every bandwidth must be finite and > 0, got 0",
      "kernel-ipw:bandwidth=inf # every bandwidth must be finite and > 0, got inf",
      "kernel-ipw:bandwidth=abc # bandwidth must be a number, got 'abc'",
      "kernel-ipw:kernel=cosine # needs bandwidth=H (H > 0) or bandwidth=slope",
      "kernel-ipw:bandwidth=0.1:delta=0.2 # delta is used only with bandwidth=slope",
      "kernel-ipw:bandwidth=slope:delta=1 # delta must be in (0, 1), got 1",
      "kernel-ipw:bandwidth=slope:bandwidths=0.1|0.1 # bandwidth 0.1 is listed twice",
      "kernel-ipw:bandwidth=1:compat=obp # compat is for kernel-dr only",
      "kernel-dr:bandwidth=1:compat=vw # compat must be none or obp, got 'vw'",
      "kernel-dr:bandwidth=1:clip=5 # unknown hyperparameter 'clip' for kernel-dr"})
  void badSpecsAreUsageErrorsNamingTheSpec(String spec, String problem) {
    assertThatThrownBy(() -> ContinuousEstimators.parse(spec)).isInstanceOf(UsageException.class)
        .hasMessage("estimator '" + spec + "': " + problem);
  }

  @Test
  void aListRefusesTheSameEstimatorTwice() {
    assertThatThrownBy(() -> ContinuousEstimators.parseList("kernel-ipw:bandwidth=1,kernel-ipw:kernel=gaussian:bandwidth=1"))
        .isInstanceOf(UsageException.class).hasMessageContaining("listed twice");
  }
}
