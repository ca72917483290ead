package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --env inventory}: continuous state features, Monte Carlo truths with their
 * standard errors, read by {@code evaluate --truth}.
 */
class SimulateInventoryTest {

  @TempDir Path dir;

  private JsonNode simulate(String name, String seed, String truthEpisodes, String episodes) throws IOException {
    Path log = dir.resolve(name + ".csv");
    CliRun run = CliRun.of("simulate", "--env", "inventory", "--horizon", "10", "--episodes", episodes,
        "--truth-episodes", truthEpisodes, "--gamma", "0.95", "--seed", seed, "--behaviour", "softmax:1",
        "--target", "greedy=epsilon-greedy:0.3", "--output", log.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(dir.resolve(name + ".truth.json").toFile());
  }

  /**
   * Two truths from independent seeds differ by less than 4 of their combined stated standard
   * errors, and four times the episodes halve the standard error (to 10%).
   */
  @Test
  void monteCarloTruthHasTheStatedStandardError() throws IOException {
    JsonNode first = simulate("a", "1", "20000", "10");
    JsonNode second = simulate("b", "2", "20000", "10");
    JsonNode larger = simulate("c", "3", "80000", "10");
    assertThat(first.get("truth").asText()).isEqualTo("monte carlo");
    assertThat(first.get("truth_episodes").asLong()).isEqualTo(20000);
    for (String policy : List.of("greedy")) {
      double a = first.get("policies").get(policy).asDouble();
      double b = second.get("policies").get(policy).asDouble();
      double seA = first.get("policies_stderr").get(policy).asDouble();
      double seB = second.get("policies_stderr").get(policy).asDouble();
      assertThat(seA).isPositive();
      assertThat(Math.abs(a - b)).as("%s: %s vs %s", policy, a, b).isLessThan(4 * Math.hypot(seA, seB));
      double seLarger = larger.get("policies_stderr").get(policy).asDouble();
      assertThat(seLarger / seA).isBetween(0.45, 0.55);
    }
    double behaviour = first.get("behavior_value").asDouble();
    assertThat(Math.abs(behaviour - second.get("behavior_value").asDouble()))
        .isLessThan(4 * Math.hypot(first.get("behavior_value_stderr").asDouble(),
            second.get("behavior_value_stderr").asDouble()));
  }

  /**
   * PDIS and DR with a cross-fitted linear FQE on the s_* columns land within 4.5 standard errors
   * (the estimate's and the truth's combined) of the Monte Carlo truth.
   */
  @Test
  void pdisAndFittedDrLandOnTheMonteCarloTruth() throws IOException {
    JsonNode truth = simulate("log", "5", "40000", "3000");
    List<String> header = List.of(Files.readAllLines(dir.resolve("log.csv")).get(0).split(","));
    assertThat(header).containsSubsequence("episode", "step", "s_stock", "s_demand", "s_period",
        "action", "reward", "pscore", "done", "pi_greedy_0");
    CliRun evaluate = CliRun.of("evaluate", "--data", dir.resolve("log.csv").toString(), "--gamma", "0.95",
        "--estimators", "pdis,dr", "--q-model", "fqe-linear", "--truth",
        dir.resolve("log.truth.json").toString(), "--format", "json");
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    JsonNode estimates = new ObjectMapper().readTree(evaluate.out()).get("estimates");
    assertThat(estimates).hasSize(2);
    double truthError = truth.get("policies_stderr").get("greedy").asDouble();
    for (JsonNode estimate : estimates) {
      double error = estimate.get("value").asDouble() - estimate.get("true_value").asDouble();
      assertThat(Math.abs(error)).as(estimate.toString())
          .isLessThan(4.5 * Math.hypot(estimate.get("stderr").asDouble(), truthError));
    }
  }

  @Test
  void badOptionsExitWithTwo() {
    String out = dir.resolve("x.csv").toString();
    CliRun exact = CliRun.of("simulate", "--env", "inventory", "--q-columns", "exact", "--output", out);
    assertThat(exact.exitCode()).isEqualTo(2);
    assertThat(exact.err()).contains("no finite state space");
    CliRun optimal = CliRun.of("simulate", "--env", "inventory", "--target", "best=optimal", "--output", out);
    assertThat(optimal.exitCode()).isEqualTo(2);
    assertThat(optimal.err()).contains("@q and optimal need");
    CliRun elsewhere = CliRun.of("simulate", "--env", "tabular", "--truth-episodes", "10", "--output", out);
    assertThat(elsewhere.exitCode()).isEqualTo(2);
    assertThat(elsewhere.err()).contains("--truth-episodes is not an option of --env tabular");
    CliRun states = CliRun.of("simulate", "--env", "inventory", "--states", "3", "--output", out);
    assertThat(states.exitCode()).isEqualTo(2);
  }
}
