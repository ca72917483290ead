package io.ope4j.sequential.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.io.LogInput;
import io.ope4j.io.TrajectoryLogReader;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.selection.ScopeRlCompatibility;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity with SCOPE-RL's {@code CumulativeDistributionOPE} (testdata/scope_rl_distribution, see its
 * README): for the ten policies, both runs (rewards as logged, and with SCOPE-RL's masking of the
 * reward at the done step) and the five estimators, the mean, variance, CVaR(0.1) and the
 * quantiles at 0.05 / 0.5 / 0.95 to 1e-12 relative, and the risk functions of SCOPE-RL's on-policy
 * CDF (a histogram of the on-policy returns that leaves out those outside the grid, its quantiles
 * read one point early).
 */
class ScopeRlDistributionOracleTest {

  private static final Path SEQUENTIAL = Path.of("..", "testdata", "scope_rl_sequential");
  private static final Path DIR = Path.of("..", "testdata", "scope_rl_distribution");
  private static final double TOLERANCE = 1e-12;
  private static final String[] KEYS = {"cdf_dm", "cdf_tis", "cdf_tdr", "cdf_sntis", "cdf_sntdr"};
  private static final DistributionEstimator[] ESTIMATORS = {DistributionEstimator.CD_DM,
      DistributionEstimator.CD_TIS, DistributionEstimator.CD_TDR, DistributionEstimator.CD_SNTIS,
      DistributionEstimator.CD_SNTDR};
  private static JsonNode runs;
  private static Map<String, double[]> onPolicyReturns;

  @TempDir static Path temp;

