package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --env tabular} then {@code evaluate --truth}: estimates near the exact values. */
class SimulateTabularTest {

  @TempDir Path dir;

  @Test
  void unbiasedEstimatesLandNearTheExactValues() throws IOException {
    for (String horizon : new String[] {"0", "4"}) {
      Path log = dir.resolve("tabular" + horizon + ".csv");
      CliRun simulate = CliRun.of("simulate", "--env", "tabular", "--states", "4", "--actions",
          "3", "--horizon", horizon, "--episodes", "20000", "--gamma", "0.9", "--seed", "5",
          "--target", "uniform=uniform", "--target", "soft=softmax:1", "--output", log.toString());
      assertThat(simulate.exitCode()).as(simulate.err()).isZero();
      Path truth = dir.resolve("tabular" + horizon + ".truth.json");
      assertThat(truth).exists();
      CliRun evaluate = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9",
          "--estimators", "tis,pdis,snpdis", "--truth", truth.toString(), "--format", "json");
      assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
      JsonNode root = new ObjectMapper().readTree(evaluate.out());
      assertThat(root.get("estimates")).hasSize(6);
      for (JsonNode estimate : root.get("estimates")) {
        double value = estimate.get("value").asDouble();
        double exact = estimate.get("true_value").asDouble();
        double stderr = estimate.get("stderr").asDouble();
        // 6 estimates at 4.5 standard errors: a false failure about once in 10^4 seeds; the SN
        // estimator's O(1/n) bias is far below one standard error at 20000 episodes
        assertThat(Math.abs(value - exact)).as(estimate.toString()).isLessThan(4.5 * stderr);
      }
    }
  }

  @Test
  void theSameSeedWritesTheSameLog() throws IOException {
    Path first = dir.resolve("a.csv");
    Path second = dir.resolve("b.csv");
    for (Path log : new Path[] {first, second}) {
      assertThat(CliRun.of("simulate", "--env", "tabular", "--episodes", "50", "--output",
          log.toString()).exitCode()).isZero();
    }
    assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    assertThat(Files.readString(first)).startsWith(
        "episode,step,state,action,reward,pscore,done,pi_uniform_0,");
  }

  /** The truth is discounted with simulate's --gamma: evaluating with another one is refused, not compared. */
  @Test
  void truthOfAnotherDiscount_isRefused() {
    Path log = dir.resolve("g.csv");
    assertThat(CliRun.of("simulate", "--env", "tabular", "--episodes", "50", "--gamma", "0.9", "--output",
        log.toString()).exitCode()).isZero();
    CliRun evaluate = CliRun.of("evaluate", "--data", log.toString(), "--truth", dir.resolve("g.truth.json").toString());
    assertThat(evaluate.exitCode()).isEqualTo(2);
    assertThat(evaluate.out()).isEmpty();
    assertThat(evaluate.err()).contains("discounted with gamma 0.9").contains("evaluate with --gamma 0.9");
  }

  @Test
  void badOptionsExit2() {
    String out = dir.resolve("x.csv").toString();
    assertThat(CliRun.of("simulate", "--env", "grid", "--output", out).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("simulate", "--env", "tabular", "--behaviour", "softmax:0", "--output",
        out).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("simulate", "--env", "tabular", "--target", "a b=uniform", "--output",
        out).exitCode()).isEqualTo(2);
    // a bandit simulator's option would be ignored with --env: refused, not dropped
    CliRun rows = CliRun.of("simulate", "--env", "tabular", "--rows", "5", "--output", out);
    assertThat(rows.exitCode()).isEqualTo(2);
    assertThat(rows.err()).contains("--rows is an option of the bandit simulators");
  }
}
