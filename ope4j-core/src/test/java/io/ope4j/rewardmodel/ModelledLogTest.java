package io.ope4j.rewardmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.ColumnarLog;
import io.ope4j.data.InvalidDataException;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.internal.data.WideForm;
import io.ope4j.policy.Policy;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelledLogTest {

  static final int K = 3;

  /** pi(a | x) proportional to exp(t * x_0 * (a + 1)). */
  static Policy softmaxPolicy(double t) {
    return new Policy() {
      @Override
      public int nActions() {
        return K;
      }

      @Override
      public void probabilities(double[] contexts, int dim, int[] positions, int rows, double[] out) {
        for (int i = 0; i < rows; i++) {
          double sum = 0;
          for (int a = 0; a < K; a++) {
            out[i * K + a] = Math.exp(t * contexts[i * dim] * (a + 1));
            sum += out[i * K + a];
          }
          for (int a = 0; a < K; a++) {
            out[i * K + a] /= sum;
          }
        }
      }
    };
  }

  /** q(x, a) = x_1 + a / 10 + position / 100 + fold offset, so each fold model differs. */
  static CrossFittedModel foldModels(int folds) {
    java.util.List<RewardModel> models = new java.util.ArrayList<>();
    for (int f = 0; f < folds; f++) {
      double offset = f / 1000.0;
      models.add(new RewardModel() {
        @Override
        public int nActions() {
          return K;
        }

        @Override
        public void predict(double[] contexts, int dim, int[] positions, int rows, double[] out) {
          for (int i = 0; i < rows; i++) {
            for (int a = 0; a < K; a++) {
              out[i * K + a] = contexts[i * dim + 1] + a / 10.0 + positions[i] / 100.0 + offset;
            }
          }
        }
      });
    }
    return CrossFittedModel.of(CrossFitting.folds(folds, 3), models, "fixed");
  }

  /** {@code n} seeded rows with two context features, K actions, {@code slots} positions, uniform pscore. */
  static ArrayLog.Columns randomRows(int n, long seed, int slots) {
    int dim = 2;
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n * dim];
    int[] actions = new int[n];
    int[] positions = new int[n];
    double[] rewards = new double[n];
    double[] pscore = new double[n];
    for (int i = 0; i < n; i++) {
      x[i * dim] = random.nextGaussian();
      x[i * dim + 1] = random.nextDouble();
      actions[i] = random.nextInt(K);
      positions[i] = random.nextInt(slots);
      rewards[i] = random.nextDouble() < 0.3 ? 1 : 0;
      pscore[i] = 1.0 / K;
    }
    return new ArrayLog.Columns("in-memory log", x, dim, actions, positions, rewards, pscore);
  }

  @Test
  void source_equalsTheNarrowColumnsComputedByHand() throws IOException {
    int n = 10_001;
    ArrayLog.Columns rows = randomRows(n, 4, 2);
    int dim = rows.dim();
    double[] x = rows.contexts();
    int[] actions = rows.actions();
    int[] positions = rows.positions();
    double[] rewards = rows.rewards();
    double[] pscore = rows.pscore();
    Policy hot = softmaxPolicy(1.0);
    Policy cold = softmaxPolicy(0.2);
    CrossFittedModel model = foldModels(3);
    ModelledLog log = ModelledLog.builder(x, dim, actions, positions, rewards, pscore)
        .policy("hot", hot).policy("cold", cold).model(model).build();

    // The same narrow columns computed row by row.
    double[] q = model.predictAll(x, dim, positions, n);
    double[] qLogged = new double[n];
    double[][] piLogged = new double[2][n];
    double[][] qExpected = new double[2][n];
    double[] pi = new double[K];
    Policy[] policies = {hot, cold};
    for (int i = 0; i < n; i++) {
      qLogged[i] = q[i * K + actions[i]];
      for (int p = 0; p < 2; p++) {
        policies[p].probabilities(new double[] {x[i * dim], x[i * dim + 1]}, dim, new int[] {positions[i]}, 1, pi);
        piLogged[p][i] = pi[actions[i]];
        qExpected[p][i] = WideForm.expectedModelValue(pi, 0, q, i * K, K);
      }
    }
    ColumnarLog expected = ColumnarLog.builder(actions, rewards, pscore)
        .policy("hot", piLogged[0], qExpected[0]).policy("cold", piLogged[1], qExpected[1])
        .modelAtLoggedAction(qLogged).nActions(K).build();

    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("dm,ipw,dr,sndr")).withThreads(2);
    EvaluationResult actual = new Evaluator(config).evaluate(log.source());
    EvaluationResult reference = new Evaluator(config).evaluate(expected.source());
    for (int e = 0; e < reference.estimates().size(); e++) {
      assertThat(actual.estimates().get(e).value()).as(reference.estimates().get(e).estimator())
          .isEqualTo(reference.estimates().get(e).value());
      assertThat(actual.estimates().get(e).stderr()).isEqualTo(reference.estimates().get(e).stderr());
    }
    assertThat(log.layout().hasPosition()).isTrue();
    assertThat(log.describe()).containsExactly("reward model: fixed, cross-fitted (3 folds, seed 3)",
        "propensities: logged");
  }

  @Test
  void withoutModel_onlyWeightingEstimatorsRun() throws IOException {
    double[] x = {0.1, 0.2};
    ModelledLog log = ModelledLog.builder(x, 1, new int[] {0, 1}, null, new double[] {1, 0}, new double[] {0.5, 0.5})
        .policy("p", softmaxPolicy(0)).estimatedPropensities("softmax(C=1)").build();
    assertThat(log.layout().hasModel()).isFalse();
    assertThat(log.describe().get(1)).contains("estimated").contains("softmax(C=1)");
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList("ipw"))).evaluate(log.source());
    assertThat(result.estimates().get(0).value()).isEqualTo((1.0 / 3 / 0.5 * 1 + 0) / 2);
  }

  @Test
  void badValues_nameRowAndColumn() {
    double[] x = {0.1, 0.2};
    assertThatThrownBy(() -> ModelledLog.builder(x, 1, new int[] {0, 1}, null, new double[] {1, 0},
        new double[] {0.5, 0.0}).name("mine.csv").policy("p", softmaxPolicy(0)).build())
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("mine.csv row 2, pscore: must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> ModelledLog.builder(x, 1, new int[] {0, 3}, null, new double[] {1, 0},
        new double[] {0.5, 0.5}).policy("p", softmaxPolicy(0)).build())
        .hasMessageContaining("row 2, action");
  }

  @Test
  void policyWeightedModel_servesOnlyItsPolicy() {
    int n = 20;
    double[] x = new double[n * 2];
    int[] positions = new int[n];
    double[] pscore = new double[n];
    java.util.Arrays.fill(pscore, 1.0 / K);
    RewardData data = new RewardData(x, 2, new int[n], positions, new double[n], null, K);
    CrossFittedModel weighted = CrossFittedModel.fit(new CrossFittedModelTest.MemorisingFitter(), data,
        CrossFitting.folds(2, 1), FitWeighting.IMPORTANCE, "hot", softmaxPolicy(1), pscore);
    assertThatThrownBy(() -> ModelledLog.builder(x, 2, new int[n], positions, new double[n], pscore)
        .policy("hot", softmaxPolicy(1)).policy("cold", softmaxPolicy(0.1)).model(weighted).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one log per policy");
  }
}
