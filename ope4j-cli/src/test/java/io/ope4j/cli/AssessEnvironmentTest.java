package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code ope4j assess --env tabular}: the JSON and CSV shapes, determinism and bad input. */
class AssessEnvironmentTest {

  private static CliRun assess(String... more) {
    String[] base = {"assess", "--env", "tabular", "--variants", "small", "--replications", "2",
        "--episodes", "300", "--seed", "4"};
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(base));
    args.addAll(java.util.List.of(more));
    return CliRun.of(args.toArray(new String[0]));
  }

  @Test
  void json_holdsEveryEnvironmentEstimatorAndK() throws IOException {
    CliRun run = assess("--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("schema").asText()).isEqualTo("environment-assessment");
    JsonNode env = root.get("environments").get(0);
    assertThat(env.get("name").asText()).isEqualTo("small");
    assertThat(env.get("true_values").size()).isEqualTo(10);
    assertThat(env.get("estimators")).hasSize(4);
    JsonNode tis = env.get("estimators").get(0);
    assertThat(tis.get("estimator").asText()).isEqualTo("tis");
    assertThat(tis.get("sharpe_ratio")).hasSize(10);
    assertThat(tis.get("sharpe_ratio").get(0).isNull()).isTrue();
    assertThat(tis.get("nmse").asDouble()).isPositive();
    JsonNode byCvar = env.get("selection_by_cvar");
    assertThat(byCvar).hasSize(2);
    assertThat(byCvar.get(0).get("estimator").asText()).isEqualTo("cd-tis");
    assertThat(byCvar.get(0).get("sharpe_ratio")).hasSize(10);
    assertThat(env.get("true_cvar").size()).isEqualTo(10);
    // the CVaR of the worst 10% is below the mean
    assertThat(env.get("behaviour_cvar").asDouble()).isLessThan(env.get("behaviour_value").asDouble());
    assertThat(assess("--format", "json").out()).isEqualTo(run.out());
  }

  @Test
  void csvAndTable() {
    CliRun csv = assess("--estimators", "pdis,snpdis", "--risk-estimators", "none", "--format", "csv");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out().lines()).hasSize(1 + 2 * 10);
    CliRun withRisk = assess("--estimators", "pdis", "--risk-estimators", "cd-sntis", "--format", "csv");
    assertThat(withRisk.out().lines()).hasSize(1 + 2 * 10);
    // SharpeRatio@1 is undefined: an empty field
    assertThat(withRisk.out().lines().filter(l -> l.startsWith("small,cd-sntis by CVaR 0.1,")))
        .hasSize(10).first().asString().startsWith("small,cd-sntis by CVaR 0.1,1,,");
    CliRun table = assess();
    assertThat(table.out()).contains("Environment small", "SR@10", "snpdis");
  }

  @Test
  void badInput_exitsWithTwo() {
    assertThat(CliRun.of("assess", "--env", "gridworld").exitCode()).isEqualTo(2);
    assertThat(assess("--estimators", "dr").exitCode()).isEqualTo(2);
    assertThat(assess("--risk-estimators", "cd-tdr").exitCode()).isEqualTo(2);
    assertThat(assess("--cvar-alpha", "0").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("assess", "--env", "tabular", "--variants", "huge").exitCode()).isEqualTo(2);
    assertThat(assess("--episodes", "0").exitCode()).isEqualTo(2);
    assertThat(assess("--report", "r.html").exitCode()).isEqualTo(2);
  }
}
