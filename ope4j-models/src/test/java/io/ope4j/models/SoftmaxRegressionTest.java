package io.ope4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModel;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

  /** Rows whose class follows a softmax of known linear scores. */
  record Labelled(double[] x, int dim, int[] labels, double[] truth, int classes) {
    static Labelled of(long seed, int n, int dim, int classes) {
      SplittableRandom random = new SplittableRandom(seed);
      double[] x = new double[n * dim];
      int[] labels = new int[n];
      double[] truth = new double[n * classes];
      double[] eta = new double[classes];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < dim; j++) {
          x[i * dim + j] = random.nextGaussian();
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
          eta[k] = 0.2 * k;
          for (int j = 0; j < dim; j++) {
            eta[k] += ((k + j) % 3 - 1) * 0.8 * x[i * dim + j];
          }
          sum += Math.exp(eta[k]);
        }
        double u = random.nextDouble() * sum;
        int label = classes - 1;
        for (int k = 0; k < classes; k++) {
          truth[i * classes + k] = Math.exp(eta[k]) / sum;
          u -= Math.exp(eta[k]);
          if (u < 0 && label == classes - 1) {
            label = k;
          }
        }
        labels[i] = label;
      }
      return new Labelled(x, dim, labels, truth, classes);
    }
  }

  @Test
  void twoClasses_equalBinaryLogisticWithDoubledC() {
    // With both weight vectors penalised, the optimum has w_1 = -w_0 = w / 2, so the penalty is
    // ||w||^2 / (4C): binary logistic regression with C' = 2C (fitted by the Newton solver).
    Labelled data = Labelled.of(1, 500, 3, 2);
    SoftmaxRegression.Fitted softmax = SoftmaxRegression.withC(0.5).tolerance(1e-12).fit(data.x(), 3, data.labels(),
        null, 2);
    double[] rewards = Arrays.stream(data.labels()).asDoubleStream().toArray();
    RewardModel logistic = LogisticRegression.withC(1.0).features(RewardFeatures.defaults().perActionModels())
        .fit(new RewardData(data.x(), 3, new int[500], null, rewards, null, 1));
    double[] p = new double[500 * 2];
    double[] q = new double[500];
    softmax.probabilities(data.x(), 3, null, 500, p);
    logistic.predict(data.x(), 3, null, 500, q);
    for (int i = 0; i < 500; i++) {
      assertThat(p[2 * i + 1]).isCloseTo(q[i], within(1e-9));
    }
  }

  @Test
  void fit_satisfiesStationarity() {
    Labelled data = Labelled.of(2, 2000, 4, 5);
    double c = 3.0;
    SoftmaxRegression.Fitted model = SoftmaxRegression.withC(c).tolerance(1e-12).fit(data.x(), 4, data.labels(), null, 5);
    double[] p = new double[2000 * 5];
    model.probabilities(data.x(), 4, null, 2000, p);
    double[] beta = model.coefficients();
    double[] gradient = new double[beta.length];
    for (int i = 0; i < 2000; i++) {
      for (int k = 0; k < 5; k++) {
        double residual = p[i * 5 + k] - (data.labels()[i] == k ? 1 : 0);
        gradient[k * 5] += residual;
        for (int j = 0; j < 4; j++) {
          gradient[k * 5 + 1 + j] += residual * data.x()[i * 4 + j];
        }
      }
    }
    for (int k = 0; k < 5; k++) {
      for (int j = 1; j <= 4; j++) {
        gradient[k * 5 + j] += beta[k * 5 + j] / c;
      }
    }
    assertThat(gradient).containsExactly(new double[gradient.length], within(1e-7));
  }

  @Test
  void fit_sameBitsOnAnyNumberOfThreads() {
    Labelled data = Labelled.of(3, 10_000, 3, 4);
    double[] one = SoftmaxRegression.withC(1).threads(1).fit(data.x(), 3, data.labels(), null, 4).coefficients();
    double[] two = SoftmaxRegression.withC(1).threads(2).fit(data.x(), 3, data.labels(), null, 4).coefficients();
    assertThat(Arrays.equals(one, two)).isTrue();
  }

  @Test
  void propensities_crossFitted_recoverTheBehaviourPolicy() {
    Labelled data = Labelled.of(4, 6000, 3, 4);
    PropensityEstimator.Estimated estimated = PropensityEstimator.crossFitted(SoftmaxRegression.withC(10),
        data.x(), 3, data.labels(), 4, CrossFitting.folds(3, 8));
    double error = 0;
    for (int i = 0; i < 6000; i++) {
      error += Math.abs(estimated.pscore()[i] - data.truth()[i * 4 + data.labels()[i]]);
    }
    assertThat(error / 6000).isLessThan(0.03);
    assertThat(estimated.description()).isEqualTo("softmax(C=10) of the action on the z-scored context, cross-fitted (3 folds, seed 8)");
    assertThat(estimated.smallest()).isPositive();
  }

  @Test
  void labelOutOfRange_isRejected() {
    assertThatThrownBy(() -> SoftmaxRegression.withC(1).fit(new double[] {0, 1}, 1, new int[] {0, 3}, null, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2");
  }
}
