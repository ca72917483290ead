package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ope4j select} on a trajectory log: by the mean, its lower bound, CVaR and a lower quantile. */
class SelectTrajectoryTest {

  @TempDir Path dir;
  private String data;

  @BeforeEach
  void simulate() {
    Path file = dir.resolve("episodes.csv");
    CliRun run = CliRun.of("simulate", "--env", "tabular", "--states", "3", "--actions", "2",
        "--horizon", "4", "--episodes", "1500", "--gamma", "0.9", "--seed", "5", "--target",
        "soft=softmax:1", "--target", "eps=epsilon-greedy:0.3", "--target", "uni=uniform",
        "--output", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    data = file.toString();
  }

  private JsonNode select(String criterion, String... more) throws IOException {
    String[] base = {"select", "--data", data, "--gamma", "0.9", "--criterion", criterion,
        "--top-k", "2", "--format", "json"};
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(base));
    args.addAll(java.util.List.of(more));
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void cvarRanking_isTheOrderOfTheDistributionsCvar() throws IOException {
    JsonNode selection = select("cvar:0.2", "--estimators", "cd-tis");
    assertThat(selection.get("schema").asText()).isEqualTo("trajectory-selection");
    assertThat(selection.get("criterion").asText()).isEqualTo("cvar:0.2");
    CliRun evaluate = CliRun.of("evaluate", "--data", data, "--gamma", "0.9", "--distribution",
        "--distribution-estimators", "cd-tis", "--cvar-alpha", "0.2", "--band-replicates", "0",
        "--format", "json");
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    JsonNode distributions = new ObjectMapper().readTree(evaluate.out()).get("distributions");
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode ranked : selection.get("ranking")) {
      double cvar = Double.NaN;
      for (JsonNode d : distributions) {
        if (d.get("policy").asText().equals(ranked.get("policy").asText())) {
          cvar = d.get("cvar").get(0).get("value").asDouble();
        }
      }
      assertThat(ranked.get("score").asDouble()).isEqualTo(cvar);
      assertThat(cvar).isLessThanOrEqualTo(previous);
      previous = cvar;
    }
    assertThat(selection.get("selected")).hasSize(2);
  }

  @Test
  void everyCriterion_ranksAllCandidates() throws IOException {
    for (String criterion : new String[] {"estimate", "lower-bound", "lower-quantile:0.1"}) {
      JsonNode selection = select(criterion);
      assertThat(selection.get("ranking")).as(criterion).hasSize(3);
      JsonNode first = selection.get("ranking").get(0);
      assertThat(first.get("score").asDouble()).as(criterion)
          .isGreaterThanOrEqualTo(selection.get("ranking").get(2).get("score").asDouble());
    }
    // the lower bound is below the estimate it bounds
    JsonNode bound = select("lower-bound");
    for (JsonNode ranked : bound.get("ranking")) {
      assertThat(ranked.get("score").asDouble()).isLessThan(ranked.get("value").asDouble());
    }
  }

  @Test
  void badInput_exitsWithTwo() {
    assertThat(CliRun.of("select", "--data", data, "--criterion", "cvar:2").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("select", "--data", data, "--criterion", "cvar:0.1", "--estimators", "tis")
        .exitCode()).isEqualTo(2);
    CliRun truth = CliRun.of("select", "--data", data, "--truth", data);
    assertThat(truth.exitCode()).isEqualTo(2);
    assertThat(truth.err()).contains("--truth");
  }
}
