package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.sequential.EpisodeSource;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimate;
import io.ope4j.sequential.SequentialEstimator;
import io.ope4j.sequential.SequentialEvaluator;
import io.ope4j.sequential.SequentialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity with SCOPE-RL's basic estimators on testdata/scope_rl_sequential (see its README):
 * every point estimate to 1e-12 relative with ope4j's definitions, and every interval with the
 * SCOPE-RL compatibility switch.
 */
class ScopeRlTrajectoryOracleTest {

  private static final Path DIR = Path.of("..", "testdata", "scope_rl_sequential");
  private static final double TOLERANCE = 1e-12;
  private static final List<SequentialEstimator> ALL = List.copyOf(
      java.util.EnumSet.range(SequentialEstimator.DM, SequentialEstimator.SNDR));
  private static JsonNode oracle;
  private static EpisodeSource.Opener opener;

  @BeforeAll
  static void load() throws IOException {
    oracle = new ObjectMapper().readTree(DIR.resolve("expected_basic_estimators.json").toFile());
    Map<String, String> policies = new LinkedHashMap<>();
    for (int k = 0; k < 10; k++) {
      policies.put("pi_e" + k, "pi_e" + k + "_prob_a");
    }
    TrajectoryReadOptions options =
        TrajectoryReadOptions.defaults().withPolicies(policies).withModelPrefix("q_hat_a");
    LogInput input = LogInput.of(DIR.resolve("dataset.csv.gz").toString());
    opener = () -> TrajectoryLogReader.open(input, options);
  }

  private static SequentialResult run(IntervalMethod method, double level, int replicates,
      ScopeRlCompatibility compatibility) throws IOException {
    SequentialConfig config = SequentialConfig.of(ALL, 0.95)
        .withInterval(method, replicates, 12345).withLevel(level).withCompatibility(compatibility);
    return SequentialEvaluator.evaluate(opener, config);
  }

  @Test
  void pointEstimates_matchScopeRl() throws IOException {
    SequentialResult result = run(IntervalMethod.T, 0.95, 2, ScopeRlCompatibility.NONE);
    assertThat(result.episodes()).isEqualTo(200);
    for (SequentialEstimate estimate : result.estimates()) {
      double expected = node(estimate).get("policy_value").asDouble();
      assertThat(estimate.value()).as(estimate.policy() + " " + estimate.estimator())
          .isCloseTo(expected, within(TOLERANCE * Math.abs(expected)));
    }
  }

  @Test
  void scopeRlIntervals_matchScopeRl() throws IOException {
    check(IntervalMethod.T, 0.95, "ttest_alpha0.05", 2);
    check(IntervalMethod.T, 0.9, "ttest_alpha0.1", 2);
    check(IntervalMethod.HOEFFDING, 0.95, "hoeffding_alpha0.05", 2);
    check(IntervalMethod.HOEFFDING, 0.9, "hoeffding_alpha0.1", 2);
    check(IntervalMethod.BERNSTEIN, 0.95, "bernstein_alpha0.05", 2);
    check(IntervalMethod.BERNSTEIN, 0.9, "bernstein_alpha0.1", 2);
    check(IntervalMethod.BOOTSTRAP, 0.9, "bootstrap_alpha0.1_n1000_seed12345", 1000);
    check(IntervalMethod.BOOTSTRAP, 0.95, "bootstrap_alpha0.05_n10000_seed12345", 10000);
  }

  private static void check(IntervalMethod method, double level, String setting, int replicates)
      throws IOException {
    SequentialResult result = run(method, level, replicates, ScopeRlCompatibility.SCOPE_RL);
    String percent = (100 * level) + "% CI";
    for (SequentialEstimate estimate : result.estimates()) {
      JsonNode expected = node(estimate).get("intervals").get(setting);
      Interval interval = estimate.interval();
      String label = estimate.policy() + " " + estimate.estimator() + " " + setting;
      assertClose(interval.lower(), expected.get(percent + " (lower)").asDouble(), label);
      assertClose(interval.upper(), expected.get(percent + " (upper)").asDouble(), label);
    }
  }

  @Test
  void twoSidedT_isWiderThanScopeRlsOneSided() throws IOException {
    SequentialResult ours = run(IntervalMethod.T, 0.95, 2, ScopeRlCompatibility.NONE);
    SequentialEstimate dr = ours.get("pi_e0", SequentialEstimator.DR);
    JsonNode scope = oracle.get("policies").get("pi_e0").get("dr").get("intervals")
        .get("ttest_alpha0.05");
    // t_{0.975,199} = 1.971956544... against SCOPE-RL's t_{0.95,199} = 1.652546746...
    double scopeHalf = (scope.get("95.0% CI (upper)").asDouble()
        - scope.get("95.0% CI (lower)").asDouble()) / 2;
    double ourHalf = (dr.interval().upper() - dr.interval().lower()) / 2;
    assertThat(ourHalf / scopeHalf)
        .isCloseTo(1.9719565442493954 / 1.652546746165939, within(1e-9));
  }

  @Test
  void mt19937IndexDraws_matchNumpy() throws IOException {
    JsonNode debug = new ObjectMapper().readTree(DIR.resolve("bootstrap_debug.json").toFile());
    io.ope4j.internal.stats.Mt19937 random = new io.ope4j.internal.stats.Mt19937(12345);
    for (JsonNode draw : debug.get("first_two_index_draws")) {
      int[] drawn = new int[200];
      for (int i = 0; i < drawn.length; i++) {
        drawn[i] = random.nextIndex(200);
      }
      int[] expected = new int[draw.size()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = draw.get(i).asInt();
      }
      assertThat(drawn).isEqualTo(expected);
    }
  }

  private static JsonNode node(SequentialEstimate estimate) {
    return oracle.get("policies").get(estimate.policy()).get(estimate.estimator().id());
  }

  private static void assertClose(double actual, double expected, String label) {
    assertThat(actual).as(label)
        .isCloseTo(expected, within(TOLERANCE * Math.max(1.0, Math.abs(expected))));
  }
}
