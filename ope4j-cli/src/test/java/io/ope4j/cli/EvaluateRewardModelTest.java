package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --reward-model}: fitting on x_* columns, with cross-fitting, end to end. */
class EvaluateRewardModelTest {

  @TempDir static Path dir;
  static Path log;
  static Path truth;

  @BeforeAll
  static void simulate() {
    log = dir.resolve("wine.csv");
    truth = dir.resolve("wine.truth.json");
    CliRun run = CliRun.of("simulate", "--from-classification", Path.of("..", "testdata", "uci", "wine_data.csv")
        .toString(), "--output", log.toString(), "--seed", "2");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void crossFittedLogistic_givesDrEstimatesAndSaysHowItWasFitted() throws IOException {
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--truth", truth.toString(), "--reward-model",
        "logistic:C=1", "--model-features", "per-action", "--format", "json", "--threads", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("ope4j: reward model: logistic(C=1, per action), cross-fitted (3 folds, seed"
        + " 12345), weights plain").contains("ope4j: propensities: logged");
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("estimates")).hasSize(3 * 5);
    assertThat(run.out()).contains("\"estimator\" : \"dr\"").doesNotContain("estimated propensities");
  }

  @Test
  void inSample_isSaidInTheWarnings() throws IOException {
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--reward-model", "ridge:alpha=1", "--in-sample",
        "--estimators", "dm,dr", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("in-sample");
    assertThat(new ObjectMapper().readTree(run.out()).get("warnings").toString()).contains("--in-sample");
  }

  @Test
  void mrdrWeights_fitOneModelPerPolicy() {
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--reward-model", "logistic", "--fit-weights", "mrdr",
        "--estimators", "dr");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("[softmax] reward model: logistic(C=1), cross-fitted (3 folds, seed 12345),"
        + " weights mrdr for policy softmax").contains("weights mrdr for policy argmax");
  }

  @Test
  void xgboost_runs() {
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--reward-model", "xgboost:rounds=5:depth=2",
        "--estimators", "dm,dr");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("xgboost(binary:logistic, rounds=5, max_depth=2");
  }

  @Test
  void estimatedPropensities_areMarked() throws IOException {
    // Drop the pscore column: action,reward,pscore,x_... -> action,reward,x_...
    Path noPscore = dir.resolve("no-pscore.csv");
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(log)) {
      String[] fields = line.split(",", -1);
      StringBuilder kept = new StringBuilder(fields[0]).append(',').append(fields[1]);
      for (int i = 3; i < fields.length; i++) {
        kept.append(',').append(fields[i]);
      }
      text.append(kept).append('\n');
    }
    Files.writeString(noPscore, text);
    CliRun refused = CliRun.of("evaluate", "--data", noPscore.toString(), "--reward-model", "logistic");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains(noPscore + ": estimator ipw needs the pscore column");

    CliRun run = CliRun.of("evaluate", "--data", noPscore.toString(), "--reward-model", "logistic",
        "--estimate-propensities", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("propensities: estimated (softmax(C=1) of the action on the z-scored context");
    assertThat(new ObjectMapper().readTree(run.out()).get("warnings").toString()).contains("estimated propensities");
  }

  @Test
  void logisticOnContinuousRewards_exitsTwoNamingFileAndRow() throws IOException {
    Path continuous = dir.resolve("continuous.csv");
    Files.writeString(continuous, "action,reward,pscore,x_0,pi_0,pi_1\n0,1,0.5,0.1,0.5,0.5\n1,0.37,0.5,0.2,0.5,0.5\n"
        + "0,0,0.5,0.3,0.5,0.5\n1,1,0.5,0.4,0.5,0.5\n");
    CliRun run = CliRun.of("evaluate", "--data", continuous.toString(), "--reward-model", "logistic");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).startsWith("ope4j: error: " + continuous + ": logistic regression needs binary"
        + " rewards (0 or 1), but row 2 has reward 0.37").contains("ridge");
    assertThat(run.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void badValue_namesFileRowAndColumn() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "action,reward,pscore,x_0,pi_0,pi_1\n0,1,0.5,abc,0.5,0.5\n");
    CliRun run = CliRun.of("evaluate", "--data", bad.toString(), "--reward-model", "ridge");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("ope4j: error: " + bad + " row 1, x_0: must be a finite number, got 'abc'");
  }

  @Test
  void unknownModel_isRejected() {
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--reward-model", "forest");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown model 'forest'; known: logistic, ridge, xgboost");
  }
}
