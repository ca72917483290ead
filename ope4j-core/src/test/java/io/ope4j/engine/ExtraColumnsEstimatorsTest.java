package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.EmbeddingTable;
import io.ope4j.data.ExtraColumns;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import io.ope4j.estimator.Estimators;
import io.ope4j.synthetic.EmbeddingBandit;
import io.ope4j.synthetic.MultiLoggerBandit;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticConfig;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed multi-logger and MIPS estimates on tiny logs, and their one-pass properties. */
class ExtraColumnsEstimatorsTest {

  /** Four rows from two loggers: logger 0 rows 0 and 2, logger 1 rows 1 and 3. */
  private static BatchSource loggers() {
    LogLayout layout = new LogLayout(List.of("e"), true, false, 2, true, List.of(), false, false,
        new ExtraColumns(true, true, 0, false));
    return single(layout, batch -> {
      int[] logger = {0, 1, 0, 1};
      double[] reward = {1, 0, 1, 1};
      double[] pscore = {0.5, 0.25, 0.5, 0.5};
      double[] pscoreAvg = {0.4, 0.5, 0.25, 0.5};
      double[] pi = {0.5, 0.5, 1, 0.25};
      for (int i = 0; i < 4; i++) {
        batch.logger()[i] = logger[i];
        batch.reward()[i] = reward[i];
        batch.pscore()[i] = pscore[i];
        batch.pscoreAvg()[i] = pscoreAvg[i];
        batch.piLogged(0)[i] = pi[i];
        batch.qLogged()[i] = 0.5;
        batch.qExpected(0)[i] = 0.25;
      }
    }, 4);
  }

  @Test
  void balancedAndWeightedEstimatesByHand() throws IOException {
    EvaluationResult result = new Evaluator(EvaluationConfig.of(
        Estimators.parseList("ipw-balanced,dr-balanced,ipw-weighted,dr-weighted,ipw-balanced:clip=2")))
        .evaluate(loggers());
    // balanced weights pi / pscore_avg: 1.25, 1, 4, 0.5; rewards 1, 0, 1, 1
    assertThat(result.estimate("e", "ipw-balanced").value()).isEqualTo((1.25 + 0 + 4 + 0.5) / 4);
    // DR: 0.25 + w (r - 0.5): 0.875, -0.25, 2.25, 0.5
    assertThat(result.estimate("e", "dr-balanced").value()).isCloseTo((0.875 - 0.25 + 2.25 + 0.5) / 4, within(1e-15));
    assertThat(result.estimate("e", "ipw-balanced:clip=2").value()).isEqualTo((1.25 + 0 + 2 + 0.5) / 4);
    assertThat(result.estimate("e", "ipw-balanced:clip=2").alteredRows()).isEqualTo(1);
    // naive weights 1, 2, 2, 0.5; w r: logger 0 {1, 2} (variance 0.25), logger 1 {0, 0.5} (0.0625).
    // precisions n_k / v_k: 8 and 32, so c_0 = 4 / (0.25 * 40) = 0.4, c_1 = 4 / (0.0625 * 40) = 1.6
    // estimate (0.4 * 3 + 1.6 * 0.5) / 4 = 0.5 = 0.2 * mean_0 + 0.8 * mean_1
    assertThat(result.estimate("e", "ipw-weighted").value()).isCloseTo(0.5, within(1e-15));
    // within-logger sample variances of c_k w r: 0.16 * 0.5 and 2.56 * 0.125, times n_k = 2
    double within = 2 * (0.16 * 0.5) + 2 * (2.56 * 0.125);
    assertThat(result.estimate("e", "ipw-weighted").stderr()).isCloseTo(Math.sqrt(within) / 4, within(1e-15));
    // DR rows 0.25 + w (r - 0.5): logger 0 {0.75, 1.25} (v 0.0625), logger 1 {-0.75, 0.5} (v 0.390625);
    // precisions 32 and 5.12; corrections 0.5, 1 and -1, 0.25
    double c0 = 4 / (0.0625 * (32 + 5.12));
    double c1 = 4 / (0.390625 * (32 + 5.12));
    assertThat(result.estimate("e", "dr-weighted").value())
        .isCloseTo(0.25 + (c0 * 1.5 + c1 * -0.75) / 4, within(1e-15));
  }

