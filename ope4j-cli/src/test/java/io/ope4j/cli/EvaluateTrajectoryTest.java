package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ope4j evaluate} on trajectory logs: detection, the JSON contract, threads, bad input. */
class EvaluateTrajectoryTest {

  @TempDir Path dir;

  /** 3000 episodes (several chunks) of 1 to 6 steps, 2 actions, a narrow pi and q, v. */
  private Path log() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    StringBuilder csv = new StringBuilder("episode,step,action,reward,pscore,pi,q,v\n");
    for (int e = 0; e < 3000; e++) {
      int length = 1 + random.nextInt(6);
      for (int t = 0; t < length; t++) {
        int action = random.nextDouble() < 0.6 ? 0 : 1;
        double pscore = action == 0 ? 0.6 : 0.4;
        double pi = action == 0 ? 0.3 : 0.7;
        csv.append(String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%s,%s%n", e, t, action,
            random.nextDouble() + action, pscore, pi, 0.5 + action, 1.2));
      }
    }
    Path file = dir.resolve("episodes.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void detectsTheSchemaAndWritesTheJsonContract() throws IOException {
    CliRun run = CliRun.of("evaluate", "--data", log().toString(), "--gamma", "0.9",
        "--format", "json", "--threads", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("schema").asText()).isEqualTo("trajectory");
    assertThat(root.get("n_episodes").asLong()).isEqualTo(3000);
    assertThat(root.get("estimates")).hasSize(7);
    JsonNode first = root.get("estimates").get(0);
    for (String key : new String[] {"policy", "estimator", "value", "stderr", "ci_lower",
        "ci_upper", "ci_level", "ci_method"}) {
      assertThat(first.has(key)).as(key).isTrue();
    }
    JsonNode steps = root.get("diagnostics").get(0);
    assertThat(steps.get("ess")).hasSize(6);
    assertThat(steps.get("max_weight")).hasSize(6);
    assertThat(steps.get("running").get(0).asLong()).isEqualTo(3000);
    assertThat(steps.get("zero_probability_share").asDouble()).isZero();
  }

  @Test
  void anyThreadCountGivesTheSameBytes() throws IOException {
    String data = log().toString();
    String[] outputs = new String[3];
    for (int threads = 1; threads <= 3; threads++) {
      CliRun run = CliRun.of("evaluate", "--data", data, "--schema", "trajectory", "--gamma",
          "0.95", "--estimators", "tis,pdis,snpdis,dr,sndr", "--ci", "bootstrap", "--bootstrap",
          "50", "--seed", "9", "--format", "json", "--threads", Integer.toString(threads));
      assertThat(run.exitCode()).as(run.err()).isZero();
      outputs[threads - 1] = run.out();
    }
    assertThat(outputs[1]).isEqualTo(outputs[0]);
    assertThat(outputs[2]).isEqualTo(outputs[0]);
  }

  @Test
  void horizonCapAndCsvAndTable() throws IOException {
    String data = log().toString();
    CliRun capped = CliRun.of("evaluate", "--data", data, "--horizon-cap", "2", "--format",
        "json");
    assertThat(capped.exitCode()).as(capped.err()).isZero();
    assertThat(new ObjectMapper().readTree(capped.out()).get("diagnostics").get(0).get("ess"))
        .hasSize(2);
    CliRun csv = CliRun.of("evaluate", "--data", data, "--estimators", "pdis", "--format", "csv");
    assertThat(csv.out()).startsWith("policy,estimator,value,stderr,ci_lower,ci_upper");
    assertThat(csv.out().lines()).hasSize(2);
    CliRun table = CliRun.of("evaluate", "--data", data, "--estimators", "pdis");
    assertThat(table.out()).contains("3,000 logged episodes").contains("pdis");
  }

  @Test
  void badTrajectoryInputExits2WithFileRowAndColumn() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "episode,step,action,reward,pscore,pi\n0,0,0,1,0.5,0.5\n0,2,1,1,0.5,0.5\n");
    CliRun run = CliRun.of("evaluate", "--data", file.toString(), "--estimators", "pdis");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad.csv").contains("row 2").contains("step");
  }

  /** All rewards 0: every trajectory value is 0, so a t interval would have zero width. */
  @Test
  void noSpreadGivesAnUnboundedIntervalAndAWarning() throws IOException {
    Path file = dir.resolve("zeros.csv");
    Files.writeString(file, "episode,step,action,reward,pscore,pi\n0,0,0,0,0.5,0.5\n0,1,1,0,0.5,0.5\n"
        + "1,0,1,0,0.5,0.5\n2,0,0,0,0.5,0.5\n");
    CliRun run = CliRun.of("evaluate", "--data", file.toString(), "--estimators", "tis", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode tis = new ObjectMapper().readTree(run.out()).get("estimates").get(0);
    assertThat(tis.get("value").asDouble()).isZero();
    assertThat(tis.get("ci_method").asText()).isEqualTo("t+unbounded");
    assertThat(tis.get("ci_lower").isNull()).isTrue();
    assertThat(run.err()).contains("every trajectory value is equal");
  }

  @Test
  void aTermRangeTheValuesLeaveExits2() throws IOException {
    String data = log().toString();
    CliRun run = CliRun.of("evaluate", "--data", data, "--estimators", "tis", "--ci", "hoeffding",
        "--term-range", "0,0.001");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("outside the given term range");
  }

  @Test
  void usageErrorsExit2() throws IOException {
    String data = log().toString();
    assertThat(CliRun.of("evaluate", "--data", data, "--schema", "tabular").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("evaluate", "--data", data, "--estimators", "ipw").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("evaluate", "--data", data, "--gamma", "1.5").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("evaluate", "--data", data, "--action-col", "a").exitCode()).isEqualTo(2);
  }
}
