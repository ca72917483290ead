package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.estimator.Estimators;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17: each column is required only by the estimators that read it. */
class RequiredColumnsTest {

  private static final LogLayout NO_PSCORE = new LogLayout(List.of("pi"), true, false, 2, false);
  private static final LogLayout NO_MODEL = new LogLayout(List.of("pi"), false, false, 2);

  @Test
  void onlyTheDirectMethodRunsWithoutPscore() {
    assertThatCode(() -> RequiredColumns.check(NO_PSCORE, Estimators.parseList("dm"), "a.csv"))
        .doesNotThrowAnyException();
    for (String spec : new String[] {"ipw", "snipw", "dr", "sndr", "ipw:clip=5", "switch-dr:lambda=5",
        "dr-os:lambda=slope", "ipw-sg:lambda=0.1", "dr-sg:lambda=slope"}) {
      assertThatThrownBy(() -> RequiredColumns.check(NO_PSCORE, Estimators.parseList("dm," + spec), "a.csv"))
          .as(spec)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a.csv: estimator " + Estimators.parse(spec).spec() + " needs the pscore column"
              + " (behaviour policy's probability of the logged action); the log has none");
    }
  }

  @Test
  void aModelEstimatorNamesTheLogThatLacksTheModel() {
    assertThatThrownBy(() -> RequiredColumns.check(NO_MODEL, Estimators.parseList("ipw,dr"), "b.parquet"))
        .hasMessage("b.parquet: estimator dr needs reward-model columns (q_0..q_{K-1}, or q and q_pi);"
            + " the log has none");
  }

  @Test
  void evaluatorRefusesBeforeReadingAnyRow() {
    int[] reads = {0};
    BatchSource source = new BatchSource() {
      @Override
      public LogLayout layout() {
        return NO_PSCORE;
      }

      @Override
      public boolean next(BanditBatch batch) {
        reads[0]++;
        return false;
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> new Evaluator(EvaluationConfig.of(Estimators.parseList("ipw"))).evaluate(source))
        .hasMessageStartingWith("in-memory log: estimator ipw needs the pscore column");
    assertThat(reads[0]).isZero();
  }

  @Test
  void aBatchWithoutPscoreHoldsNaNThereAndNoWeightDiagnostics() {
    BanditBatch batch = new BanditBatch(NO_PSCORE, 3);
    assertThat(batch.pscore()).containsOnly(Double.NaN);
    WeightDiagnostics unknown = WeightDiagnostics.unknown(3);
    assertThat(unknown.rows()).isEqualTo(3);
    assertThat(unknown.effectiveSampleSize()).isNaN();
    assertThat(unknown.weightQuantiles()).containsOnly(Double.NaN);
    assertThat(unknown.warnings("pi")).isEmpty();
  }
}
