package io.ope4j.rewardmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class CrossFittedModelTest {

  /**
   * A "model" that remembers the row ids it was fitted on (the context holds the id) and
   * predicts, for every action, 1 if it saw the row and 0 otherwise.
   */
  static final class MemorisingFitter implements RewardModelFitter {
    int fits;

    @Override
    public RewardModel fit(RewardData data) {
      fits++;
      Set<Double> seen = new HashSet<>();
      for (double id : data.contexts()) {
        seen.add(id);
      }
      int k = data.nActions();
      return new RewardModel() {
        @Override
        public int nActions() {
          return k;
        }

        @Override
        public void predict(double[] contexts, int dim, int[] positions, int rows, double[] out) {
          for (int i = 0; i < rows; i++) {
            Arrays.fill(out, i * k, i * k + k, seen.contains(contexts[i]) ? 1.0 : 0.0);
          }
        }
      };
    }

    @Override
    public String describe() {
      return "memorising";
    }
  }

  static RewardData rowIds(int n, int k) {
    double[] ids = new double[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    return new RewardData(ids, 1, new int[n], null, new double[n], null, k);
  }

  @RepeatedTest(5)
  void crossFitting_neverPredictsARowWithAModelThatSawIt(RepetitionInfo repetition) {
    long seed = 1000 + repetition.getCurrentRepetition();
    int folds = 2 + repetition.getCurrentRepetition() % 4;
    int n = 5000;
    MemorisingFitter fitter = new MemorisingFitter();
    CrossFittedModel model = CrossFittedModel.fit(fitter, rowIds(n, 3), CrossFitting.folds(folds, seed));
    assertThat(fitter.fits).isEqualTo(folds);
    double[] q = model.predictAll(rowIds(n, 3).contexts(), 1, null, n);
    assertThat(Arrays.stream(q).sum()).as("seed %d, %d folds: rows predicted by a model that saw them", seed, folds)
        .isZero();
    // ...while each fold model saw every row outside its fold.
    for (int f = 0; f < folds; f++) {
      double[] out = new double[3];
      for (int i = 0; i < n; i++) {
        model.model(f).predict(new double[] {i}, 1, null, 1, out);
        assertThat(out[0]).isEqualTo(model.crossFitting().fold(i) == f ? 0.0 : 1.0);
      }
    }
  }

  @Test
  void inSample_predictsWithTheModelFittedOnAllRows() {
    int n = 100;
    CrossFittedModel model = CrossFittedModel.fit(new MemorisingFitter(), rowIds(n, 2), CrossFitting.inSample());
    double[] q = model.predictAll(rowIds(n, 2).contexts(), 1, null, n);
    assertThat(q).containsOnly(1.0);
    assertThat(model.describe()).contains("in-sample");
  }

  @Test
  void folds_dependOnSeedAndRowOnly_notOnBatching() {
    int n = 10_000;
    CrossFittedModel model = CrossFittedModel.fit(new FoldEchoFitter(), rowIds(n, 2), CrossFitting.folds(4, 99));
    double[] all = model.predictAll(rowIds(n, 2).contexts(), 1, null, n);
    CrossFittedModel.Predictor predictor = model.predictor();
    double[] contexts = rowIds(n, 2).contexts();
    for (int batch : new int[] {1, 7, 4096, n}) {
      double[] pieces = new double[n * 2];
      for (int from = 0; from < n; from += batch) {
        int rows = Math.min(batch, n - from);
        double[] slice = Arrays.copyOfRange(contexts, from, from + rows);
        double[] out = new double[rows * 2];
        predictor.predict(slice, 1, null, from, rows, out);
        System.arraycopy(out, 0, pieces, from * 2, rows * 2);
      }
      assertThat(Arrays.equals(pieces, all)).as("batch %d", batch).isTrue();
    }
    // Same seed, same folds; about n / 4 rows per fold.
    assertThat(CrossFitting.folds(4, 99).fold(1234)).isEqualTo(model.crossFitting().fold(1234));
    assertThat(model.foldSizes(n)).allSatisfy(size -> assertThat(size).isBetween(2300, 2700));
  }

  /** Fold models that predict a number identifying themselves: their training-set size. */
  static final class FoldEchoFitter implements RewardModelFitter {
    @Override
    public RewardModel fit(RewardData data) {
      int rows = data.rows();
      return new RewardModel() {
        @Override
        public int nActions() {
          return 2;
        }

        @Override
        public void predict(double[] contexts, int dim, int[] positions, int n, double[] out) {
          for (int i = 0; i < n; i++) {
            out[2 * i] = rows;
            out[2 * i + 1] = contexts[i];
          }
        }
      };
    }

    @Override
    public String describe() {
      return "echo";
    }
  }

  @Test
  void fewerThanTwoFolds_isRejected() {
    assertThatThrownBy(() -> CrossFitting.folds(1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inSample");
  }

  @Test
  void weightedFit_describesItsWeightsAndPolicy() {
    int n = 50;
    RewardData data = rowIds(n, 2);
    double[] pscore = new double[n];
    Arrays.fill(pscore, 0.5);
    io.ope4j.policy.Policy uniform = new io.ope4j.policy.Policy() {
      @Override
      public int nActions() {
        return 2;
      }

      @Override
      public void probabilities(double[] contexts, int dim, int[] positions, int rows, double[] out) {
        Arrays.fill(out, 0, rows * 2, 0.5);
      }
    };
    CrossFittedModel model = CrossFittedModel.fit(new MemorisingFitter(), data, CrossFitting.folds(2, 5),
        FitWeighting.MRDR, "uniform", uniform, pscore);
    assertThat(model.describe()).isEqualTo("memorising, cross-fitted (2 folds, seed 5), weights mrdr for policy uniform");
    assertThat(model.weightingPolicy()).isEqualTo("uniform");
  }

  @Test
  void fitWeighting_formulas() {
    // pi = 0.25, mu = 0.5: w = 0.5.
    assertThat(FitWeighting.PLAIN.weight(0.25, 0.5)).isEqualTo(1.0);
    assertThat(FitWeighting.IMPORTANCE.weight(0.25, 0.5)).isEqualTo(0.5);
    assertThat(FitWeighting.MRDR.weight(0.25, 0.5)).isEqualTo(0.5 * 0.5 * 0.5); // w^2 (1 - mu)
    assertThat(FitWeighting.MRDR_OBP.weight(0.25, 0.5)).isEqualTo(0.25 * 0.5 / 0.25); // pi (1 - mu) / mu^2
    // Deterministic policies: the two MRDR forms agree.
    assertThat(FitWeighting.MRDR.weight(1.0, 0.2))
        .isCloseTo(FitWeighting.MRDR_OBP.weight(1.0, 0.2), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(FitWeighting.parse("MRDR")).isEqualTo(FitWeighting.MRDR);
    assertThatThrownBy(() -> FitWeighting.parse("dr")).hasMessageContaining("plain, iw, mrdr");
  }
}
