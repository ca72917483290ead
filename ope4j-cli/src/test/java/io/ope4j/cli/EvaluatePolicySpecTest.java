package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code evaluate --policy-spec}: policies computed from the log's x_* columns as it streams. */
class EvaluatePolicySpecTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void uniformSpec_equalsTheUniformPolicyColumnsOfASimulatedLog() throws IOException {
    Path log = dir.resolve("sim.csv.gz");
    CliRun sim = CliRun.of("simulate", "--rows", "5000", "--output", log.toString(), "--actions", "4",
        "--eval-policy", "u=uniform");
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    Path spec = write("u.json", "{\"name\": \"u\", \"type\": \"uniform\"}");
    ObjectMapper json = new ObjectMapper();
    JsonNode fromColumns = json.readTree(CliRun.of("evaluate", "--data", log.toString(), "--format", "json").out());
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--policy-spec", spec.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode fromSpec = json.readTree(run.out());
    assertThat(fromSpec.get("estimates").size()).isEqualTo(5); // dm, ipw, snipw, dr, sndr: q_* columns present
    for (int e = 0; e < 5; e++) {
      assertThat(fromSpec.get("estimates").get(e).get("value").asDouble())
          .isEqualTo(fromColumns.get("estimates").get(e).get("value").asDouble());
    }
  }

  @Test
  void linearArgmax_onContextColumns_byHand() throws IOException {
    // Scores s = x . w: action 1 when x_0 > 0, else action 0. Rows: (x_0, action, reward, pscore).
    Path log = write("log.csv", "action,reward,pscore,x_0,position\n"
        + "1,1,0.5,2.0,0\n"   // argmax 1 = logged: w = 1 / 0.5 = 2, term 2
        + "0,1,0.25,-1.0,1\n" // argmax 0 = logged: w = 4, term 4
        + "0,1,0.5,3.0,0\n"   // argmax 1 != logged: w = 0
        + "1,0,0.5,1.0,2\n"); // argmax 1 = logged: w = 2, reward 0
    Path spec = write("greedy.json", "{\"name\": \"g\", \"type\": \"argmax\", \"weights\": [[-1], [1]]}");
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--policy-spec", spec.toString(),
        "--estimators", "ipw,snipw", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode estimates = new ObjectMapper().readTree(run.out()).get("estimates");
    assertThat(estimates.get(0).get("value").asDouble()).isCloseTo((2 + 4 + 0 + 0) / 4.0, within(1e-15));
    assertThat(estimates.get(1).get("value").asDouble()).isCloseTo(6.0 / 8.0, within(1e-15));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "K differs from q   | {\"type\": \"uniform\", \"n_actions\": 3}          | has 3 actions, the log has 2",
      "d differs from x   | {\"type\": \"argmax\", \"weights\": [[1, 2], [3, 4]]} | rows have 2 values, the log has 1 context columns",
      "bts without slots  | {\"type\": \"bernoulli-ts\", \"alpha\": [1, 1], \"beta\": [1, 1]} | needs \"slots\""})
  void specsThatDoNotFitTheLog_exitTwo(String name, String json, String what) throws IOException {
    Path log = write("log.csv", "action,reward,pscore,x_0,position,q_0,q_1\n1,1,0.5,2.0,0,0.1,0.2\n");
    Path spec = write("spec.json", json.trim());
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--policy-spec", spec.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ope4j: error: " + spec).contains(what.trim());
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void badRowsAndOptions_exitTwo() throws IOException {
    Path spec = write("u.json", "{\"type\": \"uniform\", \"n_actions\": 2}");
    Path badX = write("bad.csv", "action,reward,pscore,x_0\n1,1,0.5,2.0\n0,1,0.5,abc\n");
    CliRun run = CliRun.of("evaluate", "--data", badX.toString(), "--policy-spec", spec.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(badX + " row 2, x_0: must be a finite number, got 'abc'");
    Path badAction = write("action.csv", "action,reward,pscore,x_0\n2,1,0.5,2.0\n");
    assertThat(CliRun.of("evaluate", "--data", badAction.toString(), "--policy-spec", spec.toString()).err())
        .contains("row 1, action: must be an integer in [0, 2), got 2");
    CliRun both = CliRun.of("evaluate", "--data", badX.toString(), "--policy-spec", spec.toString(),
        "--policy", "a=pi_");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("give one of the two");
    Path uniformUnknownK = write("k.json", "{\"type\": \"uniform\"}");
    assertThat(CliRun.of("evaluate", "--data", badX.toString(), "--policy-spec", uniformUnknownK.toString()).err())
        .contains("needs \"n_actions\"");
  }
}
