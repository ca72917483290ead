package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.estimator.Estimators;
import io.ope4j.synthetic.EmbeddingBandit;
import io.ope4j.synthetic.PolicySpec;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MIPS on logs whose actions act only through their embedding (no direct effect), with 1,000
 * independent logs of n = 1,000 rows of one seeded {@link EmbeddingBandit} (rows [k n, (k+1) n)):
 * the paper's MIPS centres on the exact truth (mean error within 4 standard errors of the mean),
 * its 95% t interval covers the truth in 93–97% of logs (the coverage's standard error is 0.7%),
 * and Open Bandit Pipeline's product of marginals ({@code compat=obp}) is biased with three
 * embedding dimensions, by many standard errors.
 */
class MipsStatisticsTest {

  private static final int ROWS = 1_000;
  private static final int REPLICATIONS = 1_000;

  @Test
  void mipsIsUnbiasedAndCoversWithoutDirectEffectWhileTheProductOfMarginalsIsBiased() throws IOException {
    EmbeddingBandit bandit = new EmbeddingBandit(new EmbeddingBandit.Settings(40, 3, 4, 100, 0.5, 1.0,
        List.of(PolicySpec.parse("target=softmax:0.3")), 2024));
    double truth = bandit.value(0);
    EvaluationConfig config = EvaluationConfig.of(Estimators.withEmbeddingTable(
        Estimators.parseList("mips,mips:compat=obp"), bandit.table())).withThreads(1)
        .withoutIntervalFloors(); // the raw t interval: the Wilson floor of binary rewards only widens it
    double[] sum = new double[2];
    double[] squares = new double[2];
    int covered = 0;
    for (int k = 0; k < REPLICATIONS; k++) {
      EvaluationResult result = new Evaluator(config).evaluate(bandit.source((long) k * ROWS, ROWS));
      Estimate mips = result.estimate("target", "mips");
      double[] errors = {mips.value() - truth, result.estimate("target", "mips:compat=obp").value() - truth};
      for (int e = 0; e < 2; e++) {
        sum[e] += errors[e];
        squares[e] += errors[e] * errors[e];
      }
      if (mips.interval().lower() <= truth && truth <= mips.interval().upper()) {
        covered++;
      }
    }
    double[] bias = new double[2];
    double[] standardError = new double[2];
    for (int e = 0; e < 2; e++) {
      bias[e] = sum[e] / REPLICATIONS;
      standardError[e] = Math.sqrt((squares[e] / REPLICATIONS - bias[e] * bias[e]) / (REPLICATIONS - 1));
    }
    assertThat(Math.abs(bias[0])).as("MIPS bias %s, its standard error %s", bias[0], standardError[0])
        .isLessThan(4 * standardError[0]);
    assertThat(Math.abs(bias[1])).as("product-of-marginals bias %s, its standard error %s", bias[1], standardError[1])
        .isGreaterThan(8 * standardError[1]);
    assertThat(covered / (double) REPLICATIONS).as("coverage").isBetween(0.93, 0.97);
  }
}
