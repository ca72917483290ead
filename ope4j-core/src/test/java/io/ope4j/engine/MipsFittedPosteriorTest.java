package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.ActionPosterior;
import io.ope4j.data.BanditBatch;
import io.ope4j.data.EmbeddingTable;
import io.ope4j.data.UsageException;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.synthetic.EmbeddingBandit;
import io.ope4j.synthetic.PolicySpec;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code mips:pae=fitted}: the weight {@code E_{pi_b(a|x,e)}[pi_e(a|x) / pi_b(a|x)]} (Saito &amp;
 * Joachims 2022, Sec. 4) given the true posterior {@code pi_b(a|x) p(e|a) / p(e|x, pi_b)} equals the
 * known-table weight {@code p(e|x, pi_e) / p(e|x, pi_b)} of plain MIPS, row by row, so the two
 * estimates agree to rounding.
 */
class MipsFittedPosteriorTest {

  /** The exact posterior of the logged action, from the known table and the behaviour's wide row. */
  private record TruePosterior(EmbeddingTable table) implements ActionPosterior {
    @Override
    public int actions() {
      return table.actions();
    }

    @Override
    public int embeddingDims() {
      return table.dims();
    }

    @Override
    public int contextDim() {
      return 0;
    }

    @Override
    public String describe() {
      return "the true posterior";
    }

    @Override
    public Rows rows() {
      int k = table.actions();
      int[] all = new int[table.dims()];
      for (int d = 0; d < all.length; d++) {
        all[d] = d;
      }
      double[] density = new double[k];
      return (BanditBatch batch, int from, int to, double[] out) -> {
        for (int i = from; i < to; i++) {
          table.densities(batch.embedding(), i * all.length, all, density);
          double total = 0;
          for (int a = 0; a < k; a++) {
            total += batch.behaviorWide()[i * k + a] * density[a];
          }
          for (int a = 0; a < k; a++) {
            out[(i - from) * k + a] = batch.behaviorWide()[i * k + a] * density[a] / total;
          }
        }
      };
    }
  }

  @Test
  void withTheTruePosteriorTheEstimateIsTheTableEstimate() throws IOException {
    EmbeddingBandit bandit = new EmbeddingBandit(new EmbeddingBandit.Settings(12, 3, 4, 50, 0.7, 1.0,
        List.of(PolicySpec.parse("cold=softmax:0.3"), PolicySpec.parse("greedy=argmax")), 7));
    List<Estimator> estimators = Estimators.withActionPosterior(Estimators.withEmbeddingTable(
        Estimators.parseList("mips,snmips,mips:pae=fitted,snmips:pae=fitted"), bandit.table()),
        new TruePosterior(bandit.table()));
    EvaluationResult result = new Evaluator(EvaluationConfig.of(estimators).withThreads(2))
        .evaluate(bandit.source(0, 5_000));
    for (String policy : List.of("cold", "greedy")) {
      for (String id : List.of("mips", "snmips")) {
        Estimate table = result.estimate(policy, id);
        Estimate fitted = result.estimate(policy, id + ":pae=fitted");
        assertThat(fitted.value()).as(policy + " " + id).isCloseTo(table.value(), within(1e-12));
        assertThat(fitted.stderr()).as(policy + " " + id).isCloseTo(table.stderr(), within(1e-12));
      }
    }
  }

  @Test
  void oneRowByHand() throws IOException {
    // K = 2, one dimension with 2 categories: p(e=1 | a=0) = 0.2, p(e=1 | a=1) = 0.6.
    EmbeddingTable table = new EmbeddingTable(new double[][][] {{{0.8, 0.2}}, {{0.4, 0.6}}});
    io.ope4j.data.LogLayout layout = new io.ope4j.data.LogLayout(List.of("e"), false, false, 2, true, List.of(),
        true, false, new io.ope4j.data.ExtraColumns(false, false, 1, true));
    BanditBatch batch = new BanditBatch(layout, 1);
    batch.setRows(0, 1);
    batch.action()[0] = 1;
    batch.reward()[0] = 1;
    batch.pscore()[0] = 0.5;
    batch.embedding()[0] = 1;
    batch.behaviorWide()[0] = 0.5;
    batch.behaviorWide()[1] = 0.5;
    batch.piWide(0)[0] = 0.1;
    batch.piWide(0)[1] = 0.9;
    batch.piLogged(0)[0] = 0.9;
    // posterior of a given e = 1 under pi_b: 0.1 / 0.4 = 0.25 and 0.3 / 0.4 = 0.75;
    // weight 0.25 * 0.1 / 0.5 + 0.75 * 0.9 / 0.5 = 1.4 = (0.1 * 0.2 + 0.9 * 0.6) / (0.5 * 0.2 + 0.5 * 0.6)
    Estimator fitted = Estimators.parse("mips:pae=fitted").withActionPosterior(new TruePosterior(table));
    double[] x = new double[1];
    fitted.terms(batch, 0, 0, 1, new double[1], x, new double[1]);
    assertThat(x[0]).isCloseTo(1.4, within(1e-15));
  }

  @Test
  void theSpecGrammar() {
    assertThat(Estimators.parse("snmips:pae=fitted").spec()).isEqualTo("snmips:pae=fitted");
    assertThat(Estimators.parse("mips:pae=table").spec()).isEqualTo("mips");
    assertThat(Estimators.parse("mips:pae=fitted").needsActionPosterior()).isTrue();
    assertThat(Estimators.parse("mips").needsActionPosterior()).isFalse();
    assertThatThrownBy(() -> Estimators.parse("mips:pae=guess")).isInstanceOf(UsageException.class)
        .hasMessageContaining("pae must be table");
    assertThatThrownBy(() -> Estimators.parse("mips:pae=fitted:dims=slope")).isInstanceOf(UsageException.class)
        .hasMessageContaining("dims is used only with the known embedding table");
  }

  @Test
  void withoutAFittedModelTheEstimatorIsRefusedBeforeAnyRow() {
    EmbeddingBandit bandit = new EmbeddingBandit(new EmbeddingBandit.Settings(4, 1, 2, 5, 1.0, 1.0,
        List.of(PolicySpec.parse("t=uniform")), 1));
    assertThatThrownBy(() -> new Evaluator(EvaluationConfig.of(Estimators.parseList("mips:pae=fitted")))
        .evaluate(bandit.source(0, 10)))
        .hasMessageContaining("a fitted model of the action given context and embedding");
  }
}
