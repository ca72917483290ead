package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --env ... --q-columns exact [--q-noise SD]}: the exact Q of a target as q_* and v columns. */
class SimulateQColumnsTest {

  @TempDir Path dir;

  /**
   * Bidding with budget 1, 2 periods, bids 0 and 1 (bid 1 wins with probability 0.8), gamma 0.9,
   * the uniform target. States {@code budget * 2 + period}. At (1, 1), the last period: Q = (0,
   * 0.8), V = 0.4. With no budget nothing is won: Q = 0 at (0, 0) and (0, 1). At the start (1, 0):
   * bid 0 waits, {@code 0.9 * 0.4 = 0.36}; bid 1 wins 0.8 and else waits: {@code 0.8 + 0.9 * 0.2 *
   * 0.4 = 0.872}; V = 0.616.
   */
  @Test
  void columnsHoldTheExactValuesOfATinyMdp() throws IOException {
    Path log = dir.resolve("bid.csv");
    CliRun run = CliRun.of("simulate", "--env", "bidding", "--budget", "1", "--periods", "2",
        "--actions", "2", "--episodes", "200", "--gamma", "0.9", "--seed", "1", "--target",
        "flat=uniform", "--q-columns", "exact", "--output", log.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(log);
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header).containsSubsequence("pi_flat_0", "pi_flat_1", "q_0", "q_1", "v");
    double[][] expected = {{0, 0, 0}, {0, 0, 0}, {0.36, 0.872, 0.616}, {0, 0.8, 0.4}};
    int[] seen = new int[4];
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      int state = Integer.parseInt(cells[header.indexOf("state")]);
      seen[state]++;
      assertThat(Double.parseDouble(cells[header.indexOf("q_0")])).isCloseTo(expected[state][0], offset(1e-12));
      assertThat(Double.parseDouble(cells[header.indexOf("q_1")])).isCloseTo(expected[state][1], offset(1e-12));
      assertThat(Double.parseDouble(cells[header.indexOf("v")])).isCloseTo(expected[state][2], offset(1e-12));
    }
    assertThat(seen[2]).isEqualTo(200); // every episode starts there
    assertThat(seen[3]).isPositive();
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("bid.truth.json").toFile());
    assertThat(truth.get("policies").get("flat").asDouble()).isCloseTo(0.616, offset(1e-12));
    assertThat(truth.get("config").get("q_columns").asText()).isEqualTo("exact");
  }

  /**
   * With the exact Q, DR keeps only the noise of the rewards and transitions weighted by the
   * importance weights: on a 3 x 3 gridworld its standard error is far below PDIS's, and both are
   * within 4.5 standard errors of the exact value; DM, V(s_0) at the one start cell, is the exact
   * value itself. With a wrong Q (noise 0.5 per value) DM is off while DR still centres on the
   * truth.
   */
  @Test
  void drWithTheExactQHasMuchLessVarianceThanPdis() throws IOException {
    JsonNode exact = evaluate("exact", "0");
    double pdisError = exact.get(0).get("stderr").asDouble();
    double drError = exact.get(1).get("stderr").asDouble();
    assertThat(drError).as("dr %s vs pdis %s", drError, pdisError).isLessThan(0.5 * pdisError);
    assertThat(exact.get(2).get("value").asDouble())
        .isCloseTo(exact.get(2).get("true_value").asDouble(), offset(1e-12));
    for (JsonNode estimate : List.of(exact.get(0), exact.get(1))) {
      double error = estimate.get("value").asDouble() - estimate.get("true_value").asDouble();
      assertThat(Math.abs(error)).as(estimate.toString()).isLessThan(4.5 * estimate.get("stderr").asDouble());
    }
    JsonNode wrong = evaluate("noisy", "0.5");
    JsonNode dm = wrong.get(2);
    JsonNode dr = wrong.get(1);
    assertThat(Math.abs(dm.get("value").asDouble() - dm.get("true_value").asDouble())).isGreaterThan(0.05);
    assertThat(Math.abs(dr.get("value").asDouble() - dr.get("true_value").asDouble()))
        .isLessThan(4.5 * dr.get("stderr").asDouble());
  }

  private JsonNode evaluate(String name, String noise) throws IOException {
    Path log = dir.resolve(name + ".csv");
    CliRun simulate = CliRun.of("simulate", "--env", "gridworld", "--size", "3", "--episodes", "4000",
        "--gamma", "0.9", "--seed", "5", "--behaviour", "epsilon-greedy:0.5@q", "--target",
        "best=epsilon-greedy:0.2@q", "--q-columns", "exact", "--q-noise", noise, "--output",
        log.toString());
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    CliRun evaluate = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9",
        "--estimators", "pdis,dr,dm", "--truth", dir.resolve(name + ".truth.json").toString(),
        "--format", "json");
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    return new ObjectMapper().readTree(evaluate.out()).get("estimates");
  }

  @Test
  void badOptionsExitWithTwo() {
    String out = dir.resolve("x.csv").toString();
    CliRun kind = CliRun.of("simulate", "--env", "tabular", "--q-columns", "fitted", "--output", out);
    assertThat(kind.exitCode()).isEqualTo(2);
    assertThat(kind.err()).contains("--q-columns must be exact or none");
    CliRun policy = CliRun.of("simulate", "--env", "tabular", "--q-columns", "exact", "--q-policy",
        "nobody", "--output", out);
    assertThat(policy.exitCode()).isEqualTo(2);
    assertThat(policy.err()).contains("--q-policy nobody is not a --target");
    CliRun noise = CliRun.of("simulate", "--env", "tabular", "--q-noise", "0.1", "--output", out);
    assertThat(noise.exitCode()).isEqualTo(2);
    assertThat(noise.err()).contains("go with --q-columns exact");
  }
}
