package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --ci hcope} on a simulated tabular log: one-sided bounds, said so in every format. */
class EvaluateHighConfidenceTest {

  @TempDir Path dir;
  private Path log;

  @BeforeEach
  void simulate() {
    log = dir.resolve("tabular.csv");
    // rewards: means in [0, 1] with uniform noise of width 1, so in [-0.5, 1.5]
    CliRun run = CliRun.of("simulate", "--env", "tabular", "--states", "3", "--actions", "2",
        "--episodes", "3000", "--gamma", "0.9", "--seed", "7", "--output", log.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void jsonSaysOneSidedAndTheBoundIsBelowTheTruth() throws IOException {
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9", "--ci", "hcope",
        "--reward-range=-0.5,1.5", "--truth", dir.resolve("tabular.truth.json").toString(),
        "--format", "json", "--threads", "2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    // default estimators with hcope: tis and pdis, for the two default targets
    assertThat(root.get("estimates")).hasSize(4);
    for (JsonNode estimate : root.get("estimates")) {
      assertThat(estimate.get("ci_method").asText()).isEqualTo("hcope");
      assertThat(estimate.get("ci_one_sided").asText()).isEqualTo("lower");
      // upper end: 1.5 times the total discount 1 / (1 - 0.9)
      assertThat(estimate.get("ci_upper").asDouble()).isCloseTo(15.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(estimate.get("ci_lower").asDouble()).isLessThan(estimate.get("true_value").asDouble())
          .isGreaterThanOrEqualTo(-5.0);
      assertThat(estimate.get("hcope").get("selection_episodes").asLong()
          + estimate.get("hcope").get("bound_episodes").asLong()).isEqualTo(3000);
      assertThat(estimate.get("hcope").get("threshold").asDouble()).isPositive();
    }
  }

  @Test
  void tableSaysOneSided() {
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9", "--ci", "hcope",
        "--reward-range=-0.5,1.5", "--estimators", "pdis");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("hcope: one-sided lower bounds at 95%");
  }

  @Test
  void badUsesExitWithTwo() {
    CliRun noRange = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9", "--ci", "hcope");
    assertThat(noRange.exitCode()).isEqualTo(2);
    assertThat(noRange.err()).contains("--reward-range LO,HI");
    CliRun snpdis = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9", "--ci", "hcope",
        "--reward-range=-0.5,1.5", "--estimators", "snpdis");
    assertThat(snpdis.exitCode()).isEqualTo(2);
    assertThat(snpdis.err()).contains("tis and pdis only");
    CliRun narrow = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9", "--ci", "hcope",
        "--reward-range", "0,1");
    assertThat(narrow.exitCode()).isEqualTo(2);
    assertThat(narrow.err()).contains("outside --reward-range [0.0, 1.0]");
    CliRun withT = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9",
        "--reward-range", "0,1");
    assertThat(withT.exitCode()).isEqualTo(2);
    assertThat(withT.err()).contains("for --ci hcope");
  }
}