  @BeforeAll
  static void load() throws IOException {
    runs = new ObjectMapper().readTree(DIR.resolve("expected_ope_meta_classes.json").toFile())
        .get("runs");
    onPolicyReturns = new LinkedHashMap<>();
    Map<String, List<Double>> byPolicy = new LinkedHashMap<>();
    for (String[] row : csv(DIR.resolve("on_policy_returns.csv.gz"))) {
      byPolicy.computeIfAbsent(row[0], k -> new ArrayList<>()).add(Double.parseDouble(row[2]));
    }
    byPolicy.forEach((policy, values) ->
        onPolicyReturns.put(policy, values.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  @Test
  void rewardsAsLogged_matchScopeRl() throws IOException {
    check("CumulativeDistributionOPE_default_reward_scale_disable_reward_after_done=False",
        SEQUENTIAL.resolve("dataset.csv.gz"));
  }

  @Test
  void rewardsMaskedAtDone_matchScopeRl() throws IOException {
    // SCOPE-RL's meta class multiplies rewards by the running product of (1 - done): other data
    // through the same code
    check("CumulativeDistributionOPE_default_reward_scale_disable_reward_after_done=True",
        maskedCopy(SEQUENTIAL.resolve("dataset.csv.gz")));
  }

  private static void check(String run, Path data) throws IOException {
    JsonNode expected = runs.get(run);
    DistributionConfig config = DistributionConfig.of(List.of(ESTIMATORS), 0.95)
        .withCompatibility(ScopeRlCompatibility.SCOPE_RL)
        .withGrid(null, DistributionConfig.GridRule.DISTINCT_SUMS)
        .withRisk(new double[] {0.1}, 0.05);
    DistributionResult result = DistributionEvaluator.evaluate(opener(data), config);
    double[] scale = numbers(expected.get("reward_scale"));
    // numpy sums each episode's rewards pairwise: the same grid up to the last bit
    assertThat(result.grid().size()).isEqualTo(scale.length);
    for (int j = 0; j < scale.length; j++) {
      close(result.grid().point(j), scale[j], "reward scale point " + j);
    }
    int checked = 0;
    for (int k = 0; k < 10; k++) {
      String policy = "pi_e" + k;
      for (int e = 0; e < ESTIMATORS.length; e++) {
        RiskSummary risk = result.get(policy, ESTIMATORS[e]).risk();
        checkRisk(expected, policy, KEYS[e], risk);
        checked++;
      }
      double[] onPolicy = ScopeRlCdf.histogramWithinGrid(result.grid(), onPolicyReturns.get(policy));
      RiskSummary moments = RiskFunctions.scopeRl(result.grid(), onPolicy, new double[] {0.1}, 0.05);
      // SCOPE-RL reads the on-policy quantiles off the CDF without its leading 0 (one point early)
      double[] withoutLeadingZero = java.util.Arrays.copyOfRange(onPolicy, 1, onPolicy.length + 1);
      withoutLeadingZero[onPolicy.length - 1] = onPolicy[onPolicy.length - 1];
      RiskSummary quantiles =
          RiskFunctions.scopeRl(result.grid(), withoutLeadingZero, new double[] {0.1}, 0.05);
      checkRisk(expected, policy, "on_policy", new RiskSummary(moments.mean(), moments.variance(),
          moments.cvarAlphas(), moments.cvar(), 0.05, quantiles.median(),
          quantiles.lowerQuantile(), quantiles.upperQuantile()));
    }
    assertThat(checked).isEqualTo(50);
  }

  private static void checkRisk(JsonNode expected, String policy, String key, RiskSummary risk) {
    String label = policy + " " + key;
    close(risk.mean(), expected.get("estimate_mean").get(policy).get(key).asDouble(), label + " mean");
    close(risk.variance(), expected.get("estimate_variance").get(policy).get(key).asDouble(),
        label + " variance");
    close(risk.cvar()[0], expected.get("estimate_conditional_value_at_risk_alpha0.1").get(policy)
        .get(key).get(0).asDouble(), label + " cvar");
    JsonNode range = expected.get("estimate_interquartile_range_alpha0.05").get(policy).get(key);
    close(risk.median(), range.get("median").asDouble(), label + " median");
    close(risk.lowerQuantile(), range.get("95.0% quartile (lower)").asDouble(), label + " lower");
    close(risk.upperQuantile(), range.get("95.0% quartile (upper)").asDouble(), label + " upper");
  }

  private static io.ope4j.sequential.EpisodeSource.Opener opener(Path data) {
    Map<String, String> policies = new LinkedHashMap<>();
    for (int k = 0; k < 10; k++) {
      policies.put("pi_e" + k, "pi_e" + k + "_prob_a");
    }
    TrajectoryReadOptions options =
        TrajectoryReadOptions.defaults().withPolicies(policies).withModelPrefix("q_hat_a");
    LogInput input = LogInput.of(data.toString());
    return () -> TrajectoryLogReader.open(input, options);
  }

  /** The log with each reward multiplied by the running product of (1 - done) of its episode. */
  private static Path maskedCopy(Path data) throws IOException {
    List<String[]> rows = csv(data);
    String[] header = rows.get(0);
    int episode = List.of(header).indexOf("episode");
    int reward = List.of(header).indexOf("reward");
    int done = List.of(header).indexOf("done");
    Path masked = temp.resolve("masked.csv.gz");
    try (OutputStream file = Files.newOutputStream(masked);
        PrintWriter out = new PrintWriter(new GZIPOutputStream(file), false, StandardCharsets.UTF_8)) {
      out.println(String.join(",", header));
      String current = null;
      boolean ended = false;
      for (String[] row : rows.subList(1, rows.size())) {
        if (!row[episode].equals(current)) {
          current = row[episode];
          ended = false;
        }
        ended |= Double.parseDouble(row[done]) != 0;
        if (ended) {
          row[reward] = "0.0";
        }
        out.println(String.join(",", row));
      }
    }
    return masked;
  }

  /** Every row of a gzip CSV (the header first for the dataset; without it for the returns). */
  private static List<String[]> csv(Path path) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
      String line = in.readLine();
      if (!path.getFileName().toString().startsWith("on_policy")) {
        rows.add(line.split(","));
      }
      while ((line = in.readLine()) != null) {
        rows.add(line.split(","));
      }
    }
    return rows;
  }

  private static double[] numbers(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  private static void close(double actual, double expected, String label) {
    assertThat(actual).as(label)
        .isCloseTo(expected, within(TOLERANCE * Math.max(1.0, Math.abs(expected))));
  }
}
