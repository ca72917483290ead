package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every number of Open Bandit Pipeline 0.5.5's multiple-logger oracle (testdata/obp_multi), to
 * 1e-12 relative, read through the bandit reader with the {@code stratum} column as the logger:
 * the point estimates of the naive, balanced and weighted IPW and DR, clipped and not, and the
 * bootstrap intervals with OBP's resampling over our per-row values.
 */
class MultiLoggerOracleTest {

  private static final Path DIR = Path.of("..", "testdata", "obp_multi");
  private static final Map<String, String> SPECS = new LinkedHashMap<>();

  static {
    String[][] names = {{"naive_ipw", "ipw"}, {"balanced_ipw", "ipw-balanced"}, {"weighted_ipw", "ipw-weighted"},
        {"naive_dr", "dr"}, {"balanced_dr", "dr-balanced"}, {"weighted_dr", "dr-weighted"}};
    for (String[] name : names) {
      SPECS.put(name[0], name[1]);
      SPECS.put(name[0] + "_clip2", name[1] + ":clip=2");
    }
  }

  private static JsonNode expected;

  @BeforeAll
  static void load() throws IOException {
    expected = new ObjectMapper().readTree(DIR.resolve("multi_shared_expected.json").toFile());
  }

  private static LogInput log() {
    return LogInput.of(DIR.resolve("multi_shared.csv.gz").toString());
  }

  private static LogReadOptions options() {
    return LogReadOptions.defaults().withPolicy("e", "pi_e_")
        .withExtraColumns(ExtraColumnNames.DEFAULT.withLogger("stratum"));
  }

  @Test
  void everyPointEstimateMatchesOpenBanditPipeline() throws IOException {
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList(String.join(",", SPECS.values()))))
        .evaluate(log().open(options()));
    int checked = 0;
    for (JsonNode entry : expected.get("estimators")) {
      String spec = SPECS.get(entry.get("name").asText());
      double oracle = entry.get("estimate").asDouble();
      assertThat(result.estimate("e", spec).value()).as(spec).isCloseTo(oracle, within(1e-12 * Math.abs(oracle)));
      checked++;
    }
    assertThat(checked).isEqualTo(12);
  }

  @Test
  void everyBootstrapIntervalMatchesOpenBanditPipelineOverOurRowValues() throws IOException {
    int checked = 0;
    for (JsonNode entry : expected.get("estimators")) {
      JsonNode ci = entry.get("ci");
      if (ci == null) {
        continue;
      }
      Estimator estimator = Estimators.parse(SPECS.get(entry.get("name").asText()));
      ObpRowValues.Terms terms = ObpRowValues.terms(log(), options(), estimator);
      double[] values = estimator.stratified() ? precisionWeighted(terms) : terms.x();
      ObpRowValues.assertBootstrapMatches(entry.get("name").asText(), values, ci);
      checked++;
    }
    assertThat(checked).isEqualTo(6);
  }

  /**
   * The per-row values {@code y + c_k x}, with the precision factors computed here independently
   * of the engine: two-pass variances of {@code y + x} within each logger.
   */
  private static double[] precisionWeighted(ObpRowValues.Terms terms) {
    int loggers = 0;
    for (int k : terms.logger()) {
      loggers = Math.max(loggers, k + 1);
    }
    int n = terms.x().length;
    double[] count = new double[loggers];
    double[] mean = new double[loggers];
    for (int i = 0; i < n; i++) {
      count[terms.logger()[i]]++;
      mean[terms.logger()[i]] += terms.y()[i] + terms.x()[i];
    }
    double[] variance = new double[loggers];
    for (int i = 0; i < n; i++) {
      int k = terms.logger()[i];
      double deviation = terms.y()[i] + terms.x()[i] - mean[k] / count[k];
      variance[k] += deviation * deviation / count[k];
    }
    double precision = 0;
    for (int k = 0; k < loggers; k++) {
      precision += count[k] / variance[k];
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      int k = terms.logger()[i];
      values[i] = terms.y()[i] + terms.x()[i] * n / (variance[k] * precision);
    }
    return values;
  }
}
