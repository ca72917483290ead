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

class SelectCommandTest {

  @TempDir static Path dir;
  static Path log;
  static Path truth;

  /** A simulated log of five candidates whose true values are known. */
  @BeforeAll
  static void simulate() {
    log = dir.resolve("sim.csv");
    truth = dir.resolve("sim.truth.json");
    SelectCliRun run = SelectCliRun.of("simulate", "--rows", "3000", "--output", log.toString(),
        "--eval-policy", "cold=softmax:0.3", "--eval-policy", "warm=softmax:3", "--eval-policy", "greedy=argmax",
        "--eval-policy", "explore=epsilon-greedy:0.3", "--eval-policy", "uniform=uniform");
    assertThat(run.code()).as(run.err()).isZero();
  }

  @Test
  void table_ranksEveryCandidateAndMarksTheTopK() {
    SelectCliRun run = SelectCliRun.of("select", "--data", log.toString(), "--top-k", "2");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("3,000 logged rounds. Estimator dr; 5 candidates ranked by the point estimate;"
        + " top 2 selected (*).");
    assertThat(run.out()).contains("Selected for the online test: greedy, cold");
    assertThat(run.out().lines().filter(line -> line.matches("^[1-5] .*")).count()).isEqualTo(5);
  }

  @Test
  void json_withTruth_judgesTheSelection() throws IOException {
    SelectCliRun run = SelectCliRun.of("select", "--data", log.toString(), "--truth", truth.toString(),
        "--criterion", "lower-bound", "--estimators", "ipw", "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("criterion").asText()).isEqualTo("lower-bound");
    assertThat(root.get("estimator").asText()).isEqualTo("ipw");
    assertThat(root.get("top_k").asInt()).isEqualTo(3);
    JsonNode candidates = root.get("candidates");
    assertThat(candidates).hasSize(5);
    for (int i = 0; i < 5; i++) {
      JsonNode candidate = candidates.get(i);
      assertThat(candidate.get("rank").asInt()).isEqualTo(i + 1);
      assertThat(candidate.get("score").asDouble()).isEqualTo(candidate.get("ci_lower").asDouble());
      assertThat(candidate.get("selected").asBoolean()).isEqualTo(i < 3);
      if (i > 0) {
        assertThat(candidate.get("score").asDouble()).isLessThanOrEqualTo(candidates.get(i - 1).get("score").asDouble());
      }
    }
    JsonNode quality = root.get("quality");
    assertThat(quality.get("regret_at_k").asDouble()).isGreaterThanOrEqualTo(0.0);
    assertThat(quality.get("top_k_curve").get("sharpe_ratio")).hasSize(5);
    assertThat(quality.get("top_k_curve").get("sharpe_ratio").get(0).isNull()).isTrue(); // undefined at k = 1
    assertThat(quality.get("behavior_value").asDouble())
        .isEqualTo(new ObjectMapper().readTree(truth.toFile()).get("behavior_value").asDouble());
  }

  @Test
  void csv_hasOneRowPerCandidate() {
    SelectCliRun run = SelectCliRun.of("select", "--data", log.toString(), "--format", "csv", "--truth", truth.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).hasSize(6);
    assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo("rank,policy,selected,value,stderr,ci_lower,"
        + "ci_upper,ci_level,ci_method,score,altered_rows,ess,mean_weight,max_weight,true_value,true_rank");
  }

  @Test
  void fewerThanTwoCandidates_exit2() {
    SelectCliRun run = SelectCliRun.of("select", "--data", log.toString(), "--policy", "cold=pi_cold_");
    assertBadInput(run, "ope4j: error: select needs at least two candidate policies, got 1 [cold]");
  }

  @Test
  void truthFileMissingACandidate_exit2() throws IOException {
    Path partial = dir.resolve("partial.truth.json");
    Files.writeString(partial, "{\"policies\": {\"cold\": 1.8, \"warm\": 0.4}, \"behavior_value\": 1.0}");
    SelectCliRun run = SelectCliRun.of("select", "--data", log.toString(), "--truth", partial.toString());
    assertBadInput(run, "ope4j: error: " + partial + ": no true value for candidates greedy, explore, uniform;"
        + " the file has [cold, warm]. Every candidate needs one");
  }

  @Test
  void truthFileThatIsNotJson_exit2() throws IOException {
    Path broken = dir.resolve("broken.truth.json");
    Files.writeString(broken, "{\"policies\": ");
    SelectCliRun run = SelectCliRun.of("select", "--data", log.toString(), "--truth", broken.toString());
    assertBadInput(run, "ope4j: error: " + broken + ": not valid JSON");
  }

  @Test
  void topKLargerThanTheCandidates_exit2() {
    SelectCliRun run = SelectCliRun.of("select", "--data", log.toString(), "--top-k", "6");
    assertBadInput(run, "ope4j: error: top k must be between 1 and the number of candidates (5), got 6");
  }

  @Test
  void nanEstimate_exit2() throws IOException {
    // Policy b gives probability 0 to every logged action: SNIPW is 0 / 0.
    Path zeros = dir.resolve("zeros.csv");
    Files.writeString(zeros, "action,reward,pscore,pi_a,pi_b\n0,1,0.5,1,0\n1,0,0.5,0,0\n0,1,0.5,1,0\n");
    SelectCliRun run = SelectCliRun.of("select", "--data", zeros.toString(), "--policy", "a=pi_a", "--policy", "b=pi_b",
        "--n-actions", "2", "--estimators", "snipw", "--top-k", "1");
    assertBadInput(run, "ope4j: error: policy b: the snipw estimate is NaN");
  }

  @Test
  void unknownCriterion_exit2() {
    SelectCliRun run = SelectCliRun.of("select", "--data", log.toString(), "--criterion", "upper-bound");
    assertBadInput(run, "ope4j: error: unknown criterion 'upper-bound'; known: estimate, lower-bound");
  }

  private static void assertBadInput(SelectCliRun run, String messageStart) {
    assertThat(run.code()).as(run.err()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(messageStart);
    assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
  }
}
