package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 on the fitting paths: each column is required only by the estimators that use it, so
 * DM runs on a log without pscore through {@code --reward-model} and {@code --policy-spec} as
 * through plain {@code evaluate}, and an estimator that weights is refused by name.
 */
class EvaluateWithoutPscoreTest {

  private static final int ROWS = 60;

  @TempDir static Path dir;
  static Path withPscore;
  static Path noPscore;
  static Path uniform;
  /** Mean of (q_0 + q_1) / 2 over the rows: DM of the uniform policy with the log's model. */
  static double uniformDm;

  @BeforeAll
  static void writeLogs() throws IOException {
    StringBuilder full = new StringBuilder("action,reward,pscore,x_0,pi_0,pi_1,q_0,q_1\n");
    StringBuilder bare = new StringBuilder("action,reward,x_0,pi_0,pi_1,q_0,q_1\n");
    double sum = 0;
    for (int i = 0; i < ROWS; i++) {
      int action = i % 2;
      double x = (i % 7) / 7.0;
      int reward = (i * 5 + action) % 3 == 0 ? 1 : 0;
      double q0 = 0.1 * (i % 5);
      double q1 = 0.05 * (i % 4);
      sum += (q0 + q1) / 2;
      String tail = x + ",0.25,0.75," + q0 + "," + q1 + "\n";
      full.append(action).append(',').append(reward).append(",0.5,").append(tail);
      bare.append(action).append(',').append(reward).append(',').append(tail);
    }
    uniformDm = sum / ROWS;
    withPscore = Files.writeString(dir.resolve("with-pscore.csv"), full);
    noPscore = Files.writeString(dir.resolve("no-pscore.csv"), bare);
    uniform = Files.writeString(dir.resolve("uniform.json"), "{\"name\": \"uniform\", \"type\": \"uniform\"}");
  }

  private static CliRun evaluate(Path log, String... options) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--data", log.toString(), "--format", "json",
        "--threads", "1"));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static JsonNode estimate(CliRun run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out()).get("estimates").get(0);
  }

  @Test
  void rewardModel_dmRunsWithoutPscore_asWithIt() throws IOException {
    String[] options = {"--reward-model", "ridge", "--estimators", "dm"};
    JsonNode without = estimate(evaluate(noPscore, options));
    // the plain fit does not use pscore: the same model, the same DM
    assertThat(without.get("value").asDouble()).isEqualTo(estimate(evaluate(withPscore, options)).get("value")
        .asDouble());
    assertThat(without.get("diagnostics").get("ess").isNull()).isTrue();
  }

  @Test
  void policySpec_dmRunsWithoutPscore_onTheLogsModel() throws IOException {
    JsonNode dm = estimate(evaluate(noPscore, "--policy-spec", uniform.toString(), "--estimators", "dm"));
    assertThat(dm.get("policy").asText()).isEqualTo("uniform");
    assertThat(dm.get("value").asDouble()).isCloseTo(uniformDm, within(1e-12));
  }

  @Test
  void policySpecAndRewardModel_dmRunsWithoutPscore_asWithIt() throws IOException {
    String[] options = {"--policy-spec", uniform.toString(), "--reward-model", "ridge", "--n-actions", "2",
        "--estimators", "dm"};
    assertThat(estimate(evaluate(noPscore, options)).get("value").asDouble())
        .isEqualTo(estimate(evaluate(withPscore, options)).get("value").asDouble());
  }

  @Test
  void everyPath_namesTheEstimatorThatNeedsPscore() {
    String[][] paths = {
        {"--reward-model", "ridge", "--estimators", "dm,dr"},
        {"--policy-spec", uniform.toString(), "--estimators", "dm,snipw"},
        {"--policy-spec", uniform.toString(), "--reward-model", "ridge", "--n-actions", "2"}};
    String[] named = {"dr", "snipw", "ipw"};
    for (int p = 0; p < paths.length; p++) {
      CliRun run = evaluate(noPscore, paths[p]);
      assertThat(run.exitCode()).as(String.join(" ", paths[p])).isEqualTo(2);
      assertThat(run.err()).isEqualTo("ope4j: error: " + noPscore + ": estimator " + named[p] + " needs the pscore"
          + " column (behaviour policy's probability of the logged action); the log has none\n");
    }
    CliRun weighted = evaluate(noPscore, "--reward-model", "ridge", "--fit-weights", "iw", "--estimators", "dm");
    assertThat(weighted.exitCode()).isEqualTo(2);
    assertThat(weighted.err()).contains("the fitting weights iw need the pscore column");
  }
}
