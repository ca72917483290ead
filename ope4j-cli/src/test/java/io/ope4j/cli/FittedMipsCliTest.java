package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --estimators mips:pae=fitted} on a simulated embedding log with one-hot context
 * columns ({@code simulate --embedding-context-columns}): the action model is fitted from the log,
 * said on stderr, and the estimate is near the exact truth, as the table-based MIPS is; misuse exits 2.
 */
class FittedMipsCliTest {

  @TempDir Path dir;

  private Path simulate() {
    Path log = dir.resolve("embedded.csv");
    CliRun simulate = CliRun.of("simulate", "--rows", "20000", "--seed", "5", "--embedding-dims", "2",
        "--embedding-categories", "3", "--actions", "10", "--contexts", "5", "--embedding-context-columns",
        "--eval-policy", "t=softmax:0.5", "--output", log.toString());
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    return log;
  }

  @Test
  void fittedMipsIsNearTheTruthLikeTheTableMips() throws IOException {
    Path log = simulate();
    CliRun evaluate = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "mips:pae=fitted,snmips:pae=fitted,mips",
        "--embedding-table", dir.resolve("embedded.embedding.csv").toString(), "--action-model", "softmax:C=10",
        "--truth", dir.resolve("embedded.truth.json").toString(), "--format", "json", "--threads", "1");
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    assertThat(evaluate.err()).contains("action model: softmax(C=10) of the action on the z-scored context and the"
        + " one-hot embedding, cross-fitted (3 folds");
    JsonNode estimates = new ObjectMapper().readTree(evaluate.out()).get("estimates");
    assertThat(estimates).hasSize(3);
    for (JsonNode estimate : estimates) {
      double error = estimate.get("value").asDouble() - estimate.get("true_value").asDouble();
      assertThat(Math.abs(error)).as(estimate.toString()).isLessThan(4.5 * estimate.get("stderr").asDouble());
    }
  }

  @Test
  void misuseIsAUsageError() throws IOException {
    Path log = simulate();
    CliRun unread = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "ipw", "--action-model", "softmax");
    assertThat(unread.exitCode()).isEqualTo(2);
    assertThat(unread.err()).contains("no chosen estimator reads it");
    CliRun unknown = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "mips:pae=fitted",
        "--action-model", "forest");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("action model 'forest'");
    Path plain = dir.resolve("plain.csv");
    assertThat(CliRun.of("simulate", "--rows", "100", "--output", plain.toString()).exitCode()).isZero();
    CliRun noEmbedding = CliRun.of("evaluate", "--data", plain.toString(), "--estimators", "mips:pae=fitted");
    assertThat(noEmbedding.exitCode()).as(noEmbedding.err()).isEqualTo(2);
    assertThat(noEmbedding.err()).contains("embedding columns");
    CliRun contextsOnly = CliRun.of("simulate", "--rows", "10", "--embedding-context-columns", "--output",
        dir.resolve("x.csv").toString());
    assertThat(contextsOnly.exitCode()).isEqualTo(2);
  }
}
