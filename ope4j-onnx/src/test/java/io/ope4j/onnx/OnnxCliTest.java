package io.ope4j.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.cli.Ope4j;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with this module on the class path: ONNX policies in specs. */
class OnnxCliTest {

  private static final String DATA = Path.of("..", "data", "obd").toString();

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ope4j.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void onnxPolicy_givesTheSameEstimatesAsTheSameLinearSoftmaxSpec() throws IOException {
    Path model = OnnxScoringModelTest.FIXTURES.resolve("obd_men_softmax_d21_k34.onnx").toAbsolutePath();
    StringBuilder weights = new StringBuilder("[");
    StringBuilder bias = new StringBuilder("[");
    for (int a = 0; a < 34; a++) {
      weights.append(a == 0 ? "[" : ",[");
      for (int j = 0; j < 21; j++) {
        weights.append(j == 0 ? "" : ",").append(0.05 * (a - j));
      }
      weights.append("]");
      bias.append(a == 0 ? "" : ",").append(a / 10.0);
    }
    Path spec = dir.resolve("policies.json");
    Files.writeString(spec, "[{\"name\": \"net\", \"type\": \"onnx\", \"model\": \"" + model + "\","
        + " \"output\": \"probabilities\"},"
        + " {\"name\": \"net-greedy\", \"type\": \"onnx\", \"model\": \"" + model + "\", \"output\": \"scores\","
        + " \"rule\": \"argmax\"},"
        + " {\"name\": \"linear\", \"type\": \"softmax\", \"weights\": " + weights + "], \"bias\": " + bias + "]}]");
    Run run = run("obd", "--data-dir", DATA, "--n-sim", "10000", "--policy-spec", spec.toString(),
        "--estimators", "ipw,snipw", "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode estimates = new ObjectMapper().readTree(run.out()).get("estimates");
    double net = value(estimates, "net", "ipw");
    double linear = value(estimates, "linear", "ipw");
    assertThat(net).isCloseTo(linear, within(1e-5 * Math.abs(linear)));
    assertThat(value(estimates, "net-greedy", "snipw")).isFinite();
  }

  private static double value(JsonNode estimates, String policy, String estimator) {
    for (JsonNode e : estimates) {
      if (e.get("policy").asText().equals(policy) && e.get("estimator").asText().equals(estimator)) {
        return e.get("value").asDouble();
      }
    }
    throw new AssertionError("no " + policy + "/" + estimator);
  }

  @Test
  void onnxInputSizeMismatch_exitsTwoWithOneMessage() throws IOException {
    Path model = OnnxScoringModelTest.FIXTURES.resolve("linear_scores_d3_k4.onnx").toAbsolutePath();
    Path spec = dir.resolve("small.json");
    Files.writeString(spec, "{\"type\": \"onnx\", \"model\": \"" + model + "\", \"output\": \"scores\"}");
    Run run = run("obd", "--data-dir", DATA, "--n-sim", "1000", "--policy-spec", spec.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ope4j: error: " + spec)
        .contains("input has shape [rows, 3], the log has 21 context columns");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void badOutputChoice_andScoresAsProbabilities_exitTwo() throws IOException {
    Path model = OnnxScoringModelTest.FIXTURES.resolve("obd_men_softmax_d21_k34.onnx").toAbsolutePath();
    Path spec = dir.resolve("bad.json");
    Files.writeString(spec, "{\"type\": \"onnx\", \"model\": \"" + model + "\", \"output\": \"logits\"}");
    Run run = run("obd", "--data-dir", DATA, "--n-sim", "1000", "--policy-spec", spec.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("\"output\" must be \"probabilities\" or \"scores\"");
    Path missing = dir.resolve("missing.json");
    Files.writeString(missing, "{\"type\": \"onnx\", \"model\": \"nosuch.onnx\", \"output\": \"scores\"}");
    Run none = run("obd", "--data-dir", DATA, "--n-sim", "1000", "--policy-spec", missing.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no such file").contains("nosuch.onnx");
  }
}
