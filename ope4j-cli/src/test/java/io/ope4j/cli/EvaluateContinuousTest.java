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

/** {@code ope4j simulate} and {@code evaluate} with {@code --schema continuous}: truth, JSON, bad input. */
class EvaluateContinuousTest {

  private static final Path ORACLE = Path.of("..", "testdata", "obp_continuous");

  @TempDir Path dir;

  private Path simulate(String... extra) {
    Path log = dir.resolve("continuous.csv.gz");
    String[] args = new String[] {"simulate", "--schema", "continuous", "--rows", "30000", "--seed", "9", "-o",
        log.toString()};
    CliRun run = CliRun.of(concat(args, extra));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return log;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void simulatedLogIsEvaluatedNearItsTruthWithTheJsonContract() throws IOException {
    Path log = simulate();
    Path truth = dir.resolve("continuous.truth.json");
    assertThat(new ObjectMapper().readTree(truth.toFile()).get("policies").get("pi").asDouble()).isEqualTo(1.75);
    CliRun run = CliRun.of("evaluate", "--schema", "continuous", "--data", log.toString(), "--truth", truth.toString(),
        "--format", "json", "--threads", "2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("schema").asText()).isEqualTo("continuous");
    assertThat(root.get("n_rounds").asLong()).isEqualTo(30000);
    assertThat(root.get("estimates")).hasSize(3);
    JsonNode dr = root.get("estimates").get(2);
    assertThat(dr.get("estimator").asText()).isEqualTo("kernel-dr:kernel=gaussian:bandwidth=slope");
    assertThat(dr.get("selected").asText()).startsWith("kernel-dr:kernel=gaussian:bandwidth=");
    assertThat(dr.get("value").asDouble()).isCloseTo(1.75, within(0.1));
    assertThat(dr.get("covers_truth").isBoolean()).isTrue();
    for (String key : new String[] {"ess", "mean_weight", "max_weight", "zero_probability_share"}) {
      assertThat(dr.get("diagnostics").has(key)).as(key).isTrue();
    }
  }

  @Test
  void reportHasTheEstimatesAndTheKernelWeights() throws IOException {
    Path log = simulate();
    Path page = dir.resolve("report.html");
    CliRun run = CliRun.of("evaluate", "--schema", "continuous", "--data", log.toString(), "--estimators",
        "kernel-ipw:kernel=cosine:bandwidth=0.5,kernel-dr:kernel=cosine:bandwidth=0.5", "--report", page.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String html = Files.readString(page);
    assertThat(html).contains("Kernel weights").contains("kernel=cosine:bandwidth=0.5").contains("Estimates");
  }

  @Test
  void densityPolicyLogsNeedNoBandwidth() throws IOException {
    Path log = simulate("--policy-noise", "0.5");
    CliRun run = CliRun.of("evaluate", "--schema", "continuous", "--data", log.toString(), "--format", "csv");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\npi,kernel-ipw,").contains("\npi,kernel-dr,");
  }

  @Test
  void obpBootstrapReproducesTheOracleInterval() throws IOException {
    CliRun run = CliRun.of("evaluate", "--schema", "continuous", "--data",
        ORACLE.resolve("continuous_shared.csv.gz").toString(), "--target-col", "action_by_evaluation_policy",
        "--q-pi-col", "qhat_eval", "--q-col", "qhat_logged", "--estimators",
        "kernel-dr:kernel=gaussian:bandwidth=0.25:compat=obp", "--ci", "bootstrap", "--obp-bootstrap", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode estimate = new ObjectMapper().readTree(run.out()).get("estimates").get(0);
    // README of shared/oracles/obp_continuous: 5.333123989176016 [5.122970442763623, 5.539231435860302]
    assertThat(estimate.get("value").asDouble()).isCloseTo(5.333123989176016, within(1e-11));
    assertThat(estimate.get("ci_lower").asDouble()).isCloseTo(5.122970442763623, within(1e-11));
    assertThat(estimate.get("ci_upper").asDouble()).isCloseTo(5.539231435860302, within(1e-11));
  }

  @Test
  void badValuesExitTwoNamingFileRowAndColumn() throws IOException {
    Path log = dir.resolve("bad.csv");
    Files.writeString(log, "action,reward,pscore,target_action\n0.5,1,0.3,0\n0.2,1,-0.5,0\n");
    CliRun run = CliRun.of("evaluate", "--schema", "continuous", "--data", log.toString(), "--estimators",
        "kernel-ipw:bandwidth=1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(log + " row 2, pscore: must be a finite density > 0, got -0.5");
    Files.writeString(log, "action,reward,pscore,target_action\nNaN,1,0.3,0\n");
    CliRun nan = CliRun.of("evaluate", "--schema", "continuous", "--data", log.toString(), "--estimators",
        "kernel-ipw:bandwidth=1");
    assertThat(nan.exitCode()).isEqualTo(2);
    assertThat(nan.err()).contains(log + " row 1, action: must be a finite number, got NaN");
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    Path log = simulate();
    for (String[] args : new String[][] {
        {"--estimators", "ipw"},
        {"--estimators", "kernel-ipw:kernel=box:bandwidth=1"},
        {"--estimators", "kernel-ipw"},
        {"--ci", "hoeffding"},
        {"--obp-bootstrap"},
        {"--n-actions", "3"}}) {
      CliRun run = CliRun.of(concat(new String[] {"evaluate", "--schema", "continuous", "--data", log.toString()}, args));
      assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
    }
    Path noTarget = dir.resolve("no-target.csv");
    Files.writeString(noTarget, "action,reward,pscore\n0.5,1,0.3\n");
    CliRun run = CliRun.of("evaluate", "--schema", "continuous", "--data", noTarget.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("needs exactly one of the columns target_action");
    CliRun simulate = CliRun.of("simulate", "--schema", "continuous", "--actions", "4", "-o",
        dir.resolve("x.csv").toString());
    assertThat(simulate.exitCode()).isEqualTo(2);
    assertThat(simulate.err()).contains("--actions is an option of the other simulators");
  }
}
