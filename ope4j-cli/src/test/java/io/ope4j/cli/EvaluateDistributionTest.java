package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ope4j evaluate --distribution}: SCOPE-RL's numbers end to end, the outputs, bad input. */
class EvaluateDistributionTest {

  private static final String SCOPE_RL = Path.of("..", "testdata", "scope_rl_sequential",
      "dataset.csv.gz").toString();

  @TempDir Path dir;

  private static CliRun scopeRl(String... more) {
    String[] base = {"evaluate", "--data", SCOPE_RL, "--gamma", "0.95", "--policy",
        "pi_e3=pi_e3_prob_a", "--q-prefix", "q_hat_a", "--distribution"};
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(base));
    args.addAll(java.util.List.of(more));
    return CliRun.of(args.toArray(new String[0]));
  }

  @Test
  void scopeRlMode_givesScopeRlsRiskFunctions() throws IOException {
    CliRun run = scopeRl("--scope-rl-compat", "scope-rl", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("schema").asText()).isEqualTo("trajectory-distribution");
    assertThat(root.get("grid_rule").asText()).isEqualTo("distinct-sums");
    assertThat(root.get("grid")).hasSize(200);
    JsonNode expected = new ObjectMapper().readTree(Path.of("..", "testdata",
        "scope_rl_distribution", "expected_ope_meta_classes.json").toFile()).get("runs")
        .get("CumulativeDistributionOPE_default_reward_scale_disable_reward_after_done=False");
    assertThat(root.get("distributions")).hasSize(5);
    for (JsonNode d : root.get("distributions")) {
      String key = d.get("estimator").asText().replace("cd-", "cdf_");
      double mean = expected.get("estimate_mean").get("pi_e3").get(key).asDouble();
      assertThat(d.get("mean").asDouble()).as(key).isCloseTo(mean, within(1e-12 * mean));
      double cvar = expected.get("estimate_conditional_value_at_risk_alpha0.1").get("pi_e3")
          .get(key).get(0).asDouble();
      assertThat(d.get("cvar").get(0).get("value").asDouble()).as(key)
          .isCloseTo(cvar, within(1e-12 * cvar));
      assertThat(d.has("band_lower")).isFalse();
    }
  }

  @Test
  void documentedMode_writesBandsCsvTableAndReport() throws IOException {
    Path report = dir.resolve("r.html");
    CliRun json = scopeRl("--reward-scale", "0,10,21", "--band-replicates", "20", "--format", "json",
        "--report", report.toString());
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode tis = new ObjectMapper().readTree(json.out()).get("distributions").get(1);
    assertThat(tis.get("estimator").asText()).isEqualTo("cd-tis");
    assertThat(tis.get("cdf")).hasSize(21);
    assertThat(tis.get("band_lower")).hasSize(21);
    assertThat(Files.readString(report)).contains("Distribution of the return", "CDF of the return");
    CliRun csv = scopeRl("--distribution-estimators", "cd-sntis", "--reward-scale", "0,10,21",
        "--format", "csv");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out().lines()).hasSize(22).first()
        .isEqualTo("policy,estimator,return,cdf,band_lower,band_upper");
    CliRun table = scopeRl("--distribution-estimators", "cd-sntis", "--cvar-alpha", "0.1,0.5");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("CVaR 0.1", "CVaR 0.5", "q 0.05", "q 0.95", "cd-sntis");
  }

  @Test
  void badInput_exitsWithTwo() throws IOException {
    Path bandit = dir.resolve("bandit.csv");
    Files.writeString(bandit, "action,reward,pscore,pi_0,pi_1\n0,1,0.5,0.5,0.5\n1,0,0.5,0.5,0.5\n");
    CliRun onBandit = CliRun.of("evaluate", "--data", bandit.toString(), "--distribution");
    assertThat(onBandit.exitCode()).isEqualTo(2);
    assertThat(onBandit.err()).contains("--distribution", "trajectory");
    assertThat(scopeRl("--reward-scale", "1,0,5").exitCode()).isEqualTo(2);
    assertThat(scopeRl("--cvar-alpha", "0").exitCode()).isEqualTo(2);
    assertThat(scopeRl("--distribution-estimators", "cd-foo").exitCode()).isEqualTo(2);
    CliRun noModel = CliRun.of("evaluate", "--data", SCOPE_RL, "--policy", "pi_e3=pi_e3_prob_a",
        "--distribution", "--distribution-estimators", "cd-tdr");
    assertThat(noModel.exitCode()).isEqualTo(2);
    assertThat(noModel.err()).contains("cd-tdr");
  }
}
