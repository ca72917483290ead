package io.ope4j.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.EmbeddingTable;
import io.ope4j.data.UsageException;
import org.junit.jupiter.api.Test;

/** SLOPE's choice of embedding dimensions on given estimates, and the MIPS spec grammar. */
class MipsSlopeTest {

  /** Two dimensions: candidate {@code mask - 1} uses the dimensions of bit mask {@code mask}. */
  private static final EmbeddingTable TWO_DIMS = new EmbeddingTable(new double[][][] {
      {{0.5, 0.5}, {0.5, 0.5}}, {{0.5, 0.5}, {0.5, 0.5}}});

  private static int choose(String spec, double[] values, double[] stderrs) {
    return Estimators.withEmbeddingTable(java.util.List.of(Estimators.parse(spec)), TWO_DIMS).get(0)
        .choose(values, stderrs, 1000);
  }

  @Test
  void everyCandidateAcceptedReportsTheLastOneOrOpenBanditPipelinesSecondToLast() {
    // {dim 0}, {dim 1}, {both}: widths 0.1, 0.2, 0.3 times the t quantile; all estimates agree
    double[] values = {0.5, 0.5, 0.5};
    double[] stderrs = {0.1, 0.2, 0.3};
    // visit order: both (start), then size 1 by decreasing width: {dim 1}, then {dim 0}
    assertThat(choose("mips:dims=slope", values, stderrs)).isEqualTo(0);
    assertThat(choose("mips:dims=slope:compat=obp", values, stderrs)).isEqualTo(1);
  }

  @Test
  void theFirstRejectionReportsTheLastAcceptedCandidate() {
    double[] values = {0.9, 0.5, 0.5}; // {dim 0} is far from both others
    double[] stderrs = {0.001, 0.002, 0.003};
    assertThat(choose("mips:dims=slope", values, stderrs)).isEqualTo(1);
    assertThat(choose("mips:dims=slope:search=greedy:compat=obp", values, stderrs)).isEqualTo(1);
  }

  @Test
  void specsRoundTripAndBadOnesAreRefused() {
    for (String spec : new String[] {"mips", "snmips:compat=obp", "mips:dims=0|2",
        "snmips:dims=slope:search=greedy:delta=0.01:min-dims=2:compat=obp", "ipw-weighted:clip=5", "dr-balanced"}) {
      assertThat(Estimators.parse(spec).spec()).isEqualTo(spec);
    }
    assertThat(Estimators.parse("mips:dims=2|0").spec()).isEqualTo("mips:dims=0|2");
    for (String bad : new String[] {"mips:compat=paper", "mips:dims=0|0", "mips:search=greedy",
        "mips:dims=slope:delta=1", "mips:dims=slope:min-dims=0", "ipw-weighted:clip=0"}) {
      assertThatThrownBy(() -> Estimators.parse(bad)).as(bad).isInstanceOf(UsageException.class);
    }
  }
}
