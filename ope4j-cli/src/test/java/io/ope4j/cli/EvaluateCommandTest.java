package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

  private static final Path OBP = Path.of("..", "testdata", "obp", "obd_random_men_bts.csv.gz");

  @TempDir static Path dir;
  private static Path simulated;
  private static Path truth;

  @BeforeAll
  static void simulate() {
    simulated = dir.resolve("sim.csv.gz");
    CliRun run = CliRun.of("simulate", "--rows", "100000", "--output", simulated.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    truth = dir.resolve("sim.truth.json");
    assertThat(truth).exists();
  }

  @Test
  void jsonKeepsTheFormatsContract() throws IOException {
    CliRun run = CliRun.of("evaluate", "--data", OBP.toString(), "--estimators", "ipw,dr",
        "--ci", "bootstrap", "--bootstrap", "200", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("n_rounds").asLong()).isEqualTo(10_000);
    JsonNode ipw = root.get("estimates").get(0);
    assertThat(ipw.get("policy").asText()).isEqualTo("pi");
    assertThat(ipw.get("estimator").asText()).isEqualTo("ipw");
    // OBP's IPW on this file.
    assertThat(ipw.get("value").asDouble()).isCloseTo(0.004542678800000009, within(1e-15));
    for (String key : new String[] {"stderr", "ci_lower", "ci_upper", "ci_level"}) {
      assertThat(ipw.get(key).isNumber()).as(key).isTrue();
    }
    assertThat(ipw.get("ci_method").asText()).isEqualTo("bootstrap+wilson"); // clicks: 0/1 rewards get the Wilson floor
    assertThat(ipw.get("ci_replicates").asInt()).isEqualTo(200);
    JsonNode diagnostics = ipw.get("diagnostics");
    assertThat(diagnostics.get("ess").asDouble()).isBetween(2000.0, 3000.0);
    assertThat(diagnostics.get("mean_weight").asDouble()).isCloseTo(0.9846474154000018, within(1e-12));
    assertThat(diagnostics.get("max_weight").asDouble()).isCloseTo(10.68331000000002, within(1e-12));
    JsonNode policy = root.get("policies").get("pi").get("diagnostics");
    assertThat(policy.get("max_weight")).isEqualTo(diagnostics.get("max_weight"));
    assertThat(policy.get("weight_quantiles").get("p50").isNumber()).isTrue();
    assertThat(policy.get("zero_probability_share").asDouble()).isZero();
    assertThat(root.get("warnings")).isEmpty();
  }

  @Test
  void noIntervalFloorGivesTheRawIntervalWithTheSameEstimate() throws IOException {
    String[] common = {"evaluate", "--data", OBP.toString(), "--estimators", "ipw", "--format", "json"};
    JsonNode floored = new ObjectMapper().readTree(CliRun.of(common).out()).get("estimates").get(0);
    CliRun run = CliRun.of(concat(common, "--no-interval-floor"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode raw = new ObjectMapper().readTree(run.out()).get("estimates").get(0);
    assertThat(raw.get("ci_method").asText()).isEqualTo("t");
    assertThat(floored.get("ci_method").asText()).isEqualTo("t+wilson");
    assertThat(raw.get("value").asDouble()).isEqualTo(floored.get("value").asDouble());
    // The floor only widens: the raw interval lies inside the floored one.
    assertThat(raw.get("ci_lower").asDouble()).isGreaterThanOrEqualTo(floored.get("ci_lower").asDouble());
    assertThat(raw.get("ci_upper").asDouble()).isLessThan(floored.get("ci_upper").asDouble());
  }

  @Test
  void outputIsIdenticalOnOneAndTwoThreads() {
    String[] common = {"evaluate", "--data", simulated.toString(), "--ci", "bootstrap", "--bootstrap", "100",
        "--estimators", "dm,ipw,snipw,dr,sndr,switch-dr:lambda=slope", "--format", "json"};
    CliRun one = CliRun.of(concat(common, "--threads", "1"));
    CliRun two = CliRun.of(concat(common, "--threads", "2"));
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(two.out()).isEqualTo(one.out());
  }

  @Test
  void truthFileAddsTheTruthAndErrorsToEveryFormat() throws IOException {
    CliRun table = CliRun.of("evaluate", "--data", simulated.toString(), "--truth", truth.toString());
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("truth").contains("rel. error").contains("covers").contains("softmax")
        .contains("argmax").contains("model-conditional");
    CliRun csv = CliRun.of("evaluate", "--data", simulated.toString(), "--truth", truth.toString(), "--format", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow()).endsWith("true_value,relative_error,covers_truth");
    // 4 policies x 5 default estimators (the log has model columns) + header.
    assertThat(csv.out().lines().count()).isEqualTo(21);
  }

  @Test
  void drIsCloseToTheTruthOnASimulatedLog() throws IOException {
    CliRun run = CliRun.of("evaluate", "--data", simulated.toString(), "--truth", truth.toString(),
        "--estimators", "dr", "--format", "json");
    JsonNode root = new ObjectMapper().readTree(run.out());
    for (JsonNode estimate : root.get("estimates")) {
      double error = Math.abs(estimate.get("value").asDouble() - estimate.get("true_value").asDouble());
      // Within 5 standard errors of the exact truth (DR is unbiased here).
      assertThat(error).as(estimate.get("policy").asText()).isLessThan(5 * estimate.get("stderr").asDouble());
    }
  }

  @Test
  void outputFileReceivesTheResultAndStdoutStaysEmpty() throws IOException {
    Path out = dir.resolve("estimates.json");
    CliRun run = CliRun.of("evaluate", "--data", OBP.toString(), "--estimators", "ipw", "--format", "json",
        "--output", out.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(out)).contains("\"n_rounds\" : 10000");
  }

  @Test
  void lowOverlapWarnsOnStderrAndInJson() throws IOException {
    // Policy puts all mass on action 1, which the logger took once in 1000 rounds.
    StringBuilder text = new StringBuilder("action,reward,pscore,pi_0,pi_1\n");
    for (int i = 0; i < 1000; i++) {
      text.append(i == 0 ? "1,1,0.001,0,1\n" : "0,0,0.999,0,1\n");
    }
    Path log = dir.resolve("overlap.csv");
    Files.writeString(log, text);
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "ipw", "--format", "json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("warning").contains("effective sample size");
    assertThat(new ObjectMapper().readTree(run.out()).get("warnings").get(0).asText())
        .contains("effective sample size");
  }

  @Test
  void readsStandardInputWithDash() {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(
          "action,reward,pscore,pi\n0,1,0.5,0.5\n1,0,0.5,0.25\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      CliRun run = CliRun.of("evaluate", "--data", "-", "--estimators", "ipw", "--format", "csv");
      assertThat(run.exitCode()).as(run.err()).isZero();
      // (0.5 / 0.5 * 1 + 0.25 / 0.5 * 0) / 2
      assertThat(run.out().lines().skip(1).findFirst().orElseThrow()).startsWith("pi,ipw,0.5,");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void versionAndHelpOfEveryCommand() {
    assertThat(CliRun.of("--version").out()).startsWith("ope4j ");
    for (String command : new String[] {"evaluate", "simulate", "quickstart"}) {
      CliRun help = CliRun.of(command, "--help");
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).contains("Usage: ope4j " + command);
      assertThat(CliRun.of(command, "--version").out()).startsWith("ope4j ");
    }
    assertThat(CliRun.of().exitCode()).isEqualTo(2);
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
