package io.ope4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.UsageException;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.estimator.Estimators;
import io.ope4j.models.pipeline.FittedEvaluation;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.synthetic.EmbeddingBandit;
import io.ope4j.synthetic.PolicySpec;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MIPS through a cross-fitted model of {@code p(a | x, e)} ({@code mips:pae=fitted}) on a bandit
 * without direct effect and with exact truth ({@link EmbeddingBandit} with one-hot context columns,
 * on which the softmax model is well specified): it is consistent. Over R = 20 independent logs
 * per size, its mean squared error falls from n = 500 to n = 8,000, and at n = 8,000 its mean error
 * is within 4 standard errors of the mean of 0 (the table-based MIPS, its reference, is shown in the
 * messages).
 */
class ActionModelTest {

  private static final int REPLICATIONS = 20;

  private static final EmbeddingBandit BANDIT = new EmbeddingBandit(new EmbeddingBandit.Settings(10, 2, 3, 5, 0.5,
      1.0, List.of(PolicySpec.parse("target=softmax:0.3")), 11)).withContextColumns();

  /** Errors of mips:pae=fitted and of the table's mips on n rows from row {@code first}, folds seeded by r. */
  private static double[] errors(long first, int n, int r) throws IOException {
    EvaluationConfig config = EvaluationConfig.of(Estimators.withEmbeddingTable(
        Estimators.parseList("mips:pae=fitted,mips"), BANDIT.table())).withThreads(1);
    EvaluationResult result = FittedEvaluation.of(null, CrossFitting.folds(3, r), io.ope4j.rewardmodel.FitWeighting.PLAIN)
        .withActionModel(ActionModel.of(SoftmaxRegression.withC(1).threads(1)))
        .evaluate(() -> BANDIT.source(first, n), config).result();
    double truth = BANDIT.value(0);
    return new double[] {result.estimate("target", "mips:pae=fitted").value() - truth,
        result.estimate("target", "mips").value() - truth};
  }

  @Test
  void fittedMipsIsConsistentWithoutDirectEffect() throws IOException {
    double[] mse = new double[2];
    double[] tableMse = new double[2];
    double sum = 0;
    double squares = 0;
    int[] sizes = {500, 8_000};
    for (int s = 0; s < 2; s++) {
      for (int r = 0; r < REPLICATIONS; r++) {
        // the two sizes' logs are disjoint row ranges of one bandit
        double[] e = errors(1_000_000L * s + (long) r * sizes[s], sizes[s], r);
        mse[s] += e[0] * e[0] / REPLICATIONS;
        tableMse[s] += e[1] * e[1] / REPLICATIONS;
        if (s == 1) {
          sum += e[0];
          squares += e[0] * e[0];
        }
      }
    }
    double bias = sum / REPLICATIONS;
    double standardError = Math.sqrt((squares / REPLICATIONS - bias * bias) / (REPLICATIONS - 1));
    String measured = String.format("MSE fitted %s -> %s, table %s -> %s; mean error at n=8000 %s (se %s)",
        mse[0], mse[1], tableMse[0], tableMse[1], bias, standardError);
    // n grows 16-fold: a consistent estimator's MSE falls about 16-fold; ask for 4-fold
    assertThat(mse[1]).as(measured).isLessThan(mse[0] / 4);
    assertThat(Math.abs(bias)).as(measured).isLessThan(4 * standardError);
  }

  @Test
  void theSpecGrammar() {
    assertThat(ActionModel.parse("softmax:C=10", 1)).isNotNull();
    assertThatThrownBy(() -> ActionModel.parse("forest", 1)).isInstanceOf(UsageException.class)
        .hasMessageContaining("action model 'forest'").hasMessageContaining("known: softmax");
    assertThatThrownBy(() -> ActionModel.parse("softmax:C=0", 1)).isInstanceOf(UsageException.class)
        .hasMessageContaining("C must be positive");
    assertThatThrownBy(() -> ActionModel.parse("softmax:depth=3", 1)).isInstanceOf(UsageException.class);
  }
}
