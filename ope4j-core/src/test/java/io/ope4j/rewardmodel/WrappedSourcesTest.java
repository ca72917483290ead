package io.ope4j.rewardmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.policy.Policy;
import io.ope4j.policy.PolicySource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PolicySource} and {@link FittedModelSource} over any source with a context block. */
class WrappedSourcesTest {

  static final int K = ModelledLogTest.K;
  final int n = 9_001;
  final ArrayLog.Columns rows = ModelledLogTest.randomRows(n, 11, 3);
  final int dim = rows.dim();
  final double[] x = rows.contexts();
  final int[] actions = rows.actions();

  private ArrayLog.Columns columns() {
    return rows;
  }

  private BatchSource contexts(int batchRows) {
    return new ArrayLog(columns(), List.of(), new double[0][], K, batchRows);
  }

  private Map<String, Policy> policies() {
    Map<String, Policy> policies = new LinkedHashMap<>();
    policies.put("hot", ModelledLogTest.softmaxPolicy(1.0));
    policies.put("cold", ModelledLogTest.softmaxPolicy(0.2));
    return policies;
  }

  /** Only the order of the sums depends on how the source cuts its batches: 1e-12. */
  @Test
  void batchCuts_changeNothingBeyondRounding() throws IOException {
    CrossFittedModel model = ModelledLogTest.foldModels(3);
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("dm,ipw,snipw,dr,sndr")).withThreads(2);
    EvaluationResult reference = new Evaluator(config)
        .evaluate(new FittedModelSource(new PolicySource(contexts(4096), policies()), model));
    EvaluationResult actual = new Evaluator(config)
        .evaluate(new FittedModelSource(new PolicySource(contexts(7), policies()), model));
    for (int e = 0; e < reference.estimates().size(); e++) {
      assertThat(actual.estimates().get(e).value()).isCloseTo(reference.estimates().get(e).value(),
          org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  @Test
  void policySource_keepsTheLogsOwnPolicies() throws IOException {
    double[] table = new double[n * K];
    for (int i = 0; i < n; i++) {
      table[i * K + 1] = 1.0; // always action 1
    }
    BatchSource withTable = new ArrayLog(columns(), List.of("one"), new double[][] {table}, K, 100);
    PolicySource source = new PolicySource(withTable, policies());
    assertThat(source.layout().policies()).containsExactly("one", "hot", "cold");
    BanditBatch batch = new BanditBatch(source.layout(), 100);
    assertThat(source.next(batch)).isTrue();
    assertThat(batch.piLogged(0)[3]).isEqualTo(actions[3] == 1 ? 1.0 : 0.0);
    assertThat(batch.piWide(0)[3 * K + 1]).isEqualTo(1.0);
    assertThat(batch.piWide(1)[3 * K] + batch.piWide(1)[3 * K + 1] + batch.piWide(1)[3 * K + 2])
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void policySource_fillsWideAndNarrowProbabilities() throws IOException {
    PolicySource source = new PolicySource(contexts(5), policies());
    assertThat(source.layout().policies()).containsExactly("hot", "cold");
    assertThat(source.layout().widePolicies()).isTrue();
    assertThat(source.layout().hasModel()).isFalse();
    BanditBatch batch = new BanditBatch(source.layout(), 5);
    assertThat(source.next(batch)).isTrue();
    double[] expected = new double[K];
    ModelledLogTest.softmaxPolicy(0.2).probabilities(new double[] {x[2 * dim], x[2 * dim + 1]}, dim, null, 1, expected);
    for (int a = 0; a < K; a++) {
      assertThat(batch.piWide(1)[2 * K + a]).isEqualTo(expected[a]);
    }
    assertThat(batch.piLogged(1)[2]).isEqualTo(expected[actions[2]]);
    assertThat(batch.contexts()[2 * dim + 1]).isEqualTo(x[2 * dim + 1]);
  }

  @Test
  void badPolicyOrK_isRefused() throws IOException {
    Policy leaky = new Policy() {
      @Override
      public int nActions() {
        return K;
      }

      @Override
      public void probabilities(double[] contexts, int dim, int[] positions, int rows, double[] out) {
        java.util.Arrays.fill(out, 0, rows * K, 0.3); // sums to 0.9
      }
    };
    PolicySource source = new PolicySource(contexts(10), Map.of("leaky", leaky));
    assertThatThrownBy(() -> source.next(new BanditBatch(source.layout(), 10)))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("in-memory log row 1")
        .hasMessageContaining("policy 'leaky' probabilities sum to 0.89999");
    BatchSource fourActions = new ArrayLog(columns(), List.of(), new double[0][], 4, 10);
    assertThatThrownBy(() -> new PolicySource(fourActions, policies()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the policies have 3 actions");
  }

  @Test
  void fittedModelSource_needsWidePoliciesAndServesItsWeightedPolicyOnly() {
    CrossFittedModel model = ModelledLogTest.foldModels(2);
    assertThatThrownBy(() -> new FittedModelSource(contexts(10), model))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wide policy columns");
    RewardData data = new RewardData(x, dim, actions, rows.positions(), rows.rewards(), null, K);
    RewardModelFitter constant = new RewardModelFitter() {
      @Override
      public RewardModel fit(RewardData fitData) {
        return ModelledLogTest.foldModels(2).model(0);
      }

      @Override
      public String describe() {
        return "constant";
      }
    };
    double[] piLogged = new double[n];
    java.util.Arrays.fill(piLogged, 0.5);
    CrossFittedModel weighted = CrossFittedModel.fit(constant, data, CrossFitting.folds(2, 1), FitWeighting.MRDR,
        "hot", piLogged, rows.pscore());
    assertThatThrownBy(() -> new FittedModelSource(new PolicySource(contexts(10), policies()), weighted))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serves that policy only");
    assertThat(new FittedModelSource(new PolicySource(contexts(10), policies()), weighted, List.of("hot"))
        .layout().policies()).containsExactly("hot");
  }
}
