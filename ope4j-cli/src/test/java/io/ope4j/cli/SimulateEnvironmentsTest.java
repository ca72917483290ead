package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --env gridworld|recommender|bidding} then {@code evaluate --truth}. */
class SimulateEnvironmentsTest {

  @TempDir Path dir;

  private void simulateThenEvaluate(String env, String... options) throws IOException {
    Path log = dir.resolve(env + ".csv");
    List<String> args = new ArrayList<>(List.of("simulate", "--env", env, "--episodes", "4000",
        "--gamma", "0.9", "--seed", "3", "--behaviour", "epsilon-greedy:0.5@q", "--target",
        "best=epsilon-greedy:0.2@q", "--target", "flat=uniform", "--output", log.toString()));
    args.addAll(List.of(options));
    CliRun simulate = CliRun.of(args.toArray(String[]::new));
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    CliRun evaluate = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9",
        "--estimators", "pdis,dr", "--q-model", "fqe-tabular", "--truth",
        dir.resolve(env + ".truth.json").toString(), "--format", "json");
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(evaluate.out());
    assertThat(root.get("estimates")).hasSize(4);
    for (JsonNode estimate : root.get("estimates")) {
      double error = estimate.get("value").asDouble() - estimate.get("true_value").asDouble();
      // 4 estimates at 4.5 standard errors: a false failure about once in 10^4 seeds
      assertThat(Math.abs(error)).as(env + " " + estimate).isLessThan(4.5 * estimate.get("stderr").asDouble());
    }
  }

  @Test
  void gridworldEstimatesCoverTheExactValues() throws IOException {
    simulateThenEvaluate("gridworld", "--size", "3", "--slip", "0.2");
  }

  @Test
  void recommenderEstimatesCoverTheExactValues() throws IOException {
    simulateThenEvaluate("recommender", "--actions", "3");
  }

  @Test
  void biddingEstimatesCoverTheExactValues() throws IOException {
    simulateThenEvaluate("bidding", "--budget", "3", "--periods", "5");
  }

  @Test
  void anotherEnvironmentsOptionIsRefused() {
    String out = dir.resolve("x.csv").toString();
    CliRun states = CliRun.of("simulate", "--env", "gridworld", "--states", "5", "--output", out);
    assertThat(states.exitCode()).isEqualTo(2);
    assertThat(states.err()).contains("--states is not an option of --env gridworld");
    assertThat(CliRun.of("simulate", "--env", "tabular", "--budget", "2", "--output", out)
        .exitCode()).isEqualTo(2);
    assertThat(CliRun.of("simulate", "--env", "recommender", "--horizon", "5", "--output", out)
        .exitCode()).isEqualTo(2);
    CliRun size = CliRun.of("simulate", "--env", "gridworld", "--size", "1", "--output", out);
    assertThat(size.exitCode()).isEqualTo(2);
    assertThat(size.err()).contains("size >= 2");
  }
}
