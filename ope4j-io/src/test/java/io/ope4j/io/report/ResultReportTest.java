package io.ope4j.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.data.ColumnarLog;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResultReportTest {

  private static EvaluationResult result;

  @BeforeAll
  static void evaluate() throws IOException {
    int n = 400;
    int[] actions = new int[n];
    double[] rewards = new double[n];
    double[] pscores = new double[n];
    double[] pi = new double[n];
    for (int i = 0; i < n; i++) {
      actions[i] = i % 2;
      rewards[i] = (i % 3 == 0) ? 1 : 0;
      pscores[i] = 0.5;
      pi[i] = actions[i] == 0 ? 0.8 : 0.2;
    }
    ColumnarLog log = ColumnarLog.builder(actions, rewards, pscores).nActions(2).policy("greedy", pi).build();
    EvaluationConfig config = EvaluationConfig.of(List.of(Estimators.ipw(), Estimators.snipw()))
        .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(50, 7).withThreads(1);
    result = new Evaluator(config).evaluate(log.source());
  }

  @Test
  void resultJsonIsTheReportsJson_asStringAndThroughAWriter() throws IOException {
    String json = ResultJson.toString(result);
    assertThat(json).isEqualTo(ResultReport.of(result).toString("json"));
    StringWriter out = new StringWriter();
    ResultJson.write(result, out);
    assertThat(out.toString()).isEqualTo(json);
  }

  @Test
  void jsonHasTheFormatsKeysInOrder_withTheConfigTheResultCarries() throws IOException {
    JsonNode root = new ObjectMapper().readTree(ResultJson.toString(result));
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("n_rounds", "estimates", "policies", "warnings");
    JsonNode ipw = root.get("estimates").get(0);
    List<String> estimateKeys = new ArrayList<>();
    ipw.fieldNames().forEachRemaining(estimateKeys::add);
    assertThat(estimateKeys).containsExactly("policy", "estimator", "value", "stderr", "ci_lower", "ci_upper",
        "ci_level", "ci_method", "ci_reward_range", "ci_reward_range_source", "ci_replicates", "ci_seed",
        "altered_rows", "diagnostics");
    // The log's rewards are all 0 or 1: the bootstrap interval carries the Wilson floor.
    assertThat(ipw.get("ci_method").asText()).isEqualTo("bootstrap+wilson");
    assertThat(ipw.get("ci_reward_range_source").asText()).isEqualTo("binary");
    assertThat(ipw.get("ci_seed").asLong()).isEqualTo(7);
    assertThat(ipw.get("ci_replicates").asInt()).isEqualTo(50);
    assertThat(ipw.get("value").asDouble()).isEqualTo(result.estimate("greedy", "ipw").value());
    List<String> contract = new ArrayList<>();
    ipw.get("diagnostics").fieldNames().forEachRemaining(contract::add);
    assertThat(contract).containsExactly("ess", "mean_weight", "max_weight");
    JsonNode policy = root.get("policies").get("greedy").get("diagnostics");
    assertThat(policy.get("max_weight")).isEqualTo(ipw.get("diagnostics").get("max_weight"));
    assertThat(policy.has("weight_quantiles") && policy.has("min_weight") && policy.has("zero_probability_share"))
        .isTrue();
  }

  @Test
  void truthsAddTrueValueAndRelativeError() throws IOException {
    double truth = 0.4;
    JsonNode ipw = new ObjectMapper().readTree(ResultJson.toString(result, Map.of("greedy", truth)))
        .get("estimates").get(0);
    assertThat(ipw.get("true_value").asDouble()).isEqualTo(truth);
    var interval = result.estimate("greedy", "ipw").interval();
    assertThat(ipw.get("covers_truth").asBoolean()).isEqualTo(interval.covers(truth));
    assertThat(ipw.get("relative_error").asDouble())
        .isEqualTo(Math.abs(result.estimate("greedy", "ipw").value() - truth) / truth);
  }

  @Test
  void aboutGoesBeforeNRounds_andThePreambleOnlyIntoTheTable() throws IOException {
    ResultReport report = ResultReport.of(result).withAbout(Map.of("dataset", Map.of("name", "toy")))
        .withPreamble(List.of("A toy log."));
    assertThat(report.toString("json")).startsWith("{\n  \"dataset\" : {\n    \"name\" : \"toy\"\n  },\n  \"n_rounds\"")
        .doesNotContain("A toy log.");
    assertThat(report.toString("table")).startsWith("A toy log.\n\n400 logged rounds");
    assertThat(report.toString("CSV")).startsWith("policy,estimator,value,stderr,ci_lower,ci_upper");
  }

  @Test
  void aResultWithoutConfig_andAnUnknownFormat_areRefused() {
    EvaluationResult bare = new EvaluationResult(result.rows(), result.estimates(), result.diagnostics(),
        result.warnings());
    assertThatThrownBy(() -> ResultJson.toString(bare)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("withConfig");
    assertThat(ResultJson.toString(bare.withConfig(result.config()))).isEqualTo(ResultJson.toString(result));
    assertThatThrownBy(() -> ResultReport.of(result).toString("xml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--format must be table, json or csv, got 'xml'");
  }
}
