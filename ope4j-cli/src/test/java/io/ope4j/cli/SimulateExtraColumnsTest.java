package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --logger} and {@code --embedding-dims}, then {@code evaluate} with their
 * estimators and {@code --truth}: estimates near the exact values, and bad usage refused with
 * exit code 2.
 */
class SimulateExtraColumnsTest {

  @TempDir Path dir;

  private void evaluateNearTruth(String... args) throws IOException {
    CliRun evaluate = CliRun.of(args);
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    JsonNode estimates = new ObjectMapper().readTree(evaluate.out()).get("estimates");
    assertThat(estimates).isNotEmpty();
    for (JsonNode estimate : estimates) {
      double error = estimate.get("value").asDouble() - estimate.get("true_value").asDouble();
      // at 4.5 standard errors a false failure is rare (about 1e-5 per estimate); the seed is fixed
      assertThat(Math.abs(error)).as(estimate.toString()).isLessThan(4.5 * estimate.get("stderr").asDouble());
    }
  }

  @Test
  void aPooledLogIsEvaluatedByEveryMultiLoggerEstimator() throws IOException {
    Path log = dir.resolve("pooled.csv");
    CliRun simulate = CliRun.of("simulate", "--rows", "20000", "--seed", "3", "--logger", "old=0.3:1",
        "--logger", "7=3:2", "--eval-policy", "t=softmax:0.5", "--output", log.toString());
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    evaluateNearTruth("evaluate", "--data", log.toString(), "--estimators",
        "ipw,ipw-balanced,ipw-weighted,dr,dr-balanced,dr-weighted", "--truth",
        dir.resolve("pooled.truth.json").toString(), "--format", "json");
  }

  @Test
  void anEmbeddingLogIsEvaluatedByMipsWithItsTable() throws IOException {
    Path log = dir.resolve("embedded.csv.gz");
    CliRun simulate = CliRun.of("simulate", "--rows", "20000", "--seed", "3", "--embedding-dims", "2",
        "--actions", "30", "--eval-policy", "t=softmax:0.5", "--output", log.toString());
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    evaluateNearTruth("evaluate", "--data", log.toString(), "--embedding-table",
        dir.resolve("embedded.embedding.csv").toString(), "--estimators", "ipw,mips,snmips", "--truth",
        dir.resolve("embedded.truth.json").toString(), "--format", "json");
  }

  @Test
  void missingColumnsTablesAndMixedSimulationsAreUsageErrors() throws IOException {
    Path log = dir.resolve("plain.csv");
    assertThat(CliRun.of("simulate", "--rows", "100", "--output", log.toString()).exitCode()).isZero();
    CliRun weighted = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "ipw-weighted");
    assertThat(weighted.exitCode()).isEqualTo(2);
    assertThat(weighted.err()).contains("estimator ipw-weighted needs the logger column");
    CliRun mips = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "mips");
    assertThat(mips.exitCode()).isEqualTo(2);
    assertThat(mips.err()).contains("estimator mips needs the embedding columns");
    CliRun table = CliRun.of("evaluate", "--data", log.toString(), "--embedding-table",
        dir.resolve("absent.csv").toString());
    assertThat(table.exitCode()).isEqualTo(2);
    CliRun both = CliRun.of("simulate", "--rows", "10", "--logger", "a=1", "--embedding-dims", "2",
        "--output", dir.resolve("x.csv").toString());
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("give one of them");
  }
}
