package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.data.EmbeddingTable;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every number of Open Bandit Pipeline 0.5.5's MIPS oracle (testdata/obp_mips), to 1e-12
 * relative, read through the bandit reader: the point estimates with {@code compat=obp} (its
 * product of marginals and SLOPE end rule), the bootstrap intervals with OBP's resampling over our
 * per-row terms, and the paper's joint marginal (the default) against the README's cross-check.
 */
class MipsOracleTest {

  private static final Path DIR = Path.of("..", "testdata", "obp_mips");
  private static final Map<String, String> SPECS = new LinkedHashMap<>();

  static {
    SPECS.put("mipw", "mips:compat=obp");
    SPECS.put("mipw_slope_exact", "mips:dims=slope:compat=obp");
    SPECS.put("mipw_slope_greedy", "mips:dims=slope:search=greedy:compat=obp");
    SPECS.put("mipw_slope_exact_delta0.001", "mips:dims=slope:delta=0.001:compat=obp");
    SPECS.put("mipw_slope_greedy_delta0.001", "mips:dims=slope:search=greedy:delta=0.001:compat=obp");
    SPECS.put("mipw_slope_exact_delta1e-06", "mips:dims=slope:delta=0.000001:compat=obp");
    SPECS.put("mipw_slope_greedy_delta1e-06", "mips:dims=slope:search=greedy:delta=0.000001:compat=obp");
    SPECS.put("snmipw", "snmips:compat=obp");
    SPECS.put("snmipw_slope_exact", "snmips:dims=slope:compat=obp");
    SPECS.put("snmipw_slope_greedy", "snmips:dims=slope:search=greedy:compat=obp");
    SPECS.put("ipw", "ipw");
    SPECS.put("snipw", "snipw");
    SPECS.put("dm", "dm");
    SPECS.put("dr", "dr");
  }

  private static JsonNode expected;
  private static EmbeddingTable table;

  @BeforeAll
  static void load() throws IOException {
    expected = new ObjectMapper().readTree(DIR.resolve("mips_shared_expected.json").toFile());
    table = EmbeddingTableReader.read(LogInput.of(DIR.resolve("mips_shared_p_e_a.csv").toString()));
  }

  static LogInput log() {
    return LogInput.of(DIR.resolve("mips_shared.csv.gz").toString());
  }

  static LogReadOptions options() {
    return LogReadOptions.defaults().withPolicy("e", "pi_e_")
        .withExtraColumns(ExtraColumnNames.DEFAULT.withBehaviorPrefix("pi_b_"));
  }

  private static List<Estimator> parse(String specs) {
    return Estimators.withEmbeddingTable(Estimators.parseList(specs), table);
  }

  @Test
  void everyEstimateMatchesOpenBanditPipeline() throws IOException {
    EvaluationResult result = new Evaluator(EvaluationConfig.of(parse(String.join(",", SPECS.values()))))
        .evaluate(log().open(options()));
    int checked = 0;
    for (JsonNode entry : expected.get("estimators")) {
      String spec = SPECS.get(entry.get("name").asText());
      double oracle = entry.get("estimate").asDouble();
      double ours = result.estimate("e", Estimators.parse(spec).spec()).value();
      assertThat(ours).as(spec).isCloseTo(oracle, within(1e-12 * Math.abs(oracle)));
      checked++;
    }
    assertThat(checked).isEqualTo(SPECS.size());
  }

  @Test
  void everyBootstrapIntervalMatchesOpenBanditPipelineOverOurRowTerms() throws IOException {
    int checked = 0;
    for (JsonNode entry : expected.get("estimators")) {
      JsonNode ci = entry.get("ci");
      if (ci == null) {
        continue;
      }
      Estimator estimator = parse(SPECS.get(entry.get("name").asText())).get(0);
      ObpRowValues.Terms terms = ObpRowValues.terms(log(), options(), estimator);
      double[] values = terms.x().clone();
      if (estimator.selfNormalized()) { // OBP normalises by the full sample's mean weight
        double meanWeight = ObpRowValues.mean(terms.d());
        for (int i = 0; i < values.length; i++) {
          values[i] /= meanWeight;
        }
      }
      ObpRowValues.assertBootstrapMatches(entry.get("name").asText(), values, ci);
      checked++;
    }
    assertThat(checked).isEqualTo(6);
  }

  @Test
  void theLargestWeightMatchesOpenBanditPipelines() throws IOException {
    // the self-normalised estimator's normaliser terms are the weights
    double[] weights = ObpRowValues.terms(log(), options(), parse("snmips:compat=obp").get(0)).d();
    double largest = java.util.Arrays.stream(weights).max().orElseThrow();
    for (JsonNode entry : expected.get("estimators")) {
      if (entry.has("max_w_x_e")) {
        assertThat(largest).isCloseTo(entry.get("max_w_x_e").asDouble(), within(1e-12 * largest));
      }
    }
  }

  @Test
  void thePapersJointMarginalIsTheDefaultAndDiffersFromOpenBanditPipelines() throws IOException {
    JsonNode check = expected.get("independent_crosscheck_not_obp");
    EvaluationResult result = new Evaluator(EvaluationConfig.of(parse("mips,snmips,mips:compat=obp")))
        .evaluate(log().open(options()));
    double joint = result.estimate("e", "mips").value();
    assertThat(joint).isCloseTo(check.get("mipw_joint_marginal").asDouble(), within(1e-12));
    assertThat(result.estimate("e", "snmips").value())
        .isCloseTo(check.get("snmipw_joint_marginal").asDouble(), within(1e-12));
    // With three dimensions OBP's product of marginals moves the estimate by about 0.04.
    assertThat(result.estimate("e", "mips:compat=obp").value() - joint).isGreaterThan(0.03);
    double[] jointWeights = ObpRowValues.terms(log(), options(), parse("snmips").get(0)).d();
    double[] obpWeights = ObpRowValues.terms(log(), options(), parse("snmips:compat=obp").get(0)).d();
    for (int i = 0; i < 5; i++) {
      assertThat(jointWeights[i]).isCloseTo(check.get("first_5_weights_joint").get(i).asDouble(), within(1e-12));
      assertThat(obpWeights[i]).isCloseTo(check.get("first_5_weights_obp").get(i).asDouble(), within(1e-12));
    }
    assertThat(ObpRowValues.mean(jointWeights)).isCloseTo(check.get("mean_weight_joint_marginal").asDouble(), within(1e-12));
    assertThat(ObpRowValues.mean(obpWeights)).isCloseTo(check.get("mean_weight_obp").asDouble(), within(1e-12));
  }
}