  @Test
  void aLoggerWithoutSpreadGivesNoWeightedEstimateAndSaysWhy() throws IOException {
    LogLayout layout = new LogLayout(List.of("e"), false, false, 2, true, List.of(), false, false,
        new ExtraColumns(true, false, 0, false));
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList("ipw-weighted")))
        .evaluate(single(layout, batch -> {
          for (int i = 0; i < 4; i++) {
            batch.logger()[i] = i % 2;
            batch.reward()[i] = i == 3 ? 1 : 0; // logger 0 never rewarded
            batch.pscore()[i] = 0.5;
            batch.piLogged(0)[i] = 0.5;
          }
        }, 4));
    assertThat(result.estimate("e", "ipw-weighted").value()).isNaN();
    assertThat(result.warnings()).anyMatch(w -> w.contains("logger 0") && w.contains("no spread"));
  }

  @Test
  void mipsWeightsByHandJointAndProductOfMarginals() throws IOException {
    // two actions, two binary dimensions: p(e_0 = 1 | a) = 0.8, 0.2; p(e_1 = 1 | a) = 0.5, 1
    EmbeddingTable table = new EmbeddingTable(new double[][][] {
        {{0.2, 0.8}, {0.5, 0.5}}, {{0.8, 0.2}, {0, 1}}});
    LogLayout layout = new LogLayout(List.of("e"), false, false, 2, true, List.of(), true, false,
        new ExtraColumns(false, false, 2, true));
    BatchSource log = single(layout, batch -> {
      batch.action()[0] = 0;
      batch.reward()[0] = 1;
      batch.pscore()[0] = 0.5;
      batch.embedding()[0] = 1; // e = (1, 1)
      batch.embedding()[1] = 1;
      batch.behaviorWide()[0] = 0.5;
      batch.behaviorWide()[1] = 0.5;
      batch.piWide(0)[0] = 0.25;
      batch.piWide(0)[1] = 0.75;
      batch.piLogged(0)[0] = 0.25;
    }, 1);
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.withEmbeddingTable(
        Estimators.parseList("mips,mips:compat=obp,mips:dims=1,snmips"), table))).evaluate(log);
    // p(e | a): 0.8 * 0.5 = 0.4 and 0.2 * 1 = 0.2. Joint: (0.25 * 0.4 + 0.75 * 0.2) / (0.5 * 0.4 + 0.5 * 0.2)
    assertThat(result.estimate("e", "mips").value()).isCloseTo(0.25 / 0.3, within(1e-15));
    // product: [(0.25 * 0.8 + 0.75 * 0.2)(0.25 * 0.5 + 0.75)] / [(0.5)(0.75)]
    assertThat(result.estimate("e", "mips:compat=obp").value()).isCloseTo(0.35 * 0.875 / 0.375, within(1e-15));
    // dimension 1 alone: (0.25 * 0.5 + 0.75) / (0.5 * 0.5 + 0.5)
    assertThat(result.estimate("e", "mips:dims=1").value()).isCloseTo(0.875 / 0.75, within(1e-15));
    assertThat(result.estimate("e", "snmips").value()).isEqualTo(1.0);
  }

  @Test
  void anEmbeddingCategoryOutsideTheTableIsRefusedWithItsRow() {
    EmbeddingTable table = new EmbeddingTable(new double[][][] {{{0.5, 0.5}}, {{0.5, 0.5}}});
    LogLayout layout = new LogLayout(List.of("e"), false, false, 2, true, List.of(), true, false,
        new ExtraColumns(false, false, 1, true));
    BatchSource log = single(layout, batch -> {
      batch.pscore()[0] = 1;
      batch.embedding()[0] = 2;
      batch.behaviorWide()[0] = 1;
      batch.piWide(0)[0] = 1;
    }, 1);
    assertThatThrownBy(() -> new Evaluator(EvaluationConfig.of(
        Estimators.withEmbeddingTable(Estimators.parseList("mips"), table))).evaluate(log))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("row 1")
        .hasMessageContaining("category 2");
  }

  @Test
  void estimatorsNeedingAbsentColumnsAreRefusedBeforeAnyRow() {
    LogLayout plain = new LogLayout(List.of("e"), true, false, 2);
    for (String spec : List.of("ipw-balanced", "dr-weighted", "mips")) {
      assertThatThrownBy(() -> RequiredColumns.check(plain, Estimators.parseList(spec), "log.csv"))
          .as(spec).isInstanceOf(InvalidDataException.class).hasMessageContaining("log.csv")
          .hasMessageContaining("estimator " + spec + " needs");
    }
  }

  @Test
  void anyThreadCountAndBootstrapGiveTheSameNumbers() throws IOException {
    MultiLoggerBandit loggers = new MultiLoggerBandit(SyntheticConfig.defaults(3).withPolicies(
        PolicySpec.parse("t=softmax:0.5")), List.of("a", "b"), new double[] {0.5, 2}, new double[] {1, 3});
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("ipw-weighted,dr-weighted,dr-balanced"))
        .withInterval(io.ope4j.interval.IntervalMethod.BOOTSTRAP).withBootstrap(50, 9);
    EvaluationResult one = new Evaluator(config.withThreads(1)).evaluate(loggers.source(0, 100_000));
    EvaluationResult two = new Evaluator(config.withThreads(2)).evaluate(loggers.source(0, 100_000));
    assertThat(two).isEqualTo(one);
    EmbeddingBandit embedded = new EmbeddingBandit(new EmbeddingBandit.Settings(20, 3, 3, 50, 1, 1,
        List.of(PolicySpec.parse("t=softmax:0.5")), 4));
    EvaluationConfig mips = EvaluationConfig.of(Estimators.withEmbeddingTable(
        Estimators.parseList("mips:dims=slope,snmips"), embedded.table()));
    assertThat(new Evaluator(mips.withThreads(2)).evaluate(embedded.source(0, 50_000)))
        .isEqualTo(new Evaluator(mips.withThreads(1)).evaluate(embedded.source(0, 50_000)));
  }

  /** One batch of {@code rows} rows filled by {@code fill}. */
  private static BatchSource single(LogLayout layout, java.util.function.Consumer<BanditBatch> fill, int rows) {
    return new BatchSource() {
      private boolean done;

      @Override
      public LogLayout layout() {
        return layout;
      }

      @Override
      public boolean next(BanditBatch batch) {
        batch.setRows(0, done ? 0 : rows);
        if (done) {
          return false;
        }
        fill.accept(batch);
        done = true;
        return true;
      }

      @Override
      public void close() {}
    };
  }
}
