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
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
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
    assertThat(assess("--format", "json").out()).isEqualTo(run.out());
  }

  @Test
  void csvAndTable() {
    CliRun csv = assess("--estimators", "pdis,snpdis", "--format", "csv");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out().lines()).hasSize(1 + 2 * 10);
    CliRun table = assess();
    assertThat(table.out()).contains("Environment small", "SR@10", "snpdis");
  }

  @Test
  void badInput_exitsWithTwo() {
    assertThat(CliRun.of("assess", "--env", "gridworld").exitCode()).isEqualTo(2);
    assertThat(assess("--estimators", "dr").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("assess", "--env", "tabular", "--variants", "huge").exitCode()).isEqualTo(2);
    assertThat(assess("--episodes", "0").exitCode()).isEqualTo(2);
  }
}
