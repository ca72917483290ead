package io.ope4j.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.policy.ActionRule;
import io.ope4j.policy.LinearScoringModel;
import io.ope4j.policy.ScoredPolicy;
import io.ope4j.policy.ScoringModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxScoringModelTest {

  static final Path FIXTURES = Path.of("src", "test", "resources", "onnx");

  /** float32 arithmetic in the model: scores of size ~10 carry errors of ~1e-6. */
  private static final double FLOAT_TOLERANCE = 1e-5;

  @TempDir Path dir;

  /** The fixtures' weights (README.md): w[a][j] = scale (a - j), bias[a] = a / 10. */
  static LinearScoringModel sameLinearModel(int d, int k, double scale) {
    double[][] weights = new double[k][d];
    double[] bias = new double[k];
    for (int a = 0; a < k; a++) {
      for (int j = 0; j < d; j++) {
        weights[a][j] = scale * (a - j);
      }
      bias[a] = a / 10.0;
    }
    return LinearScoringModel.of(weights, bias);
  }

  @Test
  void scores_matchTheLinearLayerComputedInJava() throws Exception {
    double[] contexts = {1, 2, 3, -0.5, 0, 4};
    double[] expected = new double[8];
    sameLinearModel(3, 4, 0.5).scores(contexts, 2, expected);
    // Row 0, action 0: 0.5 * (0*1 - 1*2 - 2*3) + 0 = -4 (by hand).
    assertThat(expected[0]).isEqualTo(-4.0);
    try (OnnxScoringModel model = OnnxScoringModel.load(FIXTURES.resolve("linear_scores_d3_k4.onnx"), 3, 4)) {
      double[] out = new double[8];
      model.scores(contexts, 2, out);
      assertThat(out).containsExactly(expected, within(FLOAT_TOLERANCE));
      assertThat(model.describe()).isEqualTo("onnx(linear_scores_d3_k4.onnx, d=3, K=4)");
    }
  }

  @Test
  void probabilities_matchTheSoftmaxOfTheSameScores() throws Exception {
    double[] contexts = {1, 2, 3, -0.5, 0, 4, 0, 0, 0};
    double[] expected = new double[12];
    ScoredPolicy.of(sameLinearModel(3, 4, 0.5), ActionRule.softmax(1.0)).probabilities(contexts, 3, null, 3, expected);
    try (OnnxScoringModel model = OnnxScoringModel.load(FIXTURES.resolve("softmax_d3_k4.onnx"), 3, 4)) {
      double[] out = new double[12];
      ScoredPolicy.of(model, ActionRule.probabilities()).probabilities(contexts, 3, null, 3, out);
      assertThat(out).containsExactly(expected, within(FLOAT_TOLERANCE));
    }
  }

  @Test
  void manyRows_inOneCall() throws Exception {
    int rows = 5000;
    double[] contexts = new double[rows * 3];
    for (int i = 0; i < contexts.length; i++) {
      contexts[i] = (i % 7) / 7.0;
    }
    double[] expected = new double[rows * 4];
    sameLinearModel(3, 4, 0.5).scores(contexts, rows, expected);
    try (OnnxScoringModel model = OnnxScoringModel.load(FIXTURES.resolve("linear_scores_d3_k4.onnx"), 3, 4)) {
      double[] out = new double[rows * 4];
      model.scores(contexts, rows, out);
      assertThat(out).containsExactly(expected, within(FLOAT_TOLERANCE));
    }
  }

  @Test
  void inputSizeMismatch_namesBothSizes() {
    assertThatThrownBy(() -> OnnxScoringModel.load(FIXTURES.resolve("linear_scores_d3_k4.onnx"), 21, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input has shape [rows, 3], the log has 21 context columns");
  }

  @Test
  void outputSizeMismatch_namesBothSizes() {
    assertThatThrownBy(() -> OnnxScoringModel.load(FIXTURES.resolve("linear_scores_d3_k4.onnx"), 3, 34))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("output has shape [rows, 4], the log has 34 actions");
  }

  @Test
  void notAModel_andMissingFile_areClearErrors() throws IOException {
    Path garbage = dir.resolve("garbage.onnx");
    Files.writeString(garbage, "not a model");
    assertThatThrownBy(() -> OnnxScoringModel.load(garbage, 3, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ONNX Runtime cannot load the model");
    assertThatThrownBy(() -> OnnxScoringModel.load(dir.resolve("none.onnx"), 3, 4))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void serviceLoader_findsTheOnnxLoader() {
    assertThat(ServiceLoader.load(ScoringModelLoader.class).stream().map(p -> p.get().format()))
        .contains("onnx");
  }
}
